#pragma once
// The print edition's page breaks in the EPUB (private to src/epub): where
// each marker goes, what it looks like, and the page-list that leads to them.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "cinefolio/epub/epub.hpp"
#include "cinefolio/model/words.hpp"
#include "layout.hpp"

namespace cinefolio::epub {

/// One printed page's marker: its id, its folio and the page file it is in.
struct PageMarker {
    std::string id;     // "page-37"
    std::string label;  // "37"
    std::string file;   // "f452008-realism.xhtml"
    std::string block;  // the block or division it stands in
    std::size_t offset = 0;
};

/// The markers of a book, by the block or division they stand in. Only
/// starts whose block the EPUB renders are kept, so every page-list entry
/// leads somewhere.
class PageMarkers {
public:
    PageMarkers() = default;
    PageMarkers(const std::vector<PageStart>& starts, const Layout& layout);

    /// The markers inside block or division `id`, in text order (empty if none).
    const std::vector<const PageMarker*>& in(std::string_view id) const;
    /// Every marker, in the print edition's page order.
    const std::vector<PageMarker>& all() const { return markers_; }
    bool empty() const { return markers_.empty(); }

private:
    std::vector<PageMarker> markers_;
    std::map<std::string, std::vector<const PageMarker*>, std::less<>> by_block_;
};

/// Appends a marker between blocks: an empty div.
void append_block_marker(pugi::xml_node parent, const PageMarker& marker);

/// Appends an inline marker to `parent`.
void append_inline_marker(pugi::xml_node parent, const PageMarker& marker);

/// Inserts a marker as `parent`'s first child: a span, or a div where
/// `parent` holds blocks (a section before its heading).
void prepend_marker(pugi::xml_node parent, const PageMarker& marker, bool block);

/// Inserts the markers of division `id` at `ordinal` (0: its top) as the
/// first children of `parent`, blocks or spans.
void prepend_division_markers(pugi::xml_node parent, const PageMarkers* markers, std::string_view id,
                              std::size_t ordinal = 0, bool block = true);

/// The hidden page-list nav of nav.xhtml, in page order; nothing without markers.
void append_page_list(pugi::xml_node body, const PageMarkers& markers, const model::Words& words);

}  // namespace cinefolio::epub
