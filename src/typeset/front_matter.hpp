#pragma once
// The front matter: half title, title page, copyright page and contents.
// Set after the body, so the contents can cite its page numbers.

#include <map>
#include <string>
#include <vector>

#include "book_parts.hpp"

namespace cinefolio::typeset {

/// Sets the front matter; `body_pages` maps anchors to 0-based body page
/// indices (folio = index + 1); contents entries link to their anchors.
/// The colophon line of the copyright page, naming the text face.
std::string colophon(const Context& context);

void set_front_matter(Context& context, const model::Book& book, const std::vector<ContentsEntry>& contents,
                      const std::map<std::string, int>& body_pages, VerticalList& list);

}  // namespace cinefolio::typeset
