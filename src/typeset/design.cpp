// Deriving the page grid from the print design.

#include "design.hpp"

#include <algorithm>
#include <cmath>

namespace cinefolio::typeset {

Design Design::from(const manifest::PrintDesign& print) {
    Design design;
    design.page_width = print.trim_width;
    design.page_height = print.trim_height;
    design.body_size = print.roles.body.size;
    design.leading = print.roles.body.leading;
    design.indent = design.body_size;
    design.roles = print.roles;
    design.spaces = print.spaces;
    design.openings_right = print.openings == manifest::Openings::right;
    design.contents = print.contents;
    design.last_page_lines = print.last_page_lines;
    design.leads_apart = print.leads == manifest::Leads::display;
    design.inner_margin = print.margins.inside;
    design.outer_margin = print.margins.outside;
    design.measure = print.trim_width - print.margins.inside - print.margins.outside;
    // The first baseline sits one line below the top margin, measured from
    // the top of the body type's capitals.
    design.first_baseline = print.margins.top + design.top_of(design.body_size) + design.leading - design.body_size;
    // A whole number of lines, so facing pages align line for line.
    const double room = print.trim_height - print.margins.bottom - design.first_baseline;
    const double lines = std::max(1.0, std::floor(room / design.leading));
    design.bottom_baseline = design.first_baseline + lines * design.leading;
    design.head_baseline = design.first_baseline - print.spaces.head_above_text * design.leading;
    design.foot_baseline = design.bottom_baseline + print.spaces.folio_below_text * design.leading;
    return design;
}

}  // namespace cinefolio::typeset
