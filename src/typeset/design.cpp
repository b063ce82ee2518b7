// Deriving the page grid from the settings.

#include "design.hpp"

#include <algorithm>
#include <cmath>

namespace cinefolio::typeset {

Design Design::from(const Settings& settings) {
    Design design;
    design.page_width = settings.page_width;
    design.page_height = settings.page_height;
    design.body_size = settings.body_size;
    const double scale = settings.body_size / 11.0;
    design.leading = 13.5 * scale;
    design.indent = settings.body_size;
    // Margins in proportion to the page (the 6 x 9 in values above), with
    // the inner margin the narrowest so the two pages of a spread read as
    // one block.
    design.inner_margin = settings.page_width * 54.0 / 432.0;
    design.outer_margin = settings.page_width * 72.0 / 432.0;
    design.measure = settings.page_width - design.inner_margin - design.outer_margin;
    const double top_margin = settings.page_height * 54.0 / 648.0;
    const double foot_margin = settings.page_height * 72.0 / 648.0;
    design.first_baseline = top_margin + design.top_of(settings.body_size) + design.leading - settings.body_size;
    // A whole number of lines, so facing pages align line for line.
    const double room = settings.page_height - foot_margin - design.first_baseline;
    const double lines = std::max(1.0, std::floor(room / design.leading));
    design.bottom_baseline = design.first_baseline + lines * design.leading;
    design.head_baseline = design.first_baseline - 2 * design.leading;
    design.foot_baseline = design.bottom_baseline + 2.3 * design.leading;
    return design;
}

}  // namespace cinefolio::typeset
