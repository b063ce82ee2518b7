#pragma once
// A slow, obvious line breaker to check the real one against: it measures
// a line from TeX's rules written out again (no running sums, no active
// list), enumerates every sequence of breaks of a small paragraph and
// prices each with TeX's demerits. Justified lines only, no font expansion
// or protrusion: what the synthetic paragraphs of these tests use.
//
// The rules it restates, as the breaker documents them (line_breaker.cpp):
// passes 0 (no hyphenation points, pretolerance 100), 1 (tolerance 200),
// 2 (tolerance 200 with emergency stretch), 3 (any line that is not
// overfull, emergency stretch kept); at most two hyphenated lines in a row;
// demerits (10 + badness)^2, plus or minus the penalty squared, 10000 for
// two flagged breaks in a row, 5000 for a hyphen before the last line,
// 10000 for fitness classes more than one apart.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

#include "items.hpp"
#include "line_breaker.hpp"

namespace cinefolio::typeset::test {

/// How a pass judges one candidate line.
struct ReferenceLine {
    bool overfull = false;
    double badness = 0;  // with emergency stretch in passes 2 and 3
    int fitness = 2;     // 0 very loose, 1 loose, 2 decent, 3 tight
};

/// The cheapest route of one pass: its breaks and their total demerits.
struct ReferenceRoute {
    std::vector<std::size_t> breaks;
    double demerits = 0;
};

class ReferenceBreaker {
public:
    ReferenceBreaker(const std::vector<Item>& items, LineWidths widths, double emergency_stretch)
        : items_(items), widths_(std::move(widths)), emergency_stretch_(emergency_stretch) {}

    static constexpr int pass_count = 4;

    bool legal(std::size_t b, int pass) const {
        const Item& item = items_[b];
        if (item.kind == ItemKind::penalty) return item.penalty < forbidden_break && !(pass == 0 && item.hyphenation);
        return item.kind == ItemKind::glue && b > 0 && items_[b - 1].kind == ItemKind::box;
    }

    /// Discardable items after a break are dropped (TeX), up to the next box
    /// or a forced break.
    std::size_t next_start(std::size_t b) const {
        std::size_t start = b + 1;
        while (start < items_.size() && items_[start].kind != ItemKind::box &&
               !(items_[start].kind == ItemKind::penalty && items_[start].penalty <= forced_break)) {
            ++start;
        }
        return start;
    }

    ReferenceLine line(std::size_t start, std::size_t b, std::size_t line_number, int pass) const {
        double width = 0, stretch = 0, shrink = 0, fill = 0;
        for (std::size_t i = start; i < b; ++i) {
            const Item& item = items_[i];
            if (item.kind == ItemKind::penalty) continue;
            width += item.width;
            if (item.kind != ItemKind::glue) continue;
            (item.stretch >= fill_stretch ? fill : stretch) += item.stretch;
            shrink += item.shrink;
        }
        if (items_[b].kind == ItemKind::penalty) width += items_[b].width;
        const double excess = widths_.at(line_number) - width;  // > 0: the spaces must stretch
        ReferenceLine result;
        if (excess >= 0) {
            if (fill > 0) return result;  // the last line: the fill takes up the rest
            const double available = stretch + (pass >= 2 ? emergency_stretch_ : 0);
            result.badness = available > 0 ? tex_badness(excess / available) : excess == 0 ? 0 : 10000;
            result.fitness = result.badness > 99 ? 0 : result.badness > 12 ? 1 : 2;
            return result;
        }
        // Sums of advances are not exact: a hair's breadth over is not overfull.
        if (-excess > shrink + 1e-6) {
            result.overfull = true;
            return result;
        }
        result.badness = shrink > 0 ? tex_badness(excess / shrink) : 0;
        result.fitness = result.badness > 12 ? 3 : 2;
        return result;
    }

    /// The demerits of `breaks` (ending with the paragraph's last item) in
    /// `pass`, or nothing if the pass may not take that route.
    std::optional<double> demerits(const std::vector<std::size_t>& breaks, int pass) const {
        const double limit = threshold(pass);
        double total = 0;
        std::size_t start = 0;
        int previous_fitness = 2;
        bool previous_flagged = false;
        int hyphen_run = 0;
        for (std::size_t number = 0; number < breaks.size(); ++number) {
            const std::size_t b = breaks[number];
            if (b < start || !legal(b, pass)) return std::nullopt;
            const ReferenceLine set = line(start, b, number, pass);
            if (set.overfull || set.badness > limit) return std::nullopt;
            const Item& item = items_[b];
            const bool flagged = item.kind == ItemKind::penalty && item.flagged;
            hyphen_run = flagged ? hyphen_run + 1 : 0;
            if (hyphen_run > 2) return std::nullopt;
            double cost = (10 + set.badness) * (10 + set.badness);
            if (item.kind == ItemKind::penalty) {
                const double penalty = item.penalty;
                if (penalty > 0) cost += penalty * penalty;
                if (penalty < 0 && penalty > forced_break) cost -= penalty * penalty;
                if (flagged && previous_flagged) cost += 10000;
                if (penalty <= forced_break && previous_flagged) cost += 5000;
            }
            if (std::abs(set.fitness - previous_fitness) > 1) cost += 10000;
            total += cost;
            previous_fitness = set.fitness;
            previous_flagged = flagged;
            start = next_start(b);
        }
        if (breaks.empty() || breaks.back() + 1 != items_.size()) return std::nullopt;
        return total;
    }

    /// The cheapest of every route of `pass`, by exhaustive search, or
    /// nothing if it has none. `budget` caps the lines measured, so a test
    /// can tell (budget 0) a paragraph too big to search.
    std::optional<ReferenceRoute> best(int pass, std::size_t& budget) const {
        std::optional<ReferenceRoute> found;
        std::vector<std::size_t> route;
        std::function<void(std::size_t)> extend = [&](std::size_t start) {
            for (std::size_t b = start; b < items_.size() && budget > 0; ++b) {
                if (!legal(b, pass)) continue;
                --budget;
                const ReferenceLine set = line(start, b, route.size(), pass);
                if (set.overfull) break;  // every later break makes it fuller still
                if (set.badness > threshold(pass)) continue;
                route.push_back(b);
                if (b + 1 == items_.size()) {
                    if (const auto total = demerits(route, pass); total && (!found || *total < found->demerits)) {
                        found = ReferenceRoute{route, *total};
                    }
                } else {
                    extend(next_start(b));
                }
                route.pop_back();
            }
        };
        extend(0);
        return found;
    }

    /// Greedy first fit: each line takes as much as fits within `threshold`
    /// (what a word processor does). Empty if it gets stuck.
    std::vector<std::size_t> first_fit(double threshold) const {
        std::vector<std::size_t> breaks;
        std::size_t start = 0;
        while (start < items_.size()) {
            std::optional<std::size_t> last_fitting;
            for (std::size_t b = start; b < items_.size(); ++b) {
                if (!legal(b, 1)) continue;
                const ReferenceLine set = line(start, b, breaks.size(), 1);
                if (set.overfull) break;
                if (set.badness <= threshold) last_fitting = b;
            }
            if (!last_fitting) return {};
            breaks.push_back(*last_fitting);
            start = next_start(*last_fitting);
        }
        return breaks;
    }

private:
    static double threshold(int pass) { return pass == 0 ? 100 : pass < 3 ? 200 : 10000; }
    static double tex_badness(double ratio) { return std::min(10000.0, 100 * std::fabs(ratio * ratio * ratio)); }

    const std::vector<Item>& items_;
    LineWidths widths_;
    double emergency_stretch_;
};

}  // namespace cinefolio::typeset::test
