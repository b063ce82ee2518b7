#pragma once
// JPEG for print (private to src/pdf): libjpeg checks and decodes the file,
// and the surface carries the original bytes so the PDF embeds them as
// they are (DCTDecode) instead of re-compressing the pixels.

#include <string>

#include "cairo_raii.hpp"

namespace cinefolio::pdf {

/// An RGB24 surface of the JPEG's pixels with `bytes` attached as its JPEG
/// mime data (not copied: `bytes` must outlive the surface); null with
/// `problem` set if the file is damaged, too large or in a colour space
/// print does not convert (CMYK).
CairoSurface decode_jpeg(const std::string& bytes, std::string& problem);

}  // namespace cinefolio::pdf
