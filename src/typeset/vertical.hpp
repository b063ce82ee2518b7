#pragma once
// The vertical list: lines and other boxes with the glue and penalties
// between them, as the page builder reads it (TeX's vertical mode).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content.hpp"

namespace cinefolio::typeset {

/// How a page's furniture is drawn.
enum class PageStyle {
    normal,   // running head and folio at the head
    opening,  // chapter or contents opening: no head, folio dropped to the foot
    blind,    // display pages and blanks: neither head nor folio
};

/// Information a page picks up from the list: its style, the running head
/// from here on, anchors and outline entries that start here.
struct Mark {
    std::optional<PageStyle> page_style;
    std::optional<std::string> running_head;  // recto: the essay's title (or its lens)
    std::optional<std::string> verso_head;    // verso: the film's title; empty: the book's
    std::optional<std::string> short_head;    // recto when the running head is too long
    std::string anchor;
    bool link_target = false;  // the PDF gets a named destination for it
    std::optional<OutlineEntry> outline;  // page and y filled in by the page builder
    /// `anchor` names a division the EPUB opens a page of its own for: a
    /// printed page that starts here is marked at the top of that page.
    bool division = false;
};

enum class VerticalKind { box, glue, penalty, mark };

/// One item of the vertical list. Boxes are measured from baseline to
/// baseline so lines keep a regular grid.
struct VerticalItem {
    VerticalKind kind = VerticalKind::box;
    double advance = 0;      // box: previous baseline to this one; glue: its height
    double top = 0;          // box first on a page: text-block top to its baseline
    double extent = 0;       // box: first baseline to its last (multi-line boxes)
    bool keep_at_top = false;  // glue a page top keeps (sinks of openings)
    bool fill = false;       // glue that takes up a page's leftover space
    int penalty = 0;
    bool recto = false;      // forced break to a right-hand page
    Content content;         // box: relative to the measure's left and the first baseline
    /// mark: what it marks; shared, as a list copied for a retry shares its
    /// marks (a line's item does not carry an empty one).
    std::shared_ptr<const Mark> mark;
};

/// A list under construction, with helpers for the common items.
class VerticalList {
public:
    /// Adds a box; a break between two boxes needs a glue or penalty between.
    void box(Content content, double advance, double top, double extent = 0);
    void glue(double height, bool keep_at_top = false);
    void fill();
    void penalty(int value);
    /// A forced page break, optionally to a recto (leaving a blank verso).
    void page_break(bool recto);
    void mark(Mark mark);

    std::vector<VerticalItem>& items() { return items_; }
    const std::vector<VerticalItem>& items() const { return items_; }
    /// Index of the last box, or -1.
    int last_box() const;

private:
    std::vector<VerticalItem> items_;
};

}  // namespace cinefolio::typeset
