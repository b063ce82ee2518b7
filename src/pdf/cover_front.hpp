#pragma once
// The typographic front of a cover, shared by the EPUB's cover image and
// the print cover's front panel (private to src/pdf).

#include <string>
#include <vector>

#include <cairo.h>

#include "cairo_fonts.hpp"
#include "cinefolio/pdf/cover.hpp"

namespace cinefolio::pdf {

/// A colour as Cairo takes it, 0 to 1 a channel.
struct Colour {
    double red, green, blue;
};

/// The field, the letters and the two short rules of a cover.
struct CoverPalette {
    Colour paper, ink, accent;
};

/// Paints title, subtitle and creators onto a `size` field at the origin
/// (pixels for the EPUB's image, points for print); the field itself is the
/// caller's.
void paint_cover_front(cairo_t* cairo, const CairoFonts& fonts, const CoverText& text, CoverSize size,
                       const CoverPalette& palette);

/// `text` filled greedily into lines no wider than `width` in the current face.
std::vector<std::string> greedy_lines(cairo_t* cairo, const std::string& text, double width);

}  // namespace cinefolio::pdf
