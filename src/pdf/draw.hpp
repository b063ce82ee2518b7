#pragma once
// Drawing a page's marks (images, glyph runs, rules) on any Cairo
// surface: the PDF painter and the PNG preview share it, so a preview
// shows exactly what the PDF prints. Private to src/pdf.

#include <cairo.h>

#include "cairo_fonts.hpp"
#include "cinefolio/typeset/paged_document.hpp"
#include "images.hpp"

namespace cinefolio::pdf {

/// Draws the page's images, then its text and rules in black, in page
/// coordinates (points, origin top left); links and labels are the PDF's.
/// `grey_images`: images as opaque grey (the print profile's PDF/X-1a).
void draw_page(cairo_t* cr, const typeset::Page& page, const CairoFonts& fonts, const ImageSurfaces& images,
               bool grey_images = false);

/// One glyph run in the current source, as draw_page draws it (the PDF painter draws
/// a page's pieces one by one, in reading order, for its structure tags).
void draw_run(cairo_t* cr, const typeset::GlyphRun& run, const CairoFonts& fonts);

/// One image, as draw_page draws it.
void draw_image(cairo_t* cr, const typeset::Image& image, const ImageSurfaces& images, bool grey_images = false);

/// The page's rules, filled in black.
void draw_rules(cairo_t* cr, const typeset::Page& page);

/// The font options both painters use: unhinted metrics and outlines, so
/// glyphs stand where the typesetter put them at any resolution.
void set_unhinted(cairo_t* cr);

}  // namespace cinefolio::pdf
