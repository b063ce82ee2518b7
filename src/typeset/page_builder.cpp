// Greedy page breaking with penalties.

#include "page_builder.hpp"

#include <limits>

#include "items.hpp"

namespace cinefolio::typeset {

namespace {

// What a line of empty space at a page foot costs, against penalties: a
// widow or orphan (150) is worse than a page one line short, not than
// three lines short.
constexpr double cost_per_empty_line = 60;
// A word broken across a page turn makes the reader carry half a word over
// the leaf (TeX's \brokenpenalty, set high): worth running a page up to
// several lines short to avoid, but not worth an overfull page.
constexpr int broken_word_penalty = 500;

struct Placed {
    std::size_t index = 0;
    double baseline = 0;
    int fills_before = 0;
};

struct Candidate {
    std::size_t index = 0;
    int penalty = 0;
    double last_baseline = 0;
};

class PageBuilder {
public:
    /// With `taken`, the items' boxes are moved onto the pages (the list is
    /// not read again) rather than copied.
    PageBuilder(const std::vector<VerticalItem>& items, const PageGeometry& geometry,
                std::vector<VerticalItem>* taken = nullptr)
        : items_(items), taken_(taken), geometry_(geometry) {}

    std::vector<BuiltPage> run() {
        std::size_t next = 0;
        while (next < items_.size()) {
            if (need_recto_ && pages_.size() % 2 == 1) {
                BuiltPage blank;
                blank.style = PageStyle::blind;
                blank.running_head = running_head_;
                blank.verso_head = verso_head_;
                blank.short_head = short_head_;
                pages_.push_back(std::move(blank));
            }
            need_recto_ = false;
            next = fill_page(next);
        }
        // Marks after the last box still belong to the book's last page.
        if (!pending_marks_.empty() && !pages_.empty()) apply_marks(pages_.back(), geometry_.text_top);
        return std::move(pages_);
    }

private:
    /// Fills one page from `start`; returns where the next page starts.
    std::size_t fill_page(std::size_t start) {
        std::vector<Placed> placed;
        std::vector<Candidate> candidates;
        double pending = 0;
        const double text_top = static_cast<int>(pages_.size()) < geometry_.lowered_pages ? geometry_.lowered_top
                                                                                          : geometry_.text_top;
        double last_baseline = text_top;
        int fills = 0;
        std::size_t end = items_.size();
        std::size_t next = items_.size();
        // As in TeX, glue is a place to break only right after a box (marks
        // are invisible to this rule).
        bool after_box = false;
        bool after_hyphen = false;  // the last box placed ends with a hyphenated line
        for (std::size_t j = start; j < items_.size(); ++j) {
            const VerticalItem& item = items_[j];
            const bool empty = placed.empty();
            if (item.kind == VerticalKind::mark) continue;
            const bool follows_box = after_box;
            after_box = item.kind == VerticalKind::box;
            if (item.kind == VerticalKind::glue) {
                if (empty && !item.keep_at_top) continue;  // glue vanishes at a page top
                if (!empty && follows_box)
                    candidates.push_back({j, after_hyphen ? broken_word_penalty : 0, last_baseline});
                pending += item.advance;
                if (item.fill) ++fills;
                continue;
            }
            if (item.kind == VerticalKind::penalty) {
                if (item.penalty <= forced_break) {
                    if (empty) {
                        need_recto_ = need_recto_ || item.recto;
                        continue;
                    }
                    end = j;
                    next = j + 1;
                    need_recto_ = item.recto;
                    break;
                }
                if (!empty && item.penalty < forbidden_break)
                    candidates.push_back({j, item.penalty + (after_hyphen ? broken_word_penalty : 0), last_baseline});
                continue;
            }
            const double baseline = empty ? text_top + pending + item.top : last_baseline + pending + item.advance;
            if (!empty && baseline + item.extent > geometry_.bottom_baseline + 0.01) {
                const Candidate* best = choose(candidates);
                end = best ? best->index : j;
                next = best ? best->index + 1 : j;
                break;
            }
            placed.push_back({j, baseline, fills});
            after_hyphen = !item.content.lines.empty() && item.content.lines.back().hyphenated;
            last_baseline = baseline + item.extent;
            pending = 0;
        }
        emit(start, end, placed);
        return next;
    }

