#pragma once
// The printed index: an opening with a head note on the sigla, then the
// entries in two columns, locators grouped by lens with merged page ranges.

#include <map>
#include <string>
#include <vector>

#include "cinefolio/model/book.hpp"
#include "context.hpp"
#include "page_builder.hpp"

namespace cinefolio::typeset {

/// Sets the book's index as pages; `body_pages` maps anchors to 0-based
/// body page indices (folio = index + 1). The first page carries the
/// anchor and destination "index" and an outline entry; empty without an index.
std::vector<BuiltPage> set_index_pages(Context& context, const model::Book& book,
                                       const std::map<std::string, int>& body_pages, const PageGeometry& geometry);

/// The locator text of an entry: per lens in reading order its siglum and
/// folios, consecutive pages merged ("R 12, 14–15; S 48").
std::string locator_text(const model::IndexEntry& entry, const std::vector<model::Lens>& lenses,
                         const std::map<std::string, int>& body_pages);

}  // namespace cinefolio::typeset
