#pragma once
// The cross-lens index as an EPUB Indexes 1.0 page (private to src/epub).

#include <map>
#include <string>

#include "pages.hpp"

namespace cinefolio::epub {

/// Renders the book's index: a head note explaining the lens sigla, letter
/// groups, entries with their lenses' locators (each a link to the anchor in
/// the paragraph where the term occurs), subentries and cross-references.
/// The context's `page_labels` map anchor ids to print page numbers; without
/// one, a locator reads as the paragraph's number in its chapter (¶12).
std::string index_page(const PageContext& context);

}  // namespace cinefolio::epub
