#include "footnotes.hpp"

#include "content.hpp"
#include "xhtml.hpp"

namespace cinefolio::epub {

std::optional<std::string> NoteRefs::reference(std::string_view footnote_id) {
    auto note = notes_.find(footnote_id);
    if (note == notes_.end()) return std::nullopt;
    int count = ++note->second.references;
    std::string anchor = std::string(footnote_id) + "-ref";
    if (count > 1) anchor += "-" + std::to_string(count);
    return anchor;
}

void NoteRefs::record(std::string_view footnote_id, const std::string& anchor) {
    auto note = notes_.find(footnote_id);
    if (note != notes_.end() && note->second.first_anchor.empty()) note->second.first_anchor = anchor;
}

std::string NoteRefs::first_reference(std::string_view footnote_id) const {
    auto note = notes_.find(footnote_id);
    return note == notes_.end() ? std::string() : note->second.first_anchor;
}

NoteRefs claim_footnotes(const model::Chapter& chapter, ContentRenderer& renderer) {
    NoteRefs notes;
    for (const model::Footnote& footnote : chapter.footnotes)
        if (renderer.claim_id(footnote.id, chapter.source)) notes.add(footnote.id);
    return notes;
}

namespace {

// The backlink goes inside the note's first paragraph, so the number sits
// on the same line as the text, as in print.
void add_backlink(pugi::xml_node aside, const model::Footnote& footnote, const std::string& anchor) {
    pugi::xml_node first = aside.find_child([](pugi::xml_node node) { return node.type() == pugi::node_element; });
    pugi::xml_node paragraph;
    if (first && std::string_view(first.name()) == "p") {
        paragraph = first;
    } else {
        paragraph = aside.prepend_child("p");
        aside.prepend_child(pugi::node_pcdata).set_value("\n");
    }
    pugi::xml_node space = paragraph.prepend_child(pugi::node_pcdata);
    space.set_value(" ");
    pugi::xml_node link = paragraph.insert_child_before("a", space);
    link.append_attribute("href") = ("#" + anchor).c_str();
    // Role only: epubcheck 4.2 does not know the epub:type "backlink" yet.
    link.append_attribute("role") = "doc-backlink";
    link.append_attribute("class") = "note-number";
    append_text(link, footnote.number);
}

}  // namespace

void render_footnotes(pugi::xml_node parent, const model::Chapter& chapter, const NoteRefs& notes,
                      ContentRenderer& renderer) {
    if (chapter.footnotes.empty()) return;
    pugi::xml_node list = append_block(parent, "div");
    list.append_attribute("class") = "footnotes";
    std::vector<pugi::xml_node> asides;
    for (const model::Footnote& footnote : chapter.footnotes) {
        pugi::xml_node aside = asides.emplace_back(append_block(list, "aside"));
        // An id claim_footnotes could not claim stays off (a warning was given).
        if (notes.contains(footnote.id)) aside.append_attribute("id") = footnote.id.c_str();
        set_semantics(aside, "footnote", "doc-footnote");
        renderer.render_blocks(aside, footnote.blocks);
    }
    // Backlinks last: a note may be referenced from a later note's text.
    for (std::size_t i = 0; i < asides.size(); ++i) {
        const model::Footnote& footnote = chapter.footnotes[i];
        if (std::string anchor = notes.first_reference(footnote.id); !anchor.empty())
            add_backlink(asides[i], footnote, anchor);
    }
}

}  // namespace cinefolio::epub
