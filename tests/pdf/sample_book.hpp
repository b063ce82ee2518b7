#pragma once
// A hand-made Book with every block and inline kind, accents, curly quotes
// and dashes, plus the fonts to set it: shared by the print tests.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/fonts.hpp"

namespace cinefolio::test {

/// Two films, three essays, every block and inline kind.
model::Book sample_book();

/// The bytes of a book's faces.
struct FaceBytes {
    std::string regular, italic, bold, bold_italic, mono;
    std::vector<std::string> fallbacks;
};

/// What printing a book takes besides the book: faces, hyphenation
/// patterns, the build moment.
struct PrintInputs {
    FaceBytes fonts;
    std::string hyphenation_patterns;
    std::int64_t build_time = 1700000000;
};

/// The bundled Linux Libertine faces, the DejaVu Sans fallback and, when
/// installed, the en-US hyphenation patterns.
PrintInputs sample_options();

/// Typesets a book once and paints that layout, as the CLI does: the
/// body's pages as they are set, then the front matter (`streamed` false:
/// the whole laid-out book at once, in its order); nullopt after reporting
/// errors.
std::optional<std::string> print_pdf(const model::Book& book, const PrintInputs& inputs,
                                     base::Diagnostics& diagnostics, bool streamed = true);

/// The faces of sample_options(), loaded for the typesetter.
std::optional<typeset::FontSet> sample_fonts(base::Diagnostics& diagnostics);

}  // namespace cinefolio::test
