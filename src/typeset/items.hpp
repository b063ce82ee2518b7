#pragma once
// A paragraph as Knuth and Plass model it: boxes (unbreakable glyphs),
// glue (stretchable space) and penalties (possible breaks with a cost).
// Line breakers only read widths and penalties; the glyph ranges let the
// line builder position what the breaker chose.

#include <cstddef>
#include <limits>
#include <vector>

#include "shaper.hpp"
#include "styled_text.hpp"

namespace cinefolio::typeset {

enum class ItemKind { box, glue, penalty };

/// A penalty this high forbids a break, this low forces one (TeX's values).
inline constexpr int forbidden_break = 10000;
inline constexpr int forced_break = -10000;
/// Glue stretch standing for "infinitely stretchable" (TeX's fil).
inline constexpr double fill_stretch = 1e6;

/// One item; `run` and the glyph range say which shaped glyphs it draws
/// (none for indents, fills and plain penalties).
struct Item {
    ItemKind kind = ItemKind::box;
    double width = 0;
    double stretch = 0;
    double shrink = 0;
    int penalty = 0;
    bool flagged = false;      // a hyphen break: the line ends with a hyphen
    bool hyphenation = false;  // a hyphenation point the patterns found (the first pass skips these)
    int run = -1;              // index into Paragraph::runs; for a flagged penalty into Paragraph::hyphens
    /// A discretionary break inside text HarfBuzz marked unsafe to break:
    /// breaking here ends the line with fragment `pre_fragment` (the word's
    /// start and the hyphen, shaped together; its width is `width`) and opens
    /// the next with `post_fragment` (width `post_width`) instead of the
    /// `replaced` items that follow this penalty.
    int pre_fragment = -1;
    int post_fragment = -1;
    double post_width = 0;
    std::size_t replaced = 0;
    /// How far this item hangs into the margin (character protrusion) when a
    /// box starts or ends a line, or when a break here ends a line with a hyphen.
    double protrude_left = 0;
    double protrude_right = 0;
    std::size_t glyph_begin = 0;
    std::size_t glyph_end = 0;
    std::size_t byte_begin = 0;  // the text this item spells
    std::size_t byte_end = 0;
};

/// Glyphs shaped apart from the paragraph (the two sides of a
/// discretionary break), with the text they spell.
struct Fragment {
    ShapedRun run;  // begin and end index `text`
    std::string text;
};

/// A shaped paragraph as items, with the runs the items point into.
struct Paragraph {
    StyledText text;
    std::vector<ShapedRun> runs;
    std::vector<Item> items;
    /// A shaped "-" for each style a hyphen break occurs in (text "-").
    std::vector<ShapedRun> hyphens;
    std::vector<Fragment> fragments;
};

class Hyphenator;
class LineBreakFinder;

/// Turns styled text into items: one shaping per style and face run (a
/// character the style's face lacks comes from the first fallback face that
/// has it), glue at spaces,
/// penalties at other break opportunities and at hyphenation points.
/// `indent` opens the first line with an empty box; `break_anywhere` adds
/// costly breaks between all characters, for code that must not overflow.
Paragraph build_paragraph(StyledText text, double indent, bool hyphenate, Shaper& shaper, LineBreakFinder& breaks,
                          const Hyphenator& hyphenator, bool break_anywhere = false);

/// How much of a character's advance hangs into the margin at the start
/// (`left`) or end of a line: punctuation and dashes, after microtype.
double protrusion_factor(char32_t character, bool left);

}  // namespace cinefolio::typeset
