#pragma once
// A typographic cover for books that bring no cover image: title,
// subtitle and editors set in the book's own faces, painted with Cairo.

#include <optional>
#include <string>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/pdf/pdf.hpp"

namespace cinefolio::pdf {

/// The cover's size in pixels: 1600 x 2560 (1 : 1.6) is what the stores
/// ask for (KDP's recommended size; Apple and Kobo accept it).
struct CoverSize {
    int width = 1600;
    int height = 2560;
};

/// Paints the cover from the book's metadata in its fonts (regular, italic
/// and bold are used) and returns the bytes of a PNG. A pure function: the
/// same metadata and fonts give the same bytes. nullopt after reporting
/// errors (unreadable fonts, a size Cairo cannot paint).
std::optional<std::string> cover_png(const model::Metadata& metadata, const FontFiles& fonts,
                                     base::Diagnostics& diagnostics, CoverSize size = {});

}  // namespace cinefolio::pdf
