// Knuth-Plass total-fit line breaking (TeX: The Program, parts 38-39), with
// pdfTeX's font expansion and character protrusion folded into the widths.

#include "line_breaker.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace cinefolio::typeset {

namespace {

// TeX's plain and LaTeX values, which readers of printed books are used to:
// \linepenalty: each line costs this, so of two equal settings the shorter wins.
constexpr double line_penalty = 10;
// \doublehyphendemerits: two hyphenated lines in a row.
constexpr double double_hyphen_demerits = 10000;
// \finalhyphendemerits: a hyphen on a paragraph's last full line, whose
// word would end on a short line on its own.
constexpr double final_hyphen_demerits = 5000;
// \adjdemerits: a tight line next to a loose one (fitness classes apart).
constexpr double adjacent_demerits = 10000;
// \pretolerance (first pass, no hyphenation) and \tolerance (second and
// emergency passes): the worst badness a line may have.
constexpr double pretolerance = 100;
constexpr double tolerance = 200;
// A ladder of three hyphens is the typographer's usual limit; TeX has no
// such rule (xelatex ran five), so this is a hard constraint here.
constexpr int max_consecutive_hyphens = 2;
// TeX's inf_bad: the badness of a line that cannot stretch at all.
constexpr double infinitely_bad = 10000;
// Widths are sums of floating advances: a hair's breadth is not overfull.
constexpr double epsilon = 1e-6;

enum Fitness { very_loose = 0, loose = 1, decent = 2, tight = 3 };

/// Running totals of everything before an item.
struct Sums {
    double width = 0;
    double stretch = 0;
    double shrink = 0;
    double fill = 0;
    double expandable = 0;  // glyph boxes, which font expansion may scale
};

/// A feasible break (or the paragraph start) reached by the best route
/// with these line count, fitness and hyphen run.
struct Node {
    std::size_t position = 0;  // the break item
    std::size_t start = 0;     // first item of the line after it
    std::size_t line = 0;      // lines before it
    int fitness = decent;
    int hyphens = 0;             // consecutive hyphenated lines ending here
    double demerits = 0;         // total of the route
    int previous = -1;           // index into the node store; -1 before the first line
    double post_width = 0;       // a discretionary's fragment opening the next line
    double left_protrusion = 0;  // of the line after it
    bool flagged = false;
    LineBreak set;  // how the line ending here is set
};

/// How a line from a node to a break would be set.
struct Fit {
    LineBreak set;
    double breaking_badness = 0;  // with emergency stretch, what tolerance is checked against
};

/// A candidate node at the current break, per route class.
struct Candidate {
    int from = -1;
    int fitness = decent;
    int hyphens = 0;
    std::size_t line_class = 0;
    double demerits = 0;
    Fit fit;
};

class TotalFit {
public:
    TotalFit(const std::vector<Item>& items, const LineWidths& widths, const BreakParameters& parameters)
        : items_(items),
          widths_(widths),
          parameters_(parameters),
          justified_(parameters.alignment == Alignment::justified),
          sums_(items.size() + 1) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            Sums next = sums_[i];
            const Item& item = items[i];
            if (item.kind == ItemKind::box) {
                next.width += item.width;
                if (item.run >= 0) next.expandable += item.width;
            } else if (item.kind == ItemKind::glue) {
                next.width += item.width;
                if (item.stretch >= fill_stretch)
                    next.fill += item.stretch;
                else
                    next.stretch += item.stretch;
                next.shrink += item.shrink;
            }
            sums_[i + 1] = next;
        }
    }

    /// One pass: 0 without hyphenation at pretolerance, 1 with it at
    /// tolerance, 2 with emergency stretch too, 3 taking any line and
    /// overfull ones as a last resort. False if no route reached the end.
    bool run(int pass) {
        pass_ = pass;
        nodes_.clear();
        active_.clear();
        Node start;
        start.left_protrusion = left_protrusion(0);
        nodes_.push_back(start);
        active_.push_back(0);
        for (std::size_t b = 0; b < items_.size(); ++b) {
            if (!legal(b)) continue;
            try_break(b);
            if (active_.empty()) return false;
        }
        return best_final() >= 0;
    }

    std::vector<LineBreak> result() const {
        std::vector<LineBreak> lines;
        for (int node = best_final(); node > 0; node = nodes_[static_cast<std::size_t>(node)].previous) {
            lines.push_back(nodes_[static_cast<std::size_t>(node)].set);
        }
        return {lines.rbegin(), lines.rend()};
    }

