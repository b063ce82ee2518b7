#pragma once
// A hand-built Book for the EPUB tests: two films, several lenses, and every
// block and inline kind, with a title full of characters that need escaping.

#include "cinefolio/model/book.hpp"

namespace cinefolio::test {

/// The title of the sample book: markup-looking text and ampersands.
inline constexpr const char* sample_title = "Closeness <script>alert(\"x\")</script> & Distance";

/// Builds the sample book.
model::Book sample_book();

}  // namespace cinefolio::test
