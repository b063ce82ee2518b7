// Page breaking a spread at a time, with penalties.

#include "page_builder.hpp"

#include <cctype>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <optional>

#include "items.hpp"

namespace cinefolio::typeset {

namespace {

// What a line of empty space at a page foot costs, against penalties: a
// widow or orphan (150) is worse than a page one line short, not than
// three lines short.
constexpr double cost_per_empty_line = 60;
// A word broken across a page turn makes the reader carry half a word over
// the leaf (TeX's \brokenpenalty): never done while any other break is in
// reach; the penalty only ranks the breaks when every one of them is after
// a hyphen.
constexpr int broken_word_penalty = 500;
// Facing pages that end on different baselines show a ragged spread:
// worse than anything a break costs, so it happens only when no break in
// reach levels them (a tall figure, a page ending inside a quotation set
// on its own leading).
constexpr double uneven_spread_penalty = 10000;
// Baselines this close are the same line (spaces rounded to the grid).
constexpr double same_baseline = 0.5;
// What tightening or loosening a page by a line costs, so a run's last
// page is made up with as few changed pages as will do.
constexpr double adjusted_page_cost = 40;
// A run whose last page holds too few lines, against any arrangement that
// gives it enough.
constexpr double runt_page_cost = 1e6;

struct Placed {
    std::size_t index = 0;
    double baseline = 0;
    int fills_before = 0;
};

struct Candidate {
    std::size_t index = 0;
    int penalty = 0;  // broken_word_penalty included
    double last_baseline = 0;
    bool broken_word = false;
};

/// Where a page ends: the item it stops before and where the next starts.
struct Ending {
    std::size_t end = 0;
    std::size_t next = 0;
    bool forced = false;  // at a forced break or the list's end: a run of pages ends here
    bool recto = false;   // the forced break asks for a recto
    double last_baseline = 0;
    double cost = 0;
};

/// What fits on one page from a given item, and where it may end.
struct Scan {
    std::vector<Placed> placed;
    std::vector<Candidate> candidates;
    std::optional<Ending> forced;  // the page ends at a forced break (or the list's end) before it fills
    std::size_t overflow = 0;      // else the first box that did not fit
    bool top_recto = false;        // forced breaks at the page top asked for a recto
    double bottom = 0;             // the lowest baseline allowed on this page
};

/// A line that ends inside a word: with a hyphen the typesetter added, or
/// at a compound's own hyphen ("well-" / "known").
bool ends_broken(const LineRecord& line) {
    if (line.hyphenated) return true;
    const std::string& text = line.text;
    return text.size() >= 2 && text.back() == '-' && std::isalpha(static_cast<unsigned char>(text[text.size() - 2]));
}

/// Lines added to (or, negative, taken from) the depth of some pages.
using Adjustments = std::map<std::size_t, int>;

/// Over a whole list (a std::vector) or a stream's window on one (ItemWindow).
template <typename Items>
class PageBuilder {
public:
    PageBuilder(const Items& items, const PageGeometry& geometry) : items_(items), geometry_(geometry) {
        grow();
    }

    /// Takes in the items appended to the list since (a list built a film
    /// at a time): each box's baseline in one endless column, what keeps a
    /// page that opens mid-essay on the essay's grid, summed on from where
    /// it stopped, so the column is the same as the whole list's.
    void grow() {
        galley_.resize(items_.size(), 0);
        for (std::size_t j = galley_end_; j < items_.size(); ++j) {
            const VerticalItem& item = items_[j];
            if (item.kind == VerticalKind::glue) galley_pending_ += item.advance;
            if (item.kind != VerticalKind::box) continue;
            galley_[j] = galley_last_ + galley_pending_ + item.advance;
            galley_last_ = galley_[j] + item.extent;
            galley_pending_ = 0;
        }
        galley_end_ = items_.size();
    }

    /// Sets the runs of pages that start before item `limit`, from item
    /// `next`; returns where the next run starts. A run ends at a forced
    /// break, so one that starts before a list appended later whose first
    /// page break is forced reads nothing beyond that break.
    std::size_t run_before(std::size_t next, std::size_t limit) {
        while (next < limit && next < items_.size()) next = run_segment(next);
        return next;
    }

    /// After the last run: marks after the last box still belong to the
    /// book's last page.
    void end() {
        if (!pending_marks_.empty() && !pages_.empty()) apply_marks(pages_.back(), geometry_.text_top);
    }

