#pragma once
// A hand-made Book with every block and inline kind, accents, curly quotes
// and dashes, plus the fonts to set it: shared by the print tests.

#include <optional>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/fonts.hpp"

namespace cinefolio::test {

/// Two films, three essays, every block and inline kind.
model::Book sample_book();

/// Options with the bundled Linux Libertine faces, the DejaVu Sans fallback
/// and, when installed, the en-US hyphenation patterns.
pdf::Options sample_options();

/// The faces of sample_options(), loaded for the typesetter.
std::optional<typeset::FontSet> sample_fonts(base::Diagnostics& diagnostics);

}  // namespace cinefolio::test