private:
    bool legal(std::size_t b) const {
        const Item& item = items_[b];
        if (item.kind == ItemKind::penalty) return item.penalty < forbidden_break && !(pass_ == 0 && item.hyphenation);
        return item.kind == ItemKind::glue && b > 0 && items_[b - 1].kind == ItemKind::box;
    }

    double left_protrusion(std::size_t start) const {
        if (!justified_ || !parameters_.protrusion || start >= items_.size()) return 0;
        return items_[start].kind == ItemKind::box ? items_[start].protrude_left : 0;
    }

    double right_protrusion(std::size_t b) const {
        if (!justified_ || !parameters_.protrusion) return 0;
        const Item& item = items_[b];
        if (item.kind == ItemKind::penalty && item.flagged && (item.run >= 0 || item.pre_fragment >= 0)) {
            return item.protrude_right;
        }
        return b > 0 && items_[b - 1].kind == ItemKind::box ? items_[b - 1].protrude_right : 0;
    }

    Fit measure(const Node& from, std::size_t b) const {
        const Item& end = items_[b];
        const Sums& first = sums_[from.start];
        const Sums& last = sums_[b];
        const double width =
            last.width - first.width + (end.kind == ItemKind::penalty ? end.width : 0) + from.post_width;
        const double stretch = last.stretch - first.stretch;
        const double shrink = last.shrink - first.shrink;
        const double fill = last.fill - first.fill;
        const double emergency = pass_ >= 2 ? parameters_.emergency_stretch : 0;
        Fit fit;
        fit.set.item = b;
        fit.set.left_protrusion = from.left_protrusion;
        fit.set.right_protrusion = right_protrusion(b);
        const double available = widths_.at(from.line) + fit.set.left_protrusion + fit.set.right_protrusion;
        const double difference = available - width;
        if (!justified_) {
            // Ragged lines keep their natural spaces; the badness of the
            // space left at the end makes the ragged edge even.
            fit.set.overfull = difference < -epsilon;
            fit.set.badness = fill > 0 ? 0 : badness(difference / parameters_.ragged_stretch);
            fit.breaking_badness = fill > 0 ? 0 : badness(difference / (parameters_.ragged_stretch + emergency));
            return fit;
        }
        if (fill > 0 && difference >= 0) return fit;  // a last line at its natural width
        // Font expansion takes up what it can first, in whole steps and never
        // past the difference, so the spaces move as little as possible.
        const double expandable = last.expandable - first.expandable;
        if (parameters_.expansion > 0 && expandable > 0) {
            const double wanted = std::clamp(difference / expandable, -parameters_.expansion, parameters_.expansion);
            fit.set.expansion = std::trunc(wanted / parameters_.expansion_step + 1e-9) * parameters_.expansion_step;
        }
        const double rest = difference - fit.set.expansion * expandable;
        if (rest >= 0) {
            if (fill > 0) return fit;
            fit.set.ratio = stretch > 0 ? rest / stretch : (rest < 0.01 ? 0 : std::numeric_limits<double>::infinity());
            fit.set.badness = badness(fit.set.ratio);
            fit.breaking_badness = emergency > 0 ? badness(rest / (stretch + emergency)) : fit.set.badness;
        } else {
            fit.set.ratio =
                shrink > 0 ? rest / shrink : (rest > -epsilon ? 0 : -std::numeric_limits<double>::infinity());
            fit.set.overfull = fit.set.ratio < -1 - epsilon;
            fit.set.badness = badness(fit.set.ratio);
            fit.breaking_badness = fit.set.badness;
        }
        return fit;
    }

    static int fitness_of(const Fit& fit) {
        // TeX's classes by badness (part 38, \S 853): 12 is "decent", 99 "loose".
        const double bad = fit.breaking_badness;
        if (fit.set.ratio < 0) return bad > 12 ? tight : decent;
        if (bad > 99) return very_loose;
        return bad > 12 ? loose : decent;
    }

    double demerits(const Node& from, std::size_t b, const Fit& fit, int fitness) const {
        const Item& item = items_[b];
        double result = line_penalty + fit.breaking_badness;
        result *= result;
        if (item.kind == ItemKind::penalty) {
            const double penalty = item.penalty;
            if (penalty > 0)
                result += penalty * penalty;
            else if (penalty > forced_break)
                result -= penalty * penalty;
            if (item.flagged && from.flagged) result += double_hyphen_demerits;
            if (item.penalty <= forced_break && from.flagged) result += final_hyphen_demerits;
        }
        if (std::abs(fitness - from.fitness) > 1) result += adjacent_demerits;
        return result;
    }

    void consider(std::vector<Candidate>& candidates, const Candidate& candidate) const {
        for (auto& existing : candidates) {
            if (existing.fitness == candidate.fitness && existing.hyphens == candidate.hyphens &&
                existing.line_class == candidate.line_class) {
                if (candidate.demerits < existing.demerits) existing = candidate;
                return;
            }
        }
        candidates.push_back(candidate);
    }

    void try_break(std::size_t b) {
        const Item& item = items_[b];
        const bool forced = item.kind == ItemKind::penalty && item.penalty <= forced_break;
        const bool flagged = item.kind == ItemKind::penalty && item.flagged;
        // The last pass takes any line that is not overfull (as \tolerance=10000
        // does) and lets the demerits find the least bad route.
        const double threshold = pass_ == 0 ? pretolerance : pass_ < 3 ? tolerance : infinitely_bad;
        // Two lists kept between calls, so a paragraph's thousand break
        // points do not allocate two vectors each.
        std::vector<Candidate>& candidates = candidates_;
        std::vector<int>& still_active = still_active_;
        candidates.clear();
        still_active.clear();
        int last_resort = -1;  // a node dropped here: the source of an overfull line if nothing else works
        for (const int index : active_) {
            const Node& from = nodes_[static_cast<std::size_t>(index)];
            if (from.start > b) {
                still_active.push_back(index);
                continue;
            }
            const Fit fit = measure(from, b);
            // A line that is already too full only gets fuller: drop the node.
            if (fit.set.overfull || forced) {
                if (last_resort < 0 || from.start > nodes_[static_cast<std::size_t>(last_resort)].start) {
                    last_resort = index;
                }
            } else {
                still_active.push_back(index);
            }
            if (fit.set.overfull || fit.breaking_badness > threshold) continue;
            const int hyphens = flagged ? from.hyphens + 1 : 0;
            if (hyphens > max_consecutive_hyphens) continue;
            Candidate candidate;
            candidate.from = index;
            candidate.fitness = fitness_of(fit);
            candidate.hyphens = hyphens;
            candidate.line_class = std::min(from.line + 1, widths_.widths.size() - 1);
            candidate.demerits = from.demerits + demerits(from, b, fit, candidate.fitness);
            candidate.fit = fit;
            consider(candidates, candidate);
        }
        if (candidates.empty() && still_active.empty() && pass_ == 3 && last_resort >= 0) {
            // TeX's artificial demerits: no route is left, so the last one
            // goes on through an overfull (or hopelessly loose) line.
            const Node& from = nodes_[static_cast<std::size_t>(last_resort)];
            Candidate candidate;
            candidate.from = last_resort;
            candidate.fit = measure(from, b);
            candidate.fitness = decent;
            candidate.hyphens = flagged ? from.hyphens + 1 : 0;
            candidate.line_class = std::min(from.line + 1, widths_.widths.size() - 1);
            candidate.demerits = from.demerits;
            candidates.push_back(candidate);
        }
        active_.swap(still_active);
        for (const auto& candidate : candidates) {
            const Node& from = nodes_[static_cast<std::size_t>(candidate.from)];
            Node node;
            node.position = b;
            node.start = line_start_after(items_, b);
            node.line = from.line + 1;
            node.fitness = candidate.fitness;
            node.hyphens = candidate.hyphens;
            node.demerits = candidate.demerits;
            node.previous = candidate.from;
            node.post_width = item.kind == ItemKind::penalty ? item.post_width : 0;
            node.left_protrusion = item.post_fragment >= 0 ? 0 : left_protrusion(node.start);
            node.flagged = flagged;
            node.set = candidate.fit.set;
            active_.push_back(static_cast<int>(nodes_.size()));
            nodes_.push_back(node);
        }
    }

    int best_final() const {
        int best = -1;
        for (const int index : active_) {
            const Node& node = nodes_[static_cast<std::size_t>(index)];
            if (node.position + 1 != items_.size() || index == 0) continue;
            if (best < 0 || node.demerits < nodes_[static_cast<std::size_t>(best)].demerits) best = index;
        }
        return best;
    }

    const std::vector<Item>& items_;
    const LineWidths& widths_;
    const BreakParameters& parameters_;
    const bool justified_;
    std::vector<Sums> sums_;
    std::vector<Node> nodes_;
    std::vector<int> active_;
    std::vector<Candidate> candidates_;
    std::vector<int> still_active_;
    int pass_ = 0;
};

}  // namespace

double badness(double ratio) {
    if (std::isinf(ratio)) return infinitely_bad;
    const double value = 100 * std::fabs(ratio * ratio * ratio);
    return value > infinitely_bad ? infinitely_bad : value;
}

std::size_t line_start_after(const std::vector<Item>& items, std::size_t item) {
    // After a discretionary the next line already has content (its second
    // fragment), so what follows the replaced items stays, spaces included.
    if (items[item].post_fragment >= 0) return item + 1 + items[item].replaced;
    std::size_t start = item + 1;
    while (start < items.size() && items[start].kind != ItemKind::box && items[start].penalty > forced_break) ++start;
    return start;
}

std::vector<LineBreak> break_lines(const std::vector<Item>& items, const LineWidths& widths,
                                   const BreakParameters& parameters) {
    if (items.empty()) return {};
    TotalFit fit(items, widths, parameters);
    // TeX's order: try without hyphenation first, since a paragraph that
    // sets well unhyphenated reads best; then with it; then the emergency.
    for (int pass = 0; pass < 4; ++pass) {
        if (fit.run(pass)) return fit.result();
    }
    return {};  // unreachable: the last pass always finishes
}

}  // namespace cinefolio::typeset
