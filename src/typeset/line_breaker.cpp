// Greedy best-fit line breaking with TeX's demerits.

#include "line_breaker.hpp"

#include <cmath>
#include <limits>

namespace cinefolio::typeset {

namespace {

// Knuth-Plass constants as TeX uses them: \linepenalty, \doublehyphendemerits.
constexpr double line_penalty = 10;
constexpr double double_hyphen_demerits = 3000;

/// Widths of the items of a line so far.
struct Totals {
    double width = 0;
    double stretch = 0;
    double fill = 0;
    double shrink = 0;

    void add(const Item& item) {
        if (item.kind == ItemKind::penalty) return;
        width += item.width;
        if (item.kind != ItemKind::glue) return;
        if (item.stretch >= fill_stretch) fill += item.stretch;
        else stretch += item.stretch;
        shrink += item.shrink;
    }
};

double ratio_of(const Totals& totals, double extra, double measure) {
    const double width = totals.width + extra;
    if (width < measure) {
        if (totals.fill > 0) return 0;
        return totals.stretch > 0 ? (measure - width) / totals.stretch : std::numeric_limits<double>::infinity();
    }
    if (width > measure) {
        return totals.shrink > 0 ? (measure - width) / totals.shrink : -std::numeric_limits<double>::infinity();
    }
    return 0;
}

bool is_legal_break(const std::vector<Item>& items, std::size_t index, std::size_t start) {
    const Item& item = items[index];
    if (item.kind == ItemKind::penalty) return item.penalty < forbidden_break;
    return item.kind == ItemKind::glue && index > start && items[index - 1].kind == ItemKind::box;
}

double demerits(double line_badness, const Item& item, bool previous_flagged) {
    double result = (line_penalty + line_badness) * (line_penalty + line_badness);
    if (item.kind == ItemKind::penalty && item.penalty > 0) result += double(item.penalty) * item.penalty;
    if (item.kind == ItemKind::penalty && item.flagged && previous_flagged) result += double_hyphen_demerits;
    return result;
}

}  // namespace

double badness(double ratio) {
    if (std::isinf(ratio)) return 10000;
    const double value = 100 * std::fabs(ratio * ratio * ratio);
    return value > 10000 ? 10000 : value;
}

std::size_t line_start_after(const std::vector<Item>& items, std::size_t item) {
    std::size_t start = item + 1;
    while (start < items.size() && items[start].kind != ItemKind::box && items[start].penalty > forced_break) ++start;
    return start;
}

std::vector<LineBreak> break_lines(const std::vector<Item>& items, const LineWidths& widths, Alignment alignment) {
    std::vector<LineBreak> breaks;
    const bool ragged = alignment != Alignment::justified;
    std::size_t start = 0;
    bool previous_flagged = false;
    while (start < items.size()) {
        const double measure = widths.at(breaks.size());
        Totals totals;
        bool found = false;
        LineBreak best;
        double best_demerits = std::numeric_limits<double>::infinity();
        for (std::size_t index = start; index < items.size(); ++index) {
            const Item& item = items[index];
            if (is_legal_break(items, index, start)) {
                const double extra = item.kind == ItemKind::penalty ? item.width : 0;
                const double ratio = ratio_of(totals, extra, measure);
                const bool fits = ragged ? totals.width + extra <= measure + 0.01 : ratio >= -1;
                if (!fits) {
                    // Nothing fitted: take this first break and let the line run long.
                    if (!found) best = {index, ratio < -1 ? -1 : ratio}, found = true;
                    break;
                }
                // Ragged lines prefer the fullest line; justified lines the
                // cheapest by TeX's demerits (ties go to the later break).
                const double cost = ragged ? 0 : demerits(badness(ratio), item, previous_flagged);
                if (cost <= best_demerits) {
                    best = {index, ragged ? 0 : ratio};
                    best_demerits = cost;
                    found = true;
                }
                if (item.kind == ItemKind::penalty && item.penalty <= forced_break) break;
            }
            totals.add(item);
        }
        if (!found) best = {items.size() - 1, 0};
        breaks.push_back(best);
        previous_flagged = items[best.item].kind == ItemKind::penalty && items[best.item].flagged;
        start = line_start_after(items, best.item);
    }
    return breaks;
}

}  // namespace cinefolio::typeset
