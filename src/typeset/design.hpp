#pragma once
// The book's typographic design: page grid, sizes and spaces, derived from
// the page size and body size so one setting scales the rest.

#include "cinefolio/typeset/typeset.hpp"

namespace cinefolio::typeset {

/// Measurements in points; y grows downwards from the page top. The
/// initial values are those `from` gives for 6 x 9 in at 11 pt.
struct Design {
    double page_width = 432;
    double page_height = 648;
    double body_size = 11;
    double leading = 13.5;       // 11/13.5: Libertine's small x-height wants little extra lead
    double inner_margin = 54;    // the spine side: the narrowest
    double outer_margin = 72;    // thumbs hold the book here
    double measure = 306;        // 4.25 in: about 65 characters of Libertine at 11 pt
    double first_baseline = 65.3;    // 54 pt top margin plus one line
    double bottom_baseline = 564.8;  // 38 lines: a foot margin a little deeper than 72 pt
    double head_baseline = 38.3;     // running head two lines above the text
    double foot_baseline = 595.85;   // dropped folios on openings
    double indent = 11;          // paragraph indent: one em

    /// Distance from the text-block top to a line's baseline at the top of a page.
    double top_of(double size) const { return size * 0.8; }
    double text_top() const { return first_baseline - top_of(body_size); }
    /// Left edge of the text block on a page (0-based index; even = recto).
    double text_left(std::size_t page_index) const {
        return page_index % 2 == 0 ? inner_margin : page_width - inner_margin - measure;
    }

    /// The design for these settings; sizes scale with the body size.
    static Design from(const Settings& settings);
};

}  // namespace cinefolio::typeset
