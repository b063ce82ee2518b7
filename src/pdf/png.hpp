#pragma once
// PNG encoding with libpng (private to src/pdf), for the images Cairo
// paints on an image surface: EPUB covers and page previews.

#include <functional>
#include <string>

#include <cairo.h>

namespace cinefolio::pdf {

/// The PNG of an RGB24 image surface (8-bit, no alpha); empty with
/// `problem` set if libpng failed. Cairo's own writer lets libpng try all
/// five row filters on every row and zlib search for matches; the pictures
/// painted here (flat colour, type) are run-length coded, and written as
/// a palette of their colours when they have no more than 256 (a generated
/// cover has about 210: paper, ink, the shades between, the accent), else
/// as RGB rows coded against the row above. A 1600 x 2560 cover: 67-71 ms
/// and 74 KB with Cairo's writer; 36-50 ms and 120 KB as filtered RGB; as
/// a palette 41 KB, and 14-17 ms for an image of that size and kind.
std::string encode_png(cairo_surface_t* surface, std::string& problem);

/// The PNG of a `width` x `height` RGB picture that `paint` draws (in
/// pixels, from the top left; false: it failed and said why), as
/// encode_png writes it. It is painted in strips of 256 rows, each strip's
/// colours taken into the palette at once, so a 1600 x 2560 cover holds a
/// 1.6 MB strip and 4 MB of palette indices instead of a 16 MB raster; a
/// picture of more than 256 colours is painted again whole.
std::string paint_png(int width, int height, const std::function<bool(cairo_t*)>& paint, std::string& problem);

/// The versions of libpng and zlib this program runs with.
std::string png_versions();

}  // namespace cinefolio::pdf
