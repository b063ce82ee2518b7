#pragma once
// Drawable content of a line or a page: glyph runs, rules, images and links in
// points. Lines hold it relative to their start and baseline; pages hold it
// absolute.

#include <vector>

#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::typeset {

/// What a line, a box or a page draws.
struct Content {
    std::vector<GlyphRun> runs;
    std::vector<Rule> rules;
    std::vector<Image> images;
    std::vector<Link> links;
    std::vector<LineRecord> lines;  // how each text line in it was set (for traces)
    std::vector<std::string> anchors;  // index anchors whose term begins in it

    /// Appends another content moved by (dx, dy).
    void append(const Content& other, double dx, double dy);
    /// The same, taking the other's glyph runs and strings instead of copying them.
    void append(Content&& other, double dx, double dy);
    bool empty() const { return runs.empty() && rules.empty() && images.empty() && links.empty(); }
};

}  // namespace cinefolio::typeset