    std::vector<BuiltPage>& pages() { return pages_; }

    std::vector<BuiltPage> run() {
        run_before(0, items_.size());
        end();
        return std::move(pages_);
    }

private:
    /// What a segment's retries restore.
    struct State {
        std::size_t pages = 0;
        std::string running_head, verso_head, short_head;
        bool need_recto = false;
        std::vector<std::shared_ptr<const Mark>> pending_marks;
        double cost = 0;
    };

    struct Planned {
        std::size_t page = 0;
        std::size_t start = 0;
        Ending ending;
    };

    State save() const {
        return {pages_.size(), running_head_, verso_head_, short_head_, need_recto_, pending_marks_, cost_};
    }

    void restore(const State& state) {
        pages_.erase(pages_.begin() + static_cast<std::ptrdiff_t>(state.pages), pages_.end());
        running_head_ = state.running_head;
        verso_head_ = state.verso_head;
        short_head_ = state.short_head;
        need_recto_ = state.need_recto;
        pending_marks_ = state.pending_marks;
        cost_ = state.cost;
        planned_.reset();
    }

    /// Sets one run of pages (up to a forced break: an essay, a part
    /// title); when its last page would hold fewer lines than the design
    /// asks, tries the run again with the spreads before that page a line
    /// shorter or longer, and keeps the best arrangement.
    std::size_t run_segment(std::size_t start) {
        if (!geometry_.spreads || geometry_.last_page_lines <= 0) return build_segment(start);
        const State saved = save();
        std::size_t next = build_segment(start);
        if (score(saved) < runt_page_cost) return next;
        const auto options = adjustment_options(saved.pages, pages_.size() - 1);
        std::optional<Adjustments> best;
        double best_score = score(saved);
        for (const auto& option : options) {
            restore(saved);
            adjust_ = option;
            build_segment(start);
            double moved = 0;  // lines taken from or given to pages
            for (const auto& [page, lines] : option) moved += std::abs(lines);
            const double trial = score(saved) + adjusted_page_cost * moved;
            if (trial < best_score) best = option, best_score = trial;
        }
        restore(saved);
        adjust_ = best ? *best : Adjustments{};
        next = build_segment(start);
        adjust_.clear();
        return next;
    }

    /// The cost of the pages set since `saved`, a runt last page included.
    double score(const State& saved) const {
        double total = cost_ - saved.cost;
        const std::size_t count = pages_.size() - saved.pages;
        const int held = pages_.back().lines;
        // Each line short of the design's counts: two lines are better than one.
        if (count >= 2 && held < geometry_.last_page_lines) total += runt_page_cost * (geometry_.last_page_lines - held);
        return total;
    }

    /// Ways to give a run's last page more lines, or none: the spread or
    /// two before it a line shorter or longer, or two lines shorter (both
    /// pages, so they stay level), and a verso facing the last page (which
    /// may end anywhere) shorter by a line or more.
    std::vector<Adjustments> adjustment_options(std::size_t first, std::size_t last) const {
        std::vector<Adjustments> options;
        const std::size_t verso = last % 2 == 1 ? last : last - 1;  // of the last page's spread
        for (int delta : {-1, 1, -2}) {
            for (std::size_t spreads = 1; spreads <= 2; ++spreads) {
                Adjustments option;
                bool usable = true;
                for (std::size_t k = 1; k <= spreads; ++k) {
                    if (verso < 2 * k) break;
                    for (std::size_t page : {verso - 2 * k, verso - 2 * k + 1}) {
                        if (page < first || page >= last) continue;
                        // A longer opening page would crowd its dropped folio.
                        if (delta > 0 && pages_[page].style == PageStyle::opening) usable = false;
                        option[page] = delta;
                    }
                }
                if (usable && !option.empty()) options.push_back(option);
            }
        }
        if (last % 2 == 0 && last >= first + 1) {
            for (int lines = 1; lines < geometry_.last_page_lines; ++lines) options.push_back({{last - 1, -lines}});
            Adjustments both{{last - 1, -1}};
            for (std::size_t page : {last - 2, last - 3}) {
                if (last >= 3 && page >= first) both[page] = -1;
            }
            if (both.size() > 1) options.push_back(both);
        }
        return options;
    }

