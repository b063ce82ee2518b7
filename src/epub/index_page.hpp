#pragma once
// The cross-lens index as an EPUB Indexes 1.0 page (private to src/epub).

#include <map>
#include <string>

#include "pages.hpp"

namespace cinefolio::epub {

/// File name of the index page inside text/.
inline constexpr const char* index_file_name = "index.xhtml";

/// Renders the book's index: a head note explaining the lens sigla, letter
/// groups, entries with their lenses' locators (each a link to the anchor in
/// the paragraph where the term occurs), subentries and cross-references.
/// `page_labels` maps anchor ids to print page numbers; without one, a
/// locator reads as the paragraph's number in its chapter (¶12).
std::string index_page(const PageContext& context, const std::map<std::string, std::string>& page_labels);

}  // namespace cinefolio::epub
