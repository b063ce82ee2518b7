#pragma once
// Characters the outputs cannot carry (assemble replaces them last).

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::model {

/// Replaces, in every string of the book a reader sees, the code points
/// XML 1.0 forbids (C0 controls but tab, newline and carriage return) and
/// the Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF, U+nFFFE/F),
/// which Cairo refuses as invalid text, and bytes that are not UTF-8 (cmark
/// makes some from numeric references): controls become a space (scraped
/// text carries stray form feeds and escapes), the rest U+FFFD. One
/// warning per chapter says how many were replaced.
void replace_unsafe_characters(Book& book, base::Diagnostics& diagnostics);

/// True for a code point replace_unsafe_characters() replaces.
bool is_unsafe_character(char32_t code_point);

}  // namespace cinefolio::model
