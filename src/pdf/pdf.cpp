// The print backend's entry: dates, images and the painter.

#include "cinefolio/pdf/pdf.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "cairo_fonts.hpp"
#include "finish.hpp"
#include "images.hpp"
#include "painter.hpp"

namespace cinefolio::pdf {

namespace {

// Sheet beyond the bleed for crop marks: a 9 pt gap, an 18 pt mark and 3 pt
// of margin (points; the painter draws them).
constexpr double crop_mark_room = 30;

/// "2023-11-14" and "2023-11-14T22:13:20Z" for a moment (UTC; no clock read).
std::pair<std::string, std::string> dates_of(std::int64_t seconds) {
    using namespace std::chrono;
    const sys_seconds moment{std::chrono::seconds{seconds}};
    const auto day = floor<days>(moment);
    const year_month_day date{day};
    const hh_mm_ss time{moment - day};
    char day_text[16];
    char full_text[32];
    std::snprintf(day_text, sizeof day_text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    std::snprintf(full_text, sizeof full_text, "%sT%02d:%02d:%02dZ", day_text, static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
    return {day_text, full_text};
}

}  // namespace

PrintImages::PrintImages(const std::map<std::string, ImageFile>& files)
    : surfaces_(std::make_unique<ImageSurfaces>(files)) {}

PrintImages::~PrintImages() = default;

const std::map<std::string, typeset::ImageInfo>& PrintImages::info() const { return surfaces_->info(); }

std::string iso8601_moment(std::int64_t seconds) { return dates_of(seconds).second; }

std::size_t padded_page_count(std::size_t pages, int pad_to) {
    const std::size_t multiple = static_cast<std::size_t>(std::max(pad_to, 1));
    return pages + (multiple - pages % multiple) % multiple;
}

std::optional<std::string> paint(const typeset::PagedDocument& document, const typeset::FontSet& fonts,
                                 const PrintImages& images, const Options& options, base::Diagnostics& diagnostics) {
    prepare_cairo();
    const CairoFonts cairo_fonts(fonts);
    const DocumentInfo info{options.title, options.author, options.subject, dates_of(options.build_time).second};
    const bool print = options.profile == Profile::print;
    PageSetup setup;
    setup.pad_to = options.pad_to;
    if (options.progress) setup.painted = &options.progress->pages_painted;
    if (print) {
        setup.bleed = options.bleed;
        setup.crop_marks = options.crop_marks;
        // The marks need room outside the bleed: the gap, the mark, a margin.
        setup.slug = options.crop_marks ? crop_mark_room : 0;
        setup.links = false;
        setup.grey_images = true;
        setup.pdf_1_4 = true;
    }
    std::string error;
    std::vector<std::string> opened;
    std::string bytes = paint(document, cairo_fonts, images.surfaces(), info, setup, opened, error);
    if (error.empty()) {
        Finish finishing{print, document.width, document.height, setup.bleed, setup.slug, options.language,
                         info.date, {}, options.threads};
        finishing.elements.reserve(opened.size());
        for (const auto& element : opened) {
            StructureElement described{element.substr(0, element.find('#')), {}, {}};
            if (const auto found = document.structure_attributes.find(element);
                found != document.structure_attributes.end()) {
                described.alt = found->second.alt;
                described.language = found->second.language;
            }
            finishing.elements.push_back(std::move(described));
        }
        bytes = finish(bytes, finishing, error);
    }
    if (!error.empty()) {
        diagnostics.error({}, "cannot write the PDF: " + error);
        return std::nullopt;
    }
    return bytes;
}

}  // namespace cinefolio::pdf
