#pragma once
// Positioning the glyphs of broken lines: glue set by the break's ratio,
// glyphs scaled by the line's expansion, protruding characters hung into
// the margins, hyphens and reshaped fragments added, link areas and
// strike-through rules measured.

#include <vector>

#include "content.hpp"
#include "items.hpp"
#include "line_breaker.hpp"

namespace cinefolio::typeset {

/// One set line; content is relative to the line's left end and baseline.
struct SetLine {
    Content content;
    double natural_width = 0;  // width before justification
    LineBreak set;             // how it was broken and justified
    bool hyphenated = false;
};

/// Says which block the lines set (LineRecord::block), their offsets
/// moved by `offset_before`: the text of the block set before them
/// (a lead set apart, a code block's earlier lines).
void stamp_lines(std::vector<SetLine>& lines, const std::string& block, std::size_t offset_before = 0);

/// Sets each line of a broken paragraph in its measure.
std::vector<SetLine> set_lines(const Paragraph& paragraph, const std::vector<LineBreak>& breaks,
                               const LineWidths& widths, Alignment alignment);

/// Sets a paragraph whole: breaks it and positions its lines.
std::vector<SetLine> set_paragraph(const Paragraph& paragraph, const LineWidths& widths,
                                   const BreakParameters& parameters);

/// A single run of already shaped glyphs as a GlyphRun at the origin,
/// its glyphs scaled horizontally by `scale`.
GlyphRun to_glyph_run(const ShapedRun& run, std::string_view text, double scale = 1);

}  // namespace cinefolio::typeset
