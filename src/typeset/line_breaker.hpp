#pragma once
// Choosing line breaks in a paragraph's items. Today a greedy best-fit
// breaker (each line chosen on its own); the interface is the one a
// Knuth-Plass total-fit breaker will keep.

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

/// One chosen break: the item it happens at and how the line's glue is set
/// (ratio > 0 stretches by that fraction of the stretch, < 0 shrinks).
struct LineBreak {
    std::size_t item = 0;
    double ratio = 0;
};

/// Breaks items into lines; the last break is the paragraph's final
/// forced penalty. Never fails: an unbreakable overlong line stays overfull.
std::vector<LineBreak> break_lines(const std::vector<Item>& items, const LineWidths& widths, Alignment alignment);

/// The first item of the line after a break at `item` (glue and penalties
/// after a break vanish, as in TeX).
std::size_t line_start_after(const std::vector<Item>& items, std::size_t item);

/// TeX's badness of a line set at `ratio`: 100|r|^3, at most 10000.
double badness(double ratio);

}  // namespace cinefolio::typeset
