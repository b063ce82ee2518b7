#pragma once
// A language's quotation marks in place of the English ones cmark-gfm's
// smart punctuation makes from straight quotes (private to src/corpus).

#include <cmark-gfm.h>

#include "cinefolio/model/words.hpp"

namespace cinefolio::corpus {

/// True when the language's marks are cmark's own (“ ” ‘ ’): nothing to do.
bool quotes_as_cmark(const model::Words& words);

/// Rewrites, in `smart` (a document parsed with CMARK_OPT_SMART), each mark
/// cmark made from a straight quote with the language's mark for its
/// level. `plain` is the same text parsed without smart punctuation: where
/// it holds `"` or `'`, the mark was typed straight; curly marks the author
/// typed are kept as written. Leaves `smart` as it is when the two trees
/// differ in shape (they should not).
void localise_quotes(cmark_node* smart, cmark_node* plain, const model::Words& words);

}  // namespace cinefolio::corpus
