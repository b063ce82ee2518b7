// The wrap-around print cover: back, spine and front on one sheet with
// bleed, sized to the book's page count and paper; finished like the book.

#include <cairo-pdf.h>

#include <algorithm>
#include <map>

#include "cairo_fonts.hpp"
#include "cairo_raii.hpp"
#include "cinefolio/pdf/cover.hpp"
#include "cover_front.hpp"
#include "finish.hpp"
#include "images.hpp"

namespace cinefolio::pdf {

namespace {

// Greys only: the print cover obeys the book's PDF/X rules, which allow no
// RGB; a near-black field with light letters reads at thumbnail size too.
constexpr CoverPalette print_palette{{0.15, 0.15, 0.15}, {0.93, 0.93, 0.93}, {0.55, 0.55, 0.55}};

// A spine narrower than a quarter inch cannot hold a legible line, and
// printers ask for no text on it (the fold may wander 1/16 in each way).
constexpr double narrowest_lettered_spine = 18;
// The spine's letters leave 1/16 in each side for the fold's wander.
constexpr double spine_clearance = 4.5;
// The room printers ask for on the back for the ISBN barcode: 2 x 1.2 in,
// set in the back's margin from its fore-edge and foot.
constexpr double barcode_width = 144;
constexpr double barcode_height = 86.4;
constexpr double back_margin = 54;  // 0.75 in around the back's text
constexpr double back_size = 11;
constexpr double back_leading = 15;

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void set_colour(cairo_t* cr, Colour colour) { cairo_set_source_rgb(cr, colour.red, colour.green, colour.blue); }

/// The image scaled to cover the rectangle (cropped, never stretched).
void paint_cover_image(cairo_t* cr, cairo_surface_t* image, double x, double y, double width, double height,
                       bool grey) {
    const int pixels_wide = cairo_image_surface_get_width(image);
    const int pixels_high = cairo_image_surface_get_height(image);
    if (pixels_wide <= 0 || pixels_high <= 0) return;
    CairoSurface copy;
    if (grey) {
        copy = grey_copy(image);
        image = copy.get();
    }
    const double scale = std::max(width / pixels_wide, height / pixels_high);
    cairo_save(cr);
    cairo_rectangle(cr, x, y, width, height);
    cairo_clip(cr);
    cairo_translate(cr, x + (width - pixels_wide * scale) / 2, y + (height - pixels_high * scale) / 2);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

/// Title and creators along the spine, reading top to bottom (the
/// North American and British convention).
void paint_spine(cairo_t* cr, const CairoFonts& fonts, const PrintCover& cover, double left, double spine,
                 double top) {
    if (spine < narrowest_lettered_spine) return;
    const double size = std::min(12.0, (spine - 2 * spine_clearance) * 0.7);
    std::string line = cover.text.title;
    if (!cover.text.editors.empty()) line += "  \xC2\xB7  " + cover.text.editors;
    cairo_save(cr);
    cairo_set_font_face(cr, fonts.face(typeset::FontStyle::regular));
    cairo_set_font_size(cr, size);
    cairo_text_extents_t extents;
    cairo_text_extents(cr, line.c_str(), &extents);
    cairo_translate(cr, left + spine / 2, top + cover.trim_height / 2);
    cairo_rotate(cr, 3.14159265358979323846 / 2);
    // Centred on the spine: the x-height's middle on its centre line.
    cairo_move_to(cr, -extents.x_advance / 2, size * 0.35);
    set_colour(cr, print_palette.ink);
    cairo_show_text(cr, line.c_str());
    cairo_restore(cr);
}

/// The back's text in paragraphs (blank lines part them), and a white
/// panel where the barcode goes when the book has an ISBN.
void paint_back(cairo_t* cr, const CairoFonts& fonts, const PrintCover& cover, double left, double top) {
    set_colour(cr, print_palette.ink);
    cairo_set_font_face(cr, fonts.face(typeset::FontStyle::regular));
    cairo_set_font_size(cr, back_size);
    const double measure = cover.trim_width - 2 * back_margin;
    double baseline = top + back_margin + back_size;
    std::size_t start = 0;
    const std::string& text = cover.back_text;
    while (start < text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string::npos) end = text.size();
        std::string paragraph = text.substr(start, end - start);
        std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
        for (const auto& line : greedy_lines(cr, paragraph, measure)) {
            cairo_move_to(cr, left + back_margin, baseline);
            cairo_show_text(cr, line.c_str());
            baseline += back_leading;
        }
        baseline += back_leading / 2;
        start = end + 2;
    }
    if (!cover.isbn) return;
    set_colour(cr, {1, 1, 1});
    cairo_rectangle(cr, left + cover.trim_width - back_margin - barcode_width,
                    top + cover.trim_height - back_margin - barcode_height, barcode_width, barcode_height);
    cairo_fill(cr);
}

std::string paint_sheet(const PrintCover& cover, const CairoFonts& fonts, const ImageSurfaces& images, double bleed,
                        bool print, const std::string& title, const std::string& date, std::string& error) {
    const auto [width, height] = cover_sheet(cover, bleed);
    const double spine = spine_width(cover.pages, cover.inches_per_page);
    std::string bytes;
    {
        prepare_cairo();
        CairoSurface surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, width, height));
        if (print) cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_4);
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "cinefolio");
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
        CairoContext context(cairo_create(surface.get()));
        cairo_t* cr = context.get();
        // The field runs into the bleed on every side.
        set_colour(cr, print_palette.paper);
        cairo_paint(cr);
        const double back_left = bleed;
        const double spine_left = bleed + cover.trim_width;
        const double front_left = spine_left + spine;
        paint_back(cr, fonts, cover, back_left, bleed);
        paint_spine(cr, fonts, cover, spine_left, spine, bleed);
        if (cairo_surface_t* image = cover.image ? images.surface("cover") : nullptr) {
            // Scaled to the bleed: to the sheet's right, top and bottom edges.
            paint_cover_image(cr, image, front_left, 0, cover.trim_width + bleed, height, print);
            // The words on a solid band across the lower third, no
            // transparency (PDF/X-1a has none).
            set_colour(cr, print_palette.paper);
            cairo_rectangle(cr, front_left, bleed + cover.trim_height * 0.62, cover.trim_width + bleed,
                            cover.trim_height * 0.38 + bleed);
            cairo_fill(cr);
            cairo_save(cr);
            cairo_translate(cr, front_left, bleed + cover.trim_height * 0.55);
            const CoverSize band{static_cast<int>(cover.trim_width), static_cast<int>(cover.trim_height * 0.45)};
            paint_cover_front(cr, fonts, cover.text, band, print_palette);
            cairo_restore(cr);
        } else {
            cairo_save(cr);
            cairo_translate(cr, front_left, bleed);
            const CoverSize panel{static_cast<int>(cover.trim_width), static_cast<int>(cover.trim_height)};
            paint_cover_front(cr, fonts, cover.text, panel, print_palette);
            cairo_restore(cr);
        }
        cairo_status_t status = cairo_status(cr);
        context.reset();
        cairo_surface_finish(surface.get());
        if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface.get());
        if (status != CAIRO_STATUS_SUCCESS) {
            error = cairo_status_to_string(status);
            return {};
        }
    }
    return bytes;
}

}  // namespace

