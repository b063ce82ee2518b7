#pragma once
// What the EPUB carries of the print edition it was paginated with: where
// each printed page begins, and which edition that is (dc:source).

#include <string>
#include <vector>

#include "cinefolio/epub/epub.hpp"
#include "cinefolio/manifest/print_design.hpp"
#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::cli {

/// The layout's page starts as the EPUB takes them.
std::vector<epub::PageStart> epub_page_starts(const typeset::PagedDocument& document);

/// The print edition as dc:source: "urn:isbn:…" from its ISBN when there
/// is one, else the book's identifier with the trim it is printed on.
std::string print_source(const std::string& print_isbn, const std::string& identifier,
                         const manifest::PrintDesign& design);

}  // namespace cinefolio::cli
