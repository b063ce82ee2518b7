// The print edition's facts for the EPUB.

#include "print_edition.hpp"

#include <cstdio>

namespace cinefolio::cli {

std::vector<epub::PageStart> epub_page_starts(const typeset::PagedDocument& document) {
    std::vector<epub::PageStart> starts;
    starts.reserve(document.page_starts.size());
    for (const auto& start : document.page_starts) starts.push_back({start.label, start.block_id, start.offset});
    return starts;
}

std::string print_source(const std::string& print_isbn, const std::string& identifier,
                         const manifest::PrintDesign& design) {
    if (!print_isbn.empty()) return "urn:isbn:" + print_isbn;
    // Without an ISBN the print edition is this book on this trim: the same
    // identifier paginated differently would cite other pages.
    char trim[64];
    std::snprintf(trim, sizeof trim, " (print edition, %g \u00D7 %g in)", design.trim_width / 72,
                  design.trim_height / 72);
    return identifier + trim;
}

}  // namespace cinefolio::cli
