#pragma once
// A chapter's footnotes: the anchors of their references and the asides at
// the chapter's end (private to src/epub).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "cinefolio/model/book.hpp"

namespace cinefolio::epub {

class ContentRenderer;

/// The footnotes a chapter's references may point to, and where each was
/// first referenced (the target of its backlink).
class NoteRefs {
public:
    /// Makes a footnote referenceable; its id must already be claimed in the page.
    void add(const std::string& footnote_id) { notes_.emplace(footnote_id, Note{}); }
    /// True if references may point to this footnote (its id is in the page).
    bool contains(std::string_view footnote_id) const { return notes_.find(footnote_id) != notes_.end(); }
    /// The id for the next reference anchor to a footnote ("fn1-ref",
    /// "fn1-ref-2"...), or nullopt if the chapter has no such footnote.
    std::optional<std::string> reference(std::string_view footnote_id);
    /// Records an anchor that made it into the page (its id was claimed).
    void record(std::string_view footnote_id, const std::string& anchor);
    /// Id of the first written reference to a footnote, empty if none.
    std::string first_reference(std::string_view footnote_id) const;

private:
    struct Note {
        int references = 0;
        std::string first_anchor;
    };
    std::map<std::string, Note, std::less<>> notes_;
};

/// Claims the ids of a chapter's footnotes before its text is rendered, so
/// the notes keep their ids whatever the text holds; returns the notes that
/// references may point to.
NoteRefs claim_footnotes(const model::Chapter& chapter, ContentRenderer& renderer);

/// Appends the chapter's footnotes as asides (DPUB doc-footnote), each
/// opening with a backlink to its first reference.
void render_footnotes(pugi::xml_node parent, const model::Chapter& chapter, const NoteRefs& notes,
                      ContentRenderer& renderer);

}  // namespace cinefolio::epub
