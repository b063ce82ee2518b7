#pragma once
// PNG encoding with libpng (private to src/pdf), for the images Cairo
// paints on an image surface: EPUB covers and page previews.

#include <string>

#include <cairo.h>

namespace cinefolio::pdf {

/// The PNG of an RGB24 image surface (8-bit RGB, no alpha); empty with
/// `problem` set if libpng failed. Cairo's own writer lets libpng try all
/// five row filters on every row; the pictures painted here (flat colour,
/// type) compress as well or better unfiltered, in about a third of the
/// time.
std::string encode_png(cairo_surface_t* surface, std::string& problem);

}  // namespace cinefolio::pdf
