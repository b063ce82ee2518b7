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

struct StreamingPaint::State {
    State(double width, double height, const typeset::FontSet& fonts, const PrintImages& images,
          const Options& wanted)
        : options(wanted),
          cairo_fonts(fonts),
          info{wanted.title, wanted.author, wanted.subject, dates_of(wanted.build_time).second},
          setup(setup_of(wanted)),
          painter(width, height, cairo_fonts, images.surfaces(), info, setup) {}

    static PageSetup setup_of(const Options& wanted) {
        PageSetup sheet;
        sheet.pad_to = wanted.pad_to;
        if (wanted.progress) sheet.painted = &wanted.progress->pages_painted;
        if (wanted.profile == Profile::print) {
            sheet.bleed = wanted.bleed;
            sheet.crop_marks = wanted.crop_marks;
            // The marks need room outside the bleed: the gap, the mark, a margin.
            sheet.slug = wanted.crop_marks ? crop_mark_room : 0;
            sheet.links = false;
            sheet.grey_images = true;
            sheet.pdf_1_4 = true;
        }
        return sheet;
    }

    Options options;
    const CairoFonts cairo_fonts;
    const DocumentInfo info;
    const PageSetup setup;
    Painter painter;
};

StreamingPaint::StreamingPaint(double width, double height, const typeset::FontSet& fonts, const PrintImages& images,
                               const Options& options) {
    prepare_cairo();
    state_ = std::make_unique<State>(width, height, fonts, images, options);
}

StreamingPaint::~StreamingPaint() = default;

void StreamingPaint::page(typeset::Page&& page) { state_->painter.body_page(std::move(page)); }

std::optional<std::string> StreamingPaint::finish(const typeset::PagedDocument& document,
                                                  base::Diagnostics& diagnostics) {
    const Options& options = state_->options;
    const bool print = options.profile == Profile::print;
    std::string error;
    std::vector<std::string> opened;
    PageOrder order;
    std::string bytes = state_->painter.finish(document, opened, order, error);
    if (error.empty()) {
        Finish finishing{print, document.width, document.height, state_->setup.bleed, state_->setup.slug,
                         options.language, state_->info.date, {}, options.threads, order};
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
        bytes = pdf::finish(bytes, finishing, error);
    }
    if (!error.empty()) {
        diagnostics.error({}, "cannot write the PDF: " + error);
        return std::nullopt;
    }
    return bytes;
}

std::optional<std::string> paint(const typeset::PagedDocument& document, const typeset::FontSet& fonts,
                                 const PrintImages& images, const Options& options, base::Diagnostics& diagnostics) {
    StreamingPaint painting(document.width, document.height, fonts, images, options);
    return painting.finish(document, diagnostics);
}

}  // namespace cinefolio::pdf
