// Blank pages at the end of a document, so its leaves fold into sheets.

#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::typeset {

int pad_pages(PagedDocument& document, int multiple) {
    if (multiple < 2) return 0;
    const auto size = static_cast<int>(document.pages.size());
    const int missing = (multiple - size % multiple) % multiple;
    // Label-less: a padding page is no page of the text, and a reader
    // jumping to "page 24" must not land on one.
    for (int i = 0; i < missing; ++i) document.pages.emplace_back();
    return missing;
}

}  // namespace cinefolio::typeset