    /// Pages from `start` to the first that ends at a forced break.
    std::size_t build_segment(std::size_t start) {
        std::size_t next = start;
        segment_start_ = start;
        reference_.reset();
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
            if (next == start) reference_ = first_box(start, pages_.size());
            bool forced = false;
            next = fill_page(next, forced);
            if (forced) break;
        }
        return next;
    }

    double bottom_of(std::size_t page) const {
        const auto adjusted = adjust_.find(page);
        const int lines = adjusted == adjust_.end() ? 0 : adjusted->second;
        return geometry_.bottom_baseline + lines * geometry_.line_height;
    }

    double text_top_of(std::size_t page) const {
        return static_cast<int>(page) < geometry_.lowered_pages ? geometry_.lowered_top : geometry_.text_top;
    }

    /// Where the first box of a run sits on its page, as (page baseline,
    /// galley baseline): the run's grid (openings set their text on it).
    std::optional<std::pair<double, double>> first_box(std::size_t start, std::size_t page) const {
        double pending = 0;
        for (std::size_t j = start; j < items_.size(); ++j) {
            const VerticalItem& item = items_[j];
            if (item.kind == VerticalKind::glue && item.keep_at_top) pending += item.advance;
            if (item.kind == VerticalKind::box) return std::pair{text_top_of(page) + pending + item.top, galley_[j]};
        }
        return std::nullopt;
    }

    /// The baseline of a page's first box: where it would sit after the
    /// space above it vanishes (`natural`), lowered to the run's grid when
    /// the page opens mid-run, so a page that starts with a heading or a
    /// quotation drops only whole lines of the space before it and its
    /// text stays level with the facing page's.
    double top_baseline(std::size_t start, std::size_t j, double natural) const {
        if (!geometry_.spreads || start == segment_start_ || !reference_) return natural;
        const double phase = reference_->first + (galley_[j] - reference_->second);
        const double lines = std::ceil((natural - 0.01 - phase) / geometry_.line_height);
        return phase + lines * geometry_.line_height;
    }

    /// What fits on page `page` from item `start`.
    Scan scan(std::size_t start, std::size_t page) const {
        Scan scan;
        scan.bottom = bottom_of(page);
        const double text_top = text_top_of(page);
        double pending = 0;
        double last_baseline = text_top;
        int fills = 0;
        // As in TeX, glue is a place to break only right after a box (marks
        // are invisible to this rule).
        bool after_box = false;
        bool after_hyphen = false;  // the last box placed ends with a hyphenated line
        for (std::size_t j = start; j < items_.size(); ++j) {
            const VerticalItem& item = items_[j];
            const bool empty = scan.placed.empty();
            if (item.kind == VerticalKind::mark) continue;
            const bool follows_box = after_box;
            after_box = item.kind == VerticalKind::box;
            if (item.kind == VerticalKind::glue) {
                if (empty && !item.keep_at_top) continue;  // glue vanishes at a page top
                if (!empty && follows_box) add_candidate(scan, j, 0, after_hyphen, last_baseline);
                pending += item.advance;
                if (item.fill) ++fills;
                continue;
            }
            if (item.kind == VerticalKind::penalty) {
                if (item.penalty <= forced_break) {
                    if (empty) {
                        scan.top_recto = scan.top_recto || item.recto;
                        continue;
                    }
                    scan.forced = Ending{j, j + 1, true, item.recto, last_baseline, 0};
                    return scan;
                }
                if (!empty && item.penalty < forbidden_break)
                    add_candidate(scan, j, item.penalty, after_hyphen, last_baseline);
                continue;
            }
            const double baseline = empty ? top_baseline(start, j, text_top + pending + item.top)
                                          : last_baseline + pending + item.advance;
            if (!empty && baseline + item.extent > scan.bottom + 0.01) {
                scan.overflow = j;
                return scan;
            }
            scan.placed.push_back({j, baseline, fills});
            after_hyphen = !item.content.lines.empty() && ends_broken(item.content.lines.back());
            last_baseline = baseline + item.extent;
            pending = 0;
        }
        scan.forced = Ending{items_.size(), items_.size(), true, false, last_baseline, 0};
        return scan;
    }

    static void add_candidate(Scan& scan, std::size_t index, int penalty, bool after_hyphen, double last_baseline) {
        scan.candidates.push_back(
            {index, penalty + (after_hyphen ? broken_word_penalty : 0), last_baseline, after_hyphen});
    }

