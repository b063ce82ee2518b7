#pragma once
// The navigation documents (private to src/epub): the EPUB 3 nav.xhtml and,
// for EPUB 2 reading systems and older Kindle tooling, toc.ncx.

#include <string>

#include "pages.hpp"

namespace cinefolio::epub {

/// nav.xhtml: the toc (front matter, then film > chapters) and landmarks.
std::string navigation_document(const PageContext& context);

/// toc.ncx with the same entries as the nav's toc.
std::string ncx_document(const PageContext& context);

}  // namespace cinefolio::epub