double spine_width(std::size_t pages, double inches_per_page) {
    return static_cast<double>(pages) * inches_per_page * 72;
}

std::pair<double, double> cover_sheet(const PrintCover& cover, double bleed) {
    return {2 * cover.trim_width + spine_width(cover.pages, cover.inches_per_page) + 2 * bleed,
            cover.trim_height + 2 * bleed};
}

std::optional<std::string> cover_pdf(const PrintCover& cover, const typeset::FontSet& fonts, const Options& options,
                                     base::Diagnostics& diagnostics) {
    const bool print = options.profile == Profile::print;
    const double bleed = print ? options.bleed : 0;
    std::map<std::string, ImageFile> files;
    if (cover.image) files["cover"] = *cover.image;
    const ImageSurfaces images(files);
    if (cover.image && !images.info().at("cover").problem.empty()) {
        diagnostics.error({}, "cannot draw the cover image on the print cover: " + images.info().at("cover").problem);
        return std::nullopt;
    }
    const CairoFonts cairo_fonts(fonts);
    const std::string date = iso8601_moment(options.build_time);
    std::string error;
    std::string bytes = paint_sheet(cover, cairo_fonts, images, bleed, print, options.title, date, error);
    if (error.empty()) {
        const auto [width, height] = cover_sheet(cover, bleed);
        // The whole sheet less its bleed is the trim: back, spine and front.
        Finish finishing{print, width - 2 * bleed, height - 2 * bleed, bleed, 0, options.language, date, {},
                         options.threads, {}};
        bytes = finish(bytes, finishing, error);
    }
    if (!error.empty()) {
        diagnostics.error({}, "cannot write the cover PDF: " + error);
        return std::nullopt;
    }
    return bytes;
}

}  // namespace cinefolio::pdf
