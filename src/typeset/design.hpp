#pragma once
// The page grid the typesetter works on, derived from the print design
// (trim, margins, body leading), with the design's type roles and spaces.

#include "cinefolio/manifest/print_design.hpp"
#include "cinefolio/typeset/typeset.hpp"

namespace cinefolio::typeset {

/// Measurements in points; y grows downwards from the page top.
struct Design {
    double page_width = 432;
    double page_height = 648;
    // Until Design::from sets them: the built-in design's body.
    double body_size = manifest::Roles{}.body.size;
    double leading = manifest::Roles{}.body.leading;
    double inner_margin = 54;  // the spine side
    double outer_margin = 72;
    double measure = 306;
    double first_baseline = 65.3;
    double bottom_baseline = 564.8;  // a whole number of lines below the first
    double head_baseline = 38.3;
    double foot_baseline = 595.85;  // dropped folios on openings
    double indent = body_size;      // paragraph indent: one em
    manifest::Roles roles;
    manifest::Spaces spaces;
    bool openings_right = true;  // essays open on a recto
    manifest::ContentsShows contents;
    int last_page_lines = 5;  // the fewest lines on an essay's last page, when spreads can give them
    bool leads_apart = false;  // bold run-in leads on lines of their own (Leads::display)

    /// Distance from the text-block top to a line's baseline at the top of a page.
    double top_of(double size) const { return size * 0.8; }
    double text_top() const { return first_baseline - top_of(body_size); }
    /// Left edge of the text block on a page (0-based index; even = recto).
    double text_left(std::size_t page_index) const {
        return page_index % 2 == 0 ? inner_margin : page_width - inner_margin - measure;
    }
    /// A space of `lines` body leadings.
    double lines(double count) const { return leading * count; }

    /// The grid of a print design.
    static Design from(const manifest::PrintDesign& print);
};

}  // namespace cinefolio::typeset
