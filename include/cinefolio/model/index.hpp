#pragma once
// The book's cross-lens index as plain data: collated letter groups of
// entries, each with its locators (one per paragraph where the term occurs,
// carrying the chapter's lens) and its cross-references.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cinefolio::model {

/// One place an entry is discussed: an anchor inside a paragraph.
struct IndexLocator {
    std::string chapter_id;  // the chapter (its file in the EPUB)
    std::string block_id;    // the paragraph holding the occurrence
    std::string anchor_id;   // the anchor inline placed at the occurrence
    std::string lens;        // the chapter's lens name
};

/// An index entry or subentry.
struct IndexEntry {
    std::string heading;               // as printed: "Sontag, Susan", "Regarding the Pain of Others"
    bool italic = false;               // titles of works and periodicals are set in italic
    std::string kind;                  // person, work, place, periodical, concept, event
    std::string gloss;                 // "(American critic, 1933–2004)", may be empty
    /// Byte ranges [first, second) of `gloss` set in italic: the titles of
    /// works and periodicals it names ("critic, *The Guardian*").
    std::vector<std::pair<std::size_t, std::size_t>> gloss_italics;
    std::vector<std::string> lenses;   // the lenses it spans, in reading order
    std::vector<IndexLocator> locators;  // in reading order
    std::vector<std::string> see;        // "See" targets (entry has no locators)
    std::vector<std::string> see_also;   // "See also" targets
    std::vector<IndexEntry> subentries;  // collated
};

/// One run of a gloss in one style.
struct GlossPiece {
    std::string_view text;
    bool italic = false;
};

/// A gloss cut at its italic ranges, in order (empty pieces left out).
inline std::vector<GlossPiece> gloss_pieces(const std::string& gloss,
                                            const std::vector<std::pair<std::size_t, std::size_t>>& italics) {
    std::vector<GlossPiece> pieces;
    const std::string_view text = gloss;
    std::size_t at = 0;
    for (const auto& [begin, end] : italics) {
        if (begin < at || end > text.size() || begin >= end) continue;  // out of order or out of range: stays roman
        if (begin > at) pieces.push_back({text.substr(at, begin - at), false});
        pieces.push_back({text.substr(begin, end - begin), true});
        at = end;
    }
    if (at < text.size()) pieces.push_back({text.substr(at), false});
    return pieces;
}

/// Entries under one letter (or "0–9" for numerals and symbols).
struct IndexGroup {
    std::string label;
    std::vector<IndexEntry> entries;
};

/// The whole index; empty when the book has none.
struct Index {
    std::vector<IndexGroup> groups;
    bool empty() const { return groups.empty(); }
};

}  // namespace cinefolio::model
