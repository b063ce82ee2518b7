#pragma once
// A hand-made Book with every block and inline kind, accents, curly quotes
// and dashes, plus the fonts to set it: shared by the print tests.

#include "cinefolio/model/book.hpp"
#include "cinefolio/pdf/pdf.hpp"

namespace cinefolio::test {

/// Two films, three essays, every block and inline kind.
model::Book sample_book();

/// Options with the bundled Linux Libertine faces, the DejaVu Sans fallback
/// and, when installed, the en-US hyphenation patterns.
pdf::Options sample_options();

}  // namespace cinefolio::test
