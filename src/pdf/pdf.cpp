// The print backend's entry: dates, images and the painter.

#include "cinefolio/pdf/pdf.hpp"

#include <chrono>
#include <cstdio>

#include "cairo_fonts.hpp"
#include "images.hpp"
#include "painter.hpp"

namespace cinefolio::pdf {

namespace {

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

std::string day_of(std::int64_t seconds) { return dates_of(seconds).first; }

std::optional<std::string> paint(const typeset::PagedDocument& document, const typeset::FontSet& fonts,
                                 const PrintImages& images, const Options& options, base::Diagnostics& diagnostics) {
    const CairoFonts cairo_fonts(fonts);
    const DocumentInfo info{options.title, options.author, options.subject, dates_of(options.build_time).second};
    std::string error;
    std::string bytes = paint(document, cairo_fonts, images.surfaces(), info, error);
    if (!error.empty()) {
        diagnostics.error({}, "cannot write the PDF: " + error);
        return std::nullopt;
    }
    return bytes;
}

}  // namespace cinefolio::pdf