    const Candidate* choose(const std::vector<Candidate>& candidates) const {
        const Candidate* best = nullptr;
        double best_cost = std::numeric_limits<double>::infinity();
        for (const auto& candidate : candidates) {
            const double empty_lines = (geometry_.bottom_baseline - candidate.last_baseline) / geometry_.line_height;
            const double cost = candidate.penalty + cost_per_empty_line * empty_lines;
            if (cost <= best_cost) {
                best = &candidate;
                best_cost = cost;
            }
        }
        return best;
    }

    void emit(std::size_t start, std::size_t end, const std::vector<Placed>& placed) {
        BuiltPage page;
        page.first_item = start;
        int fills = 0;
        for (std::size_t j = start; j < end; ++j) fills += items_[j].kind == VerticalKind::glue && items_[j].fill;
        const double last = placed.empty() ? geometry_.text_top : placed_last_baseline(placed, end);
        const double leftover = fills > 0 ? geometry_.bottom_baseline - last : 0;
        std::size_t next_placed = 0;
        for (std::size_t j = start; j < end; ++j) {
            const VerticalItem& item = items_[j];
            if (item.kind == VerticalKind::mark) pending_marks_.push_back(&item.mark);
            if (item.kind != VerticalKind::box || next_placed >= placed.size() || placed[next_placed].index != j) continue;
            const Placed& where = placed[next_placed++];
            const double shift = fills > 0 ? leftover * where.fills_before / fills : 0;
            apply_marks(page, where.baseline + shift - item.top);
            note_start(page, item.content);
            page.anchors.insert(page.anchors.end(), item.content.anchors.begin(), item.content.anchors.end());
            // A page's items are never read again once it is built.
            if (taken_) page.content.append(std::move((*taken_)[j].content), 0, where.baseline + shift);
            else page.content.append(item.content, 0, where.baseline + shift);
        }
        page.running_head = running_head_;
        page.verso_head = verso_head_;
        page.short_head = short_head_;
        pages_.push_back(std::move(page));
    }

    /// The page's text begins at its first box that sets a block's text,
    /// unless a division opened the page first.
    static void note_start(BuiltPage& page, const Content& content) {
        if (!page.start_block.empty()) return;
        for (const auto& line : content.lines) {
            if (line.block.empty()) continue;
            page.start_block = line.block;
            page.start_offset = line.offset;
            return;
        }
    }

    /// Marks belong to the page of the next box after them: a break in the
    /// space before a block carries the block's marks over with it.
    void apply_marks(BuiltPage& page, double y) {
        for (const Mark* mark : pending_marks_) {
            if (mark->page_style && !page.style_set) page.style = *mark->page_style, page.style_set = true;
            if (mark->running_head) running_head_ = *mark->running_head;
            if (mark->verso_head) verso_head_ = *mark->verso_head;
            if (mark->short_head) short_head_ = *mark->short_head;
            if (!mark->anchor.empty()) page.anchors.push_back(mark->anchor);
            if (mark->division && page.start_block.empty() && !mark->anchor.empty())
                page.start_block = mark->anchor, page.start_offset = 0;
            if (!mark->anchor.empty() && mark->link_target) page.destinations.push_back({mark->anchor, y});
            if (mark->outline) {
                OutlineEntry entry = *mark->outline;
                entry.page = static_cast<int>(pages_.size());
                entry.y = y;
                page.outline.push_back(entry);
            }
        }
        pending_marks_.clear();
    }

    double placed_last_baseline(const std::vector<Placed>& placed, std::size_t end) const {
        double last = geometry_.text_top;
        for (const auto& where : placed) {
            if (where.index < end) last = where.baseline + items_[where.index].extent;
        }
        return last;
    }

    const std::vector<VerticalItem>& items_;
    std::vector<VerticalItem>* taken_ = nullptr;
    PageGeometry geometry_;
    std::vector<BuiltPage> pages_;
    std::string running_head_;
    std::string verso_head_;
    std::string short_head_;
    bool need_recto_ = false;
    std::vector<const Mark*> pending_marks_;
};

}  // namespace

std::vector<BuiltPage> build_pages(const std::vector<VerticalItem>& items, const PageGeometry& geometry) {
    return PageBuilder(items, geometry).run();
}

std::vector<BuiltPage> build_pages(std::vector<VerticalItem>&& items, const PageGeometry& geometry) {
    return PageBuilder(items, geometry, &items).run();
}

}  // namespace cinefolio::typeset
