#pragma once
// Inline content flattened into one UTF-8 string with style spans: the
// input of shaping and line breaking.

#include <string>
#include <string_view>
#include <vector>

#include "cinefolio/model/book.hpp"
#include "cinefolio/manifest/print_design.hpp"
#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::typeset {

/// Everything that decides how a stretch of text looks.
struct TextStyle {
    FontStyle font = FontStyle::regular;
    double size = manifest::Roles{}.body.size;  // the built-in body's until a role sets it
    bool small_caps = false;      // lower case as small capitals (OpenType smcp)
    bool caps_to_small = false;   // capitals as small capitals too (c2sc)
    /// Set in capitals: the shaper's stand-in for small capitals the face
    /// lacks (Cyrillic in Linux Libertine), at a reduced size and spaced.
    bool capitals_for_small = false;
    bool superior = false;        // superior figures, for note references (sups)
    bool oldstyle = false;        // old-style figures (onum), for running text
    double tracking = 0;          // extra space after each character, in em
    bool strike = false;
    std::string link;             // target URI; part of the style so runs split at link edges

    bool operator==(const TextStyle&) const = default;
};

/// Text with one style per byte range; '\n' marks a forced line break.
struct StyledText {
    /// A byte range [begin, end) of `text` in one style.
    struct Span {
        std::size_t begin = 0;
        std::size_t end = 0;
        TextStyle style;
    };
    /// An index anchor at a byte offset of `text` (where its term begins).
    struct Anchor {
        std::size_t offset = 0;
        std::string id;
    };
    std::string text;
    std::vector<Span> spans;
    std::vector<Anchor> anchors;  // in text order

    /// Appends text in a style, merging with the previous span if equal.
    void append(std::string_view more, const TextStyle& style);
    bool empty() const { return text.empty(); }
};

/// The style with emphasis toggled (roman <-> italic, keeping the weight).
TextStyle emphasized(TextStyle style);

/// The style in bold, keeping the slant.
TextStyle strengthened(TextStyle style);

/// Flattens inlines: emphasis, strong, code, links, note references as
/// superior figures, soft breaks as spaces, hard breaks as '\n'. Runs of
/// white space collapse to one space and the ends are trimmed.
StyledText flatten(const std::vector<model::Inline>& inlines, const TextStyle& base);

/// Plain text in one style (titles, labels, folios).
StyledText plain(std::string_view text, const TextStyle& style);

}  // namespace cinefolio::typeset
