// The print backend: fonts from bytes, typesetting, painting.

#include "cinefolio/pdf/pdf.hpp"

#include <chrono>
#include <cstdio>

#include "cairo_fonts.hpp"
#include "cinefolio/model/words.hpp"
#include "cinefolio/typeset/typeset.hpp"
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

// Loads the faces and sets the book in pages; the images were decoded
// before, since the layout needs each one's pixel size.
std::optional<typeset::PagedDocument> set_pages(const model::Book& book, const Options& options,
                                                const ImageSurfaces& images, base::Diagnostics& diagnostics,
                                                std::optional<typeset::FontSet>& fonts) {
    const auto& files = options.fonts;
    typeset::FontBytes face_bytes{files.regular, files.italic, files.bold, files.bold_italic, files.mono, {}};
    for (const auto& fallback : files.fallbacks) face_bytes.fallbacks.push_back(fallback);
    fonts = typeset::FontSet::load(face_bytes, diagnostics);
    if (!fonts) return std::nullopt;
    typeset::Settings settings;
    settings.page_width = options.page_width_pt;
    settings.page_height = options.page_height_pt;
    settings.body_size = options.body_size_pt;
    settings.hyphenation_patterns = options.hyphenation_patterns;
    settings.hyphenation_exceptions = options.hyphenation_exceptions;
    settings.build_date = dates_of(options.build_time).first;
    settings.font_expansion = options.font_expansion;
    settings.margin_kerning = options.margin_kerning;
    settings.images = images.info();
    return typeset::typeset(book, settings, *fonts, diagnostics);
}

}  // namespace

std::optional<Printed> print(const model::Book& book, const Options& options, base::Diagnostics& diagnostics) {
    std::optional<typeset::FontSet> fonts;
    const ImageSurfaces images(options.images);
    auto document = set_pages(book, options, images, diagnostics, fonts);
    if (!document) return std::nullopt;
    const CairoFonts cairo_fonts(*fonts);
    const DocumentInfo info{book.metadata.title,
                            model::join_names(book.metadata.creators, model::words_for(book.metadata.language)),
                            book.metadata.subtitle, dates_of(options.build_time).second};
    std::string error;
    Printed printed{paint(*document, cairo_fonts, images, info, error), std::move(document->anchor_labels)};
    if (!error.empty()) {
        diagnostics.error({}, "cannot write the PDF: " + error);
        return std::nullopt;
    }
    return printed;
}

std::optional<PageLabels> paginate(const model::Book& book, const Options& options, base::Diagnostics& diagnostics) {
    std::optional<typeset::FontSet> fonts;
    const ImageSurfaces images(options.images);
    auto document = set_pages(book, options, images, diagnostics, fonts);
    if (!document) return std::nullopt;
    return std::move(document->anchor_labels);
}

std::optional<std::string> write(const model::Book& book, const Options& options, base::Diagnostics& diagnostics) {
    auto printed = print(book, options, diagnostics);
    if (!printed) return std::nullopt;
    return std::move(printed->bytes);
}

}  // namespace cinefolio::pdf