    double cost_of(const Candidate& candidate, double bottom) const {
        const double empty_lines = (bottom - candidate.last_baseline) / geometry_.line_height;
        return candidate.penalty + cost_per_empty_line * empty_lines;
    }

    /// The breaks a page may take: none after a hyphen while another is in reach.
    static std::vector<const Candidate*> usable(const Scan& scan) {
        std::vector<const Candidate*> whole, all;
        for (const auto& candidate : scan.candidates) {
            all.push_back(&candidate);
            if (!candidate.broken_word) whole.push_back(&candidate);
        }
        return whole.empty() ? all : whole;
    }

    Ending ending_at(const Candidate& candidate, double bottom) const {
        return {candidate.index, candidate.index + 1, false, false, candidate.last_baseline, cost_of(candidate, bottom)};
    }

    /// A page that stops at the box that did not fit (nowhere to break).
    static Ending overflowing(const Scan& scan, double cost) {
        return {scan.overflow, scan.overflow, false, false, 0, cost};
    }

    /// The best end of a page on its own; with `level_with`, a recto that
    /// should end on its verso's last baseline.
    Ending choose(const Scan& scan, std::optional<double> level_with = std::nullopt) const {
        if (scan.forced) return *scan.forced;
        std::optional<Ending> best;
        for (const Candidate* candidate : usable(scan)) {
            Ending ending = ending_at(*candidate, scan.bottom);
            if (level_with && std::abs(candidate->last_baseline - *level_with) > same_baseline)
                ending.cost += uneven_spread_penalty;
            // Ties go to the later break: the fuller page.
            if (!best || ending.cost <= best->cost) best = ending;
        }
        return best ? *best : overflowing(scan, level_with ? 2 * uneven_spread_penalty : 0);
    }

    /// A verso's end chosen with its recto's: every break of the verso is
    /// tried with the recto's best break on the same baseline, and the pair
    /// that costs least wins. The recto's end is kept for its turn.
    Ending choose_spread(const Scan& verso, std::size_t page) {
        std::optional<Ending> best_verso;
        Ending best_recto;
        double best_total = std::numeric_limits<double>::infinity();
        for (const Candidate* candidate : usable(verso)) {
            const Ending ending = ending_at(*candidate, verso.bottom);
            if (ending.cost > best_total) continue;
            const Scan recto = scan(ending.next, page + 1);
            // A recto that ends its essay may end anywhere.
            Ending facing = recto.forced ? *recto.forced : choose(recto, ending.last_baseline);
            if (recto.forced) facing.cost = 0;
            const double total = ending.cost + facing.cost;
            if (total <= best_total) best_total = total, best_verso = ending, best_recto = facing;
        }
        if (!best_verso) return choose(verso);
        planned_ = Planned{page + 1, best_verso->next, best_recto};
        return *best_verso;
    }

