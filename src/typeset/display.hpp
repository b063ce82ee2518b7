#pragma once
// Display lines (titles, bylines, page furniture of openings): set ragged or
// centred, never separated from each other by a page break.

#include "context.hpp"

namespace cinefolio::typeset {

/// Sets text as lines kept together; returns how many lines it took.
std::size_t add_display(Context& context, VerticalList& list, StyledText text, const Measure& measure,
                        Alignment alignment);

/// Space that is not a page break (the glue follows a forbidding penalty).
void add_kept_space(VerticalList& list, double height);

/// Kept space after display lines set from a page top (item `from` on),
/// at least `minimum`, so that the next body line falls on the page's
/// baseline grid and facing pages line up.
void add_space_to_grid(const Context& context, VerticalList& list, std::size_t from, double minimum);

/// A measure centred in the text block, `fraction` of its width.
Measure centred_measure(const Context& context, double fraction, double size, double leading);

}  // namespace cinefolio::typeset
