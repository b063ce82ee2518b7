// Page-break markers and the page-list.

#include "page_markers.hpp"

#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

void map_blocks(const std::vector<model::Block>& blocks, const std::string& file,
                std::map<std::string, std::string>& files) {
    for (const auto& block : blocks) {
        files.emplace(block.id, file);
        map_blocks(block.children, file, files);
    }
}

// The page file of every block and division a page may start in.
std::map<std::string, std::string> block_files(const Layout& layout) {
    std::map<std::string, std::string> files;
    for (const PageEntry& page : layout.pages) {
        switch (page.kind) {
            case PageKind::half_title: files.emplace("half-title", page.file_name); break;
            case PageKind::title_page: files.emplace("title-page", page.file_name); break;
            case PageKind::copyright: files.emplace("copyright", page.file_name); break;
            case PageKind::contents: files.emplace("contents", page.file_name); break;
            case PageKind::index: files.emplace("index", page.file_name); break;
            case PageKind::part: files.emplace(page.part->id, page.file_name); break;
            case PageKind::chapter:
                files.emplace(page.chapter->id, page.file_name);
                map_blocks(page.chapter->blocks, page.file_name, files);
                for (const auto& note : page.chapter->footnotes) map_blocks(note.blocks, page.file_name, files);
                break;
            case PageKind::cover: break;
        }
    }
    return files;
}

// Folios are digits or roman numerals; anything else is spelled safely.
std::string marker_id(std::string_view label) {
    std::string id = "page-";
    for (char c : label) {
        bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        id += safe ? c : '_';
    }
    return id;
}

void describe(pugi::xml_node element, const PageMarker& marker) {
    element.append_attribute("id") = marker.id.c_str();
    set_semantics(element, "pagebreak", "doc-pagebreak");
    // aria-label names the page for assistive technology; title shows it
    // on hover where a reader displays nothing else.
    element.append_attribute("aria-label") = marker.label.c_str();
    element.append_attribute("title") = marker.label.c_str();
}

}  // namespace

PageMarkers::PageMarkers(const std::vector<PageStart>& starts, const Layout& layout) {
    const auto files = block_files(layout);
    std::map<std::string, int> seen;
    markers_.reserve(starts.size());
    for (const auto& start : starts) {
        auto file = files.find(start.block_id);
        if (file == files.end() || start.label.empty()) continue;
        std::string id = marker_id(start.label);
        // Folios are unique in a book; a repeated one still gets its own id.
        if (int count = ++seen[id]; count > 1) id += "-" + std::to_string(count);
        markers_.push_back({id, start.label, file->second, start.block_id, start.offset});
    }
    // Pages start in text order, so each block's list is in offset order.
    for (const auto& marker : markers_) by_block_[marker.block].push_back(&marker);
}

const std::vector<const PageMarker*>& PageMarkers::in(std::string_view id) const {
    static const std::vector<const PageMarker*> none;
    auto found = by_block_.find(id);
    return found == by_block_.end() ? none : found->second;
}

void append_block_marker(pugi::xml_node parent, const PageMarker& marker) {
    describe(append_block(parent, "div"), marker);
}

void append_inline_marker(pugi::xml_node parent, const PageMarker& marker) {
    describe(parent.append_child("span"), marker);
}

void prepend_marker(pugi::xml_node parent, const PageMarker& marker, bool block) {
    pugi::xml_node element = parent.prepend_child(block ? "div" : "span");
    describe(element, marker);
    if (block) parent.insert_child_before(pugi::node_pcdata, element).set_value("\n");
}

void prepend_division_markers(pugi::xml_node parent, const PageMarkers* markers, std::string_view id,
                              std::size_t ordinal, bool block) {
    if (!markers) return;
    const auto& list = markers->in(id);
    // Prepending in reverse keeps them in page order.
    for (auto it = list.rbegin(); it != list.rend(); ++it)
        if ((*it)->offset == ordinal) prepend_marker(parent, **it, block);
}

void append_page_list(pugi::xml_node body, const PageMarkers& markers, const model::Words& words) {
    if (markers.empty()) return;
    pugi::xml_node nav = append_block(body, "nav");
    set_semantics(nav, "page-list", "doc-pagelist");
    nav.append_attribute("aria-labelledby") = "page-list-title";
    // For "go to page" in the reading system, not for the visible contents.
    nav.append_attribute("hidden") = "hidden";
    pugi::xml_node heading = append_block(nav, "h2");
    heading.append_attribute("id") = "page-list-title";
    append_text(heading, words.page_list);
    pugi::xml_node list = append_block(nav, "ol");
    for (const auto& marker : markers.all()) {
        pugi::xml_node link = append_block(list, "li").append_child("a");
        link.append_attribute("href") = ("text/" + marker.file + "#" + marker.id).c_str();
        append_text(link, marker.label);
    }
}

}  // namespace cinefolio::epub
