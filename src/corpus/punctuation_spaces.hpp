#pragma once
// The spaces a language sets before high punctuation and inside guillemets
// (French: "vrai ?" with U+202F, "dit :" with U+00A0, « U+202F…U+202F »),
// put in place of whatever the author typed there (private to src/corpus).

#include <vector>

#include "cinefolio/model/book.hpp"
#include "cinefolio/model/words.hpp"

namespace cinefolio::corpus {

/// True when the language sets such spaces (its Words name them).
bool spaces_punctuation(const model::Words& words);

/// Sets the language's space before each ; : ! ? and inside each « » ‹ ›
/// of the text these inlines spell (emphasis, links and soft breaks
/// included), whether the author typed a space there, none, or another
/// kind; leaves code, autolinks, link targets, times and ratios (10:30,
/// 1:1.85), web addresses and emoticons as typed. Idempotent.
void space_punctuation(std::vector<model::Inline>& inlines, const model::Words& words);

/// The same over every block's inlines, nested blocks too; code blocks are
/// left as typed.
void space_punctuation(std::vector<model::Block>& blocks, const model::Words& words);

}  // namespace cinefolio::corpus
