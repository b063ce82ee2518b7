#pragma once
// Choosing line breaks in a paragraph's items: Knuth and Plass's total-fit
// algorithm (TeX's), with font expansion and character protrusion taken
// into account while lines are measured, as pdfTeX does.

#include <cstddef>
#include <vector>

#include "items.hpp"

namespace cinefolio::typeset {

/// How lines sit in their measure.
enum class Alignment { justified, left, center, right };

/// The measure of each line: widths[i] for line i, the last for all after.
struct LineWidths {
    std::vector<double> widths;
    double at(std::size_t line) const { return widths[line < widths.size() ? line : widths.size() - 1]; }
};

/// What the breaker may do besides stretching and shrinking spaces.
struct BreakParameters {
    Alignment alignment = Alignment::justified;
    /// Largest horizontal scaling of a justified line's glyphs (0.02 = 2 %);
    /// 0 turns font expansion off.
    double expansion = 0;
    /// Expansion comes in steps this size, the same for a whole line.
    double expansion_step = 0.005;
    /// Let punctuation and hyphens hang into the margins of justified lines.
    bool protrusion = false;
    /// Extra stretch per line in the last pass (TeX's \emergencystretch).
    double emergency_stretch = 0;
    /// Ragged lines: how far short of the measure a line may end before it
    /// counts as bad as a justified line stretched fully.
    double ragged_stretch = 33;
};

/// One chosen break: the item it happens at and how the line is set.
struct LineBreak {
    std::size_t item = 0;
    double ratio = 0;             // glue: > 0 stretches by that share of the stretch, < 0 shrinks
    double expansion = 0;         // glyph scaling of the line (0.01 = 1 % wider)
    double left_protrusion = 0;   // how far the line starts left of the measure
    double right_protrusion = 0;  // how far it may end right of it
    double badness = 0;           // TeX's badness of the spaces as set
    bool overfull = false;        // wider than the measure even fully shrunk
};

/// Breaks items into lines; the last break is the paragraph's final forced
/// penalty. Never fails: if no set of breaks is within tolerance, even with
/// emergency stretch, the least bad one is taken (lines may be overfull).
std::vector<LineBreak> break_lines(const std::vector<Item>& items, const LineWidths& widths,
                                   const BreakParameters& parameters);

/// The first item of the line after a break at `item` (glue and penalties
/// after a break vanish, as in TeX, and so do items a discretionary replaces).
std::size_t line_start_after(const std::vector<Item>& items, std::size_t item);

/// TeX's badness of a line set at `ratio`: 100|r|^3, at most 10000.
double badness(double ratio);

/// Above this badness a line is reported as set outside tolerance (TeX's
/// \hbadness default: spaces stretched to more than about twice their share).
inline constexpr double reported_badness = 1000;

/// A line set wider than its measure, or (justified) looser than tolerance.
inline bool beyond_tolerance(const LineBreak& line, bool justified) {
    return line.overfull || (justified && line.badness > reported_badness);
}

}  // namespace cinefolio::typeset
