#pragma once
// The cross-lens index: finds the terms of the curated file and of the
// confident extraction rules in the book's paragraphs, places an anchor at
// each occurrence, and collates the entries (ICU) into Book::index.

#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/manifest/index_file.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::index {

/// Builds book.index and inserts anchor inlines where terms occur.
/// `curated` may be null (extraction rules alone, all on). An entry with
/// more than `locators_per_lens` locators in one lens (0: no limit) is a
/// warning that suggests subentries: past that a reader gets a
/// concordance, not an index. The book's chapters are searched on
/// `threads` threads (0: one per core); the result does not depend on it.
void build(model::Book& book, const manifest::IndexFile* curated, base::Diagnostics& diagnostics,
           int locators_per_lens = 0, int threads = 1);

/// Candidate entries for an editor: every extraction rule's findings plus
/// capitalised multi-word names, with counts per lens and per film, as an
/// index file (curated entries already present are left out). An entry
/// with more than `locators_per_lens` locators in one lens (0: no limit)
/// gets proposed subentries, the phrases that recur around its occurrences;
/// a curated one comes back for them alone (`rule: subentries`).
manifest::IndexFile candidates(const model::Book& book, const manifest::IndexFile* curated, int locators_per_lens = 0);

/// The heading an index uses for a person's name: "Louise Bourgeois" ->
/// "Bourgeois, Louise"; "Simone de Beauvoir" -> "Beauvoir, Simone de".
std::string invert_name(const std::string& name);

/// Orders headings as Chicago's word-by-word rule wants for `language`:
/// case and diacritics only break ties, numerals before letters, a leading
/// article of a work's title ignored. Returns the order as indices.
std::vector<std::size_t> collation_order(const std::vector<std::string>& headings, const std::vector<bool>& is_title,
                                         const std::string& language);

}  // namespace cinefolio::index
