// A page's images, glyph runs and rules, on whatever surface Cairo draws.

#include "draw.hpp"

#include <vector>

namespace cinefolio::pdf {

namespace {

/// Cairo rejects clusters that do not add up to the text and glyphs; such a
/// run is drawn without text mapping rather than breaking the surface.
bool clusters_match(const typeset::GlyphRun& run) {
    std::size_t bytes = 0;
    std::size_t glyphs = 0;
    for (const auto& cluster : run.clusters) {
        if (cluster.bytes < 0 || cluster.glyphs < 0) return false;
        bytes += static_cast<std::size_t>(cluster.bytes);
        glyphs += static_cast<std::size_t>(cluster.glyphs);
    }
    return bytes == run.text.size() && glyphs == run.glyphs.size();
}

void paint_run(cairo_t* cr, const typeset::GlyphRun& run, const CairoFonts& fonts) {
    if (run.glyphs.empty()) return;
    cairo_set_font_face(cr, fonts.face(run.font, run.fallback));
    // Font expansion draws the glyph shapes wider or narrower through the
    // font matrix; their positions already include the scaling.
    cairo_matrix_t matrix;
    cairo_matrix_init_scale(&matrix, run.size * run.horizontal_scale, run.size);
    cairo_set_font_matrix(cr, &matrix);
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const auto& glyph : run.glyphs) glyphs.push_back({glyph.id, glyph.x, glyph.y});
    if (!clusters_match(run)) {
        cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
        return;
    }
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(run.clusters.size());
    for (const auto& cluster : run.clusters) clusters.push_back({cluster.bytes, cluster.glyphs});
    // With clusters and text, the PDF gets ToUnicode maps and ActualText, so
    // readers can search and copy ligatures and accents as letters.
    cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
}

void paint_image(cairo_t* cr, const typeset::Image& image, const ImageSurfaces& images, bool grey_images) {
    cairo_surface_t* surface = images.surface(image.name);
    if (surface == nullptr) return;
    // Cairo keeps its own reference until the PDF is finished.
    CairoSurface grey;
    if (grey_images) {
        grey = grey_copy(surface);
        surface = grey.get();
    }
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    if (width <= 0 || height <= 0) return;
    cairo_save(cr);
    cairo_translate(cr, image.x, image.y);
    cairo_scale(cr, image.width / width, image.height / height);
    cairo_set_source_surface(cr, surface, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
}

}  // namespace

void draw_page(cairo_t* cr, const typeset::Page& page, const CairoFonts& fonts, const ImageSurfaces& images,
               bool grey_images) {
    for (const auto& image : page.images) paint_image(cr, image, images, grey_images);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const auto& run : page.runs) paint_run(cr, run, fonts);
    draw_rules(cr, page);
}

void draw_run(cairo_t* cr, const typeset::GlyphRun& run, const CairoFonts& fonts) { paint_run(cr, run, fonts); }

void draw_image(cairo_t* cr, const typeset::Image& image, const ImageSurfaces& images, bool grey_images) {
    paint_image(cr, image, images, grey_images);
}

void draw_rules(cairo_t* cr, const typeset::Page& page) {
    if (page.rules.empty()) return;
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const auto& rule : page.rules) cairo_rectangle(cr, rule.x, rule.y, rule.width, rule.height);
    cairo_fill(cr);
}

void set_unhinted(cairo_t* cr) {
    CairoFontOptions options(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, options.get());
}

}  // namespace cinefolio::pdf
