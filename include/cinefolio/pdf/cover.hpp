#pragma once
// A typographic cover for books that bring no cover image: title,
// subtitle and editors set in the book's own faces, painted with Cairo.

#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/typeset/fonts.hpp"

namespace cinefolio::pdf {

/// The cover's size in pixels: 1600 x 2560 (1 : 1.6) is what the stores
/// ask for (KDP's recommended size; Apple and Kobo accept it).
struct CoverSize {
    int width = 1600;
    int height = 2560;
};

/// The words a cover shows, in the book's language (the caller takes them
/// from the book's words, model::words_for, so pdf prints no words of its own).
struct CoverText {
    std::string title;
    std::string subtitle;
    std::string editors;    // the creators as the book joins them ("A, B and C"); empty: none
    std::string edited_by;  // the line above the editors, in capitals ("EDITED BY")
};

/// Paints the cover in the book's faces (regular, italic and bold are
/// used) and returns the bytes of a PNG. A pure function: the same words
/// and fonts give the same bytes. nullopt after reporting errors (a size
/// Cairo cannot paint).
std::optional<std::string> cover_png(const CoverText& text, const typeset::FontSet& fonts,
                                     base::Diagnostics& diagnostics, CoverSize size = {});

}  // namespace cinefolio::pdf