    /// Fills one page from `start`; returns where the next page starts.
    std::size_t fill_page(std::size_t start, bool& forced) {
        const std::size_t page = pages_.size();
        const Scan found = scan(start, page);
        need_recto_ = found.top_recto;
        Ending ending;
        if (planned_ && planned_->page == page && planned_->start == start) {
            ending = planned_->ending;
        } else if (geometry_.spreads && page % 2 == 1 && !found.forced) {
            ending = choose_spread(found, page);
        } else {
            ending = choose(found);
        }
        if (!(planned_ && planned_->page == page + 1)) planned_.reset();
        cost_ += ending.cost;
        if (ending.forced && ending.next <= items_.size() && ending.end < items_.size()) need_recto_ = ending.recto;
        forced = ending.forced;
        emit(start, ending.end, found.placed);
        return ending.next;
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
            if (item.kind == VerticalKind::mark) pending_marks_.push_back(item.mark);
            if (item.kind != VerticalKind::box || next_placed >= placed.size() || placed[next_placed].index != j) continue;
            const Placed& where = placed[next_placed++];
            const double shift = fills > 0 ? leftover * where.fills_before / fills : 0;
            apply_marks(page, where.baseline + shift - item.top);
            note_start(page, item.content);
            page.anchors.insert(page.anchors.end(), item.content.anchors.begin(), item.content.anchors.end());
            // Placed, not copied yet: a run of pages may be set again (run_segment).
            page.placed.emplace_back(j, where.baseline + shift);
            page.lines += static_cast<int>(item.content.lines.size());
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
        for (const auto& mark : pending_marks_) {
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

    const Items& items_;
    PageGeometry geometry_;
    std::vector<BuiltPage> pages_;
    std::string running_head_;
    std::string verso_head_;
    std::string short_head_;
    bool need_recto_ = false;
    // Shared with their items: a stream may drop an item before its mark
    // reaches the page after it.
    std::vector<std::shared_ptr<const Mark>> pending_marks_;
    std::optional<Planned> planned_;  // the recto's end its verso chose
    Adjustments adjust_;              // lines added to pages' depth in this run's retry
    double cost_ = 0;                 // of every page end chosen so far
    std::vector<double> galley_;      // each box's baseline in one endless column
    std::size_t galley_end_ = 0;      // the items galley_ has taken in
    double galley_last_ = 0;          // the last box's last baseline there
    double galley_pending_ = 0;       // glue since
    std::size_t segment_start_ = 0;   // where the run being set starts
    std::optional<std::pair<double, double>> reference_;  // its first box: page and galley baselines
};

}  // namespace

std::vector<BuiltPage> build_pages(const std::vector<VerticalItem>& items, const PageGeometry& geometry) {
    auto pages = PageBuilder(items, geometry).run();
    for (auto& page : pages) {
        for (const auto& [item, y] : page.placed) page.content.append(items[item].content, 0, y);
        page.placed = {};
    }
    return pages;
}

/// A stream's items, numbered from the start of the book but held only from
/// the run being set on: the items before it are on their pages, and a
/// book's shells of moved-out items would otherwise stay to the end (and
/// be copied each time a vector of them grew).
class ItemWindow {
public:
    std::size_t size() const { return base_ + items_.size(); }
    const VerticalItem& operator[](std::size_t i) const { return items_[i - base_]; }
    VerticalItem& operator[](std::size_t i) { return items_[i - base_]; }
    void append(std::vector<VerticalItem>&& more) {
        for (auto& item : more) items_.push_back(std::move(item));
        std::vector<VerticalItem>().swap(more);
    }
    /// Forgets the items before `index`.
    void drop_before(std::size_t index) {
        while (base_ < index && !items_.empty()) {
            items_.pop_front();
            ++base_;
        }
    }
    void clear() {
        base_ += items_.size();
        std::deque<VerticalItem>().swap(items_);
    }

private:
    std::deque<VerticalItem> items_;
    std::size_t base_ = 0;
};

struct PageStream::Builder {
    Builder(const PageGeometry& geometry) : builder(items, geometry) {}
    ItemWindow items;
    PageBuilder<ItemWindow> builder;
    std::size_t next = 0;    // where the next run starts
    std::size_t filled = 0;  // pages whose content is moved in
};

PageStream::PageStream(const PageGeometry& geometry) : builder_(std::make_unique<Builder>(geometry)) {}

PageStream::~PageStream() = default;

void PageStream::fill() {
    auto& pages = builder_->builder.pages();
    for (; builder_->filled < pages.size(); ++builder_->filled) {
        BuiltPage& page = pages[builder_->filled];
        for (const auto& [item, y] : page.placed) page.content.append(std::move(builder_->items[item].content), 0, y);
        page.placed = {};
    }
}

void PageStream::add(std::vector<VerticalItem>&& items) {
    const std::size_t boundary = builder_->items.size();
    builder_->items.append(std::move(items));
    builder_->builder.grow();
    builder_->next = builder_->builder.run_before(builder_->next, boundary);
    fill();
    // A run set is never read again: the next one starts at `next`.
    builder_->items.drop_before(builder_->next);
}

void PageStream::finish() {
    builder_->next = builder_->builder.run_before(builder_->next, builder_->items.size());
    builder_->builder.end();
    fill();
    builder_->items.clear();
}

std::vector<BuiltPage>& PageStream::pages() { return builder_->builder.pages(); }

std::vector<BuiltPage> build_pages(std::vector<VerticalItem>&& items, const PageGeometry& geometry) {
    auto pages = PageBuilder(items, geometry).run();
    for (auto& page : pages) {
        for (const auto& [item, y] : page.placed) page.content.append(std::move(items[item].content), 0, y);
        page.placed = {};
    }
    std::vector<VerticalItem>().swap(items);
    return pages;
}

}  // namespace cinefolio::typeset
