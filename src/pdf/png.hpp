#pragma once
// PNG encoding with libpng (private to src/pdf), for the images Cairo
// paints on an image surface: EPUB covers and page previews.

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
/// and 74 KB with Cairo's writer; 36-50 ms and 120 KB as filtered RGB;
/// 18-29 ms and 41 KB as a palette.
std::string encode_png(cairo_surface_t* surface, std::string& problem);

/// The versions of libpng and zlib this program runs with.
std::string png_versions();

}  // namespace cinefolio::pdf
