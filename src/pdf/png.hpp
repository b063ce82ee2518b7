#pragma once
// PNG encoding with libpng (private to src/pdf), for the images Cairo
// paints on an image surface: EPUB covers and page previews.

#include <string>

#include <cairo.h>

namespace cinefolio::pdf {

/// The PNG of an RGB24 image surface (8-bit RGB, no alpha); empty with
/// `problem` set if libpng failed. Cairo's own writer lets libpng try all
/// five row filters on every row and zlib search for matches; the pictures
/// painted here (flat colour, type) are coded row against row above and
/// run-length: a 1600 x 2560 cover in 36-50 ms instead of 67-71 ms
/// unfiltered with zlib's default search, for 120 KB instead of 74 KB.
std::string encode_png(cairo_surface_t* surface, std::string& problem);

/// The versions of libpng and zlib this program runs with.
std::string png_versions();

}  // namespace cinefolio::pdf
