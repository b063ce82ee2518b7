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

/// The font options both painters use: unhinted metrics and outlines, so
/// glyphs stand where the typesetter put them at any resolution.
void set_unhinted(cairo_t* cr);

}  // namespace cinefolio::pdf
