// A page's images, glyph runs and rules, on whatever surface Cairo draws.

#include "draw.hpp"

#include <string_view>
#include <vector>

#include "cinefolio/base/text.hpp"

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

/// Whether a cluster is one character drawn by a glyph other than the one
/// the face maps it to (see CairoFonts): Cairo would file that glyph
/// under the character's 8-bit code if it met it first.
bool alternate_cluster(const typeset::GlyphRun& run, const CairoFonts& fonts, std::size_t byte, std::size_t glyph,
                       const typeset::Cluster& cluster) {
    if (cluster.glyphs != 1 || cluster.bytes <= 0) return false;
    const std::string_view text(run.text.data() + byte, static_cast<std::size_t>(cluster.bytes));
    std::size_t offset = 0;
    const char32_t code_point = base::decode_utf8(text, offset);
    if (offset != text.size()) return false;  // several characters: Cairo maps the glyph by the cmap
    return !fonts.nominal(run.font, run.fallback, code_point, run.glyphs[glyph].id);
}

void paint_run(cairo_t* cr, const typeset::GlyphRun& run, const CairoFonts& fonts) {
    if (run.glyphs.empty()) return;
    // Font expansion draws the glyph shapes wider or narrower through the
    // font matrix; their positions already include the scaling.
    cairo_matrix_t matrix;
    cairo_matrix_init_scale(&matrix, run.size * run.horizontal_scale, run.size);
    // A page's runs reuse the thread's two lists.
    thread_local std::vector<cairo_glyph_t> glyphs;
    glyphs.clear();
    glyphs.reserve(run.glyphs.size());
    for (const auto& glyph : run.glyphs) glyphs.push_back({glyph.id, glyph.x, glyph.y});
    if (!clusters_match(run)) {
        cairo_set_font_face(cr, fonts.face(run.font, run.fallback));
        cairo_set_font_matrix(cr, &matrix);
        cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
        return;
    }
    thread_local std::vector<cairo_text_cluster_t> clusters;
    clusters.clear();
    clusters.reserve(run.clusters.size());
    for (const auto& cluster : run.clusters) clusters.push_back({cluster.bytes, cluster.glyphs});
    // With clusters and text, the PDF gets ToUnicode maps and ActualText, so
    // readers can search and copy ligatures and accents as letters. The run
    // goes to Cairo in stretches of nominal and of alternate glyphs, each
    // in its face; positions are absolute, so the stretches join seamlessly.
    cairo_font_face_t* current = nullptr;
    std::size_t start_cluster = 0, start_byte = 0, start_glyph = 0;
    std::size_t byte = 0, glyph = 0;
    const auto flush = [&](std::size_t end_cluster) {
        if (end_cluster == start_cluster) return;
        cairo_set_font_face(cr, current);
        cairo_set_font_matrix(cr, &matrix);
        cairo_show_text_glyphs(cr, run.text.data() + start_byte, static_cast<int>(byte - start_byte),
                               glyphs.data() + start_glyph, static_cast<int>(glyph - start_glyph),
                               clusters.data() + start_cluster, static_cast<int>(end_cluster - start_cluster),
                               static_cast<cairo_text_cluster_flags_t>(0));
    };
    for (std::size_t c = 0; c < run.clusters.size(); ++c) {
        const auto& cluster = run.clusters[c];
        cairo_font_face_t* face = fonts.face(run.font, run.fallback);
        if (alternate_cluster(run, fonts, byte, glyph, cluster))
            face = cluster.capital ? fonts.capital_face(run.font, run.fallback)
                                   : fonts.alternate_face(run.font, run.fallback);
        // A cluster of no glyphs or no text stays with the stretch before it.
        if (face != current && cluster.glyphs > 0 && cluster.bytes > 0) {
            if (current == nullptr) {
                current = face;
            } else {
                flush(c);
                current = face;
                start_cluster = c;
                start_byte = byte;
                start_glyph = glyph;
            }
        }
        byte += static_cast<std::size_t>(cluster.bytes);
        glyph += static_cast<std::size_t>(cluster.glyphs);
    }
    if (current == nullptr) current = fonts.face(run.font, run.fallback);
    flush(run.clusters.size());
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
