// The raster painter: pages onto a Cairo image surface, drawn by the
// same code as the PDF's (draw.cpp), then encoded as PNG.

#include <cmath>

#include "cinefolio/pdf/preview.hpp"
#include "draw.hpp"
#include "png.hpp"

namespace cinefolio::pdf {

namespace {

constexpr double points_per_inch = 72;
// Past 16 000 pixels a side Cairo's image surfaces fail (and the PNG
// would be hundreds of megabytes).
constexpr double largest_side = 16000;

// A hairline round each page, so white paper shows against white.
void outline_page(cairo_t* cr, double width, double height, double scale) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 1 / scale);
    cairo_rectangle(cr, 0.5 / scale, 0.5 / scale, width - 1 / scale, height - 1 / scale);
    cairo_stroke(cr);
    cairo_restore(cr);
}

}  // namespace

std::optional<std::string> pages_png(const typeset::PagedDocument& document, const std::vector<int>& pages,
                                     const typeset::FontSet& fonts, const PrintImages& images, double dpi,
                                     base::Diagnostics& diagnostics) {
    for (const int page : pages) {
        if (page < 0 || static_cast<std::size_t>(page) >= document.pages.size()) {
            diagnostics.error({}, "no page " + std::to_string(page + 1) + " to preview: the document has " +
                                      std::to_string(document.pages.size()));
            return std::nullopt;
        }
    }
    const double scale = dpi / points_per_inch;
    const double width = std::ceil(document.width * scale * static_cast<double>(pages.size()));
    const double height = std::ceil(document.height * scale);
    if (pages.empty() || width > largest_side || height > largest_side) {
        diagnostics.error({}, "cannot preview at " + std::to_string(static_cast<int>(dpi)) + " dpi: the image would be " +
                                  std::to_string(static_cast<long>(width)) + " x " +
                                  std::to_string(static_cast<long>(height)) + " pixels",
                          "choose a lower --dpi");
        return std::nullopt;
    }
    const CairoFonts cairo_fonts(fonts);
    CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height)));
    CairoContext cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    set_unhinted(cr.get());
    cairo_scale(cr.get(), scale, scale);
    for (std::size_t slot = 0; slot < pages.size(); ++slot) {
        cairo_save(cr.get());
        cairo_translate(cr.get(), document.width * static_cast<double>(slot), 0);
        draw_page(cr.get(), document.pages[static_cast<std::size_t>(pages[slot])], cairo_fonts, images.surfaces());
        outline_page(cr.get(), document.width, document.height, scale);
        cairo_restore(cr.get());
    }
    const cairo_status_t status = cairo_status(cr.get());
    cr.reset();
    if (status != CAIRO_STATUS_SUCCESS) {
        diagnostics.error({}, std::string("cannot paint the preview: ") + cairo_status_to_string(status));
        return std::nullopt;
    }
    std::string problem;
    std::string png = encode_png(surface.get(), problem);
    if (png.empty()) {
        diagnostics.error({}, "cannot paint the preview: " + problem);
        return std::nullopt;
    }
    return png;
}

}  // namespace cinefolio::pdf
