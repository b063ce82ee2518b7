#pragma once
// A typographic cover for books that bring no cover image: title,
// subtitle and editors set in the book's own faces, painted with Cairo.

#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/pdf/pdf.hpp"
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

/// The libraries' versions the pixels of cover_png depend on (Cairo,
/// FreeType, libpng, zlib), for a cache's key.
std::string cover_png_engine();

/// What the wrap-around print cover shows: back, spine and front on one
/// sheet, plus bleed.
struct PrintCover {
    CoverText text;
    std::string back_text;         // the manifest's `back_cover:`; blank lines part paragraphs
    bool isbn = false;             // leave room on the back for the barcode
    double trim_width = 432;       // one panel, points
    double trim_height = 648;
    std::size_t pages = 0;         // the book's, padded
    double inches_per_page = 0.002252;  // paper thickness: 0.002252 white, 0.0025 cream
    const ImageFile* image = nullptr;   // the front's image, scaled to bleed; nullptr: typographic
};

/// The spine's width in points for a page count and paper thickness.
double spine_width(std::size_t pages, double inches_per_page);

/// The sheet's size in points: 2 x trim width + spine + 2 x bleed wide.
std::pair<double, double> cover_sheet(const PrintCover& cover, double bleed);

/// Paints the print cover as a PDF in the book's faces, finished like the
/// book (`options`: profile, bleed, dates); nullopt after reporting errors.
std::optional<std::string> cover_pdf(const PrintCover& cover, const typeset::FontSet& fonts, const Options& options,
                                     base::Diagnostics& diagnostics);

}  // namespace cinefolio::pdf
