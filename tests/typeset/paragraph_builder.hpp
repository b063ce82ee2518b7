#pragma once
// Synthetic paragraphs for the line-breaker tests: boxes, glue and
// penalties of chosen widths, with no font behind them, so a test can say
// exactly how full each candidate line is.

#include <cstddef>
#include <vector>

#include "items.hpp"

namespace cinefolio::typeset::test {

/// Builds a paragraph item by item; each call returns the index of the
/// item it added, which is what break_lines reports a break at.
class ParagraphBuilder {
public:
    std::size_t box(double width) {
        Item item;
        item.kind = ItemKind::box;
        item.width = width;
        return add(item);
    }

    /// An interword space: a legal break when it follows a box.
    std::size_t glue(double width, double stretch, double shrink) {
        Item item;
        item.kind = ItemKind::glue;
        item.width = width;
        item.stretch = stretch;
        item.shrink = shrink;
        return add(item);
    }

    /// A space no line may break at (TeX's tie: a penalty of 10000 before it).
    std::size_t tie(double width, double stretch, double shrink) {
        penalty(forbidden_break);
        return glue(width, stretch, shrink);
    }

    std::size_t penalty(int cost, double width = 0, bool flagged = false, bool hyphenation = false) {
        Item item;
        item.kind = ItemKind::penalty;
        item.penalty = cost;
        item.width = width;
        item.flagged = flagged;
        item.hyphenation = hyphenation;
        return add(item);
    }

    /// A point the hyphenation patterns found; breaking there adds a hyphen
    /// `hyphen_width` wide. The first pass skips these.
    std::size_t hyphenation_point(double hyphen_width, int cost = 50) {
        return penalty(cost, hyphen_width, true, true);
    }

    /// A break after a hyphen written in the text (the hyphen is already in
    /// the box before it): a hyphenated line, but one every pass may take.
    std::size_t explicit_hyphen(int cost = 50) { return penalty(cost, 0, true, false); }

    /// The paragraph's end as build_paragraph makes it: no break before the
    /// fill, the fill, and the forced break. Returns the forced break.
    std::size_t end() {
        penalty(forbidden_break);
        glue(0, fill_stretch, 0);
        return penalty(forced_break);
    }

    const std::vector<Item>& items() const { return items_; }

private:
    std::size_t add(const Item& item) {
        items_.push_back(item);
        return items_.size() - 1;
    }

    std::vector<Item> items_;
};

}  // namespace cinefolio::typeset::test
