#pragma once
// Breaking the vertical list into pages, a spread at a time: each break is
// chosen among the legal ones by penalty (keeps, widows, orphans, a word
// broken over the turn) plus the cost of the space it leaves empty, the
// verso's and the recto's weighed together so facing pages end on the same
// baseline; an essay whose last page would hold only a few lines has its
// last spreads tightened or loosened by a line.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "vertical.hpp"

namespace cinefolio::typeset {

/// Where text may sit on a page (y grows downwards, points).
struct PageGeometry {
    double text_top = 0;         // top of the text block
    double bottom_baseline = 0;  // lowest baseline allowed
    double line_height = 0;      // body leading: the unit of wasted space
    /// The first `lowered_pages` pages start their text at `lowered_top`
    /// instead (columns under an opening's title).
    int lowered_pages = 0;
    double lowered_top = 0;
    /// Pages face each other (page 0 a recto): a verso and its recto end
    /// on the same baseline unless one of them ends a run of pages (an
    /// essay). Off for index columns and front matter.
    bool spreads = false;
    /// With spreads: the fewest lines the last page of a run should hold
    /// when tightening or loosening the spreads before it by a line can
    /// give them (0: no such rule).
    int last_page_lines = 0;
};

/// A page before furniture: content x relative to the text block's left
/// edge, y absolute.
struct BuiltPage {
    Content content;
    PageStyle style = PageStyle::normal;
    bool style_set = false;  // a mark chose the style (the first one wins)
    std::string running_head;
    std::string verso_head;
    std::string short_head;
    std::vector<std::string> anchors;       // every anchor whose box starts here
    std::vector<Destination> destinations;  // the anchors links may target
    std::vector<OutlineEntry> outline;  // `page` is the index in the returned list
    std::size_t first_item = 0;         // the list item the page starts at
    /// Where its text begins (a division mark or its first stamped line);
    /// `start_block` empty: no text.
    std::string start_block;
    std::size_t start_offset = 0;
    /// The boxes the page holds while the pages are built, as list items
    /// and the y they move by; build_pages turns them into `content` once
    /// every retry of a run is over, so a retry copies nothing.
    std::vector<std::pair<std::size_t, double>> placed;
    int lines = 0;  // text lines among them
};

/// Pages built a list at a time (the body, a film at a time, while later
/// films are still being set): the same pages as build_pages over the
/// lists joined, each page handed out as soon as the run of pages it
/// belongs to is over. Every list after the first must open with a forced
/// page break (a film's part title does).
class PageStream {
public:
    explicit PageStream(const PageGeometry& geometry);
    ~PageStream();
    PageStream(const PageStream&) = delete;
    PageStream& operator=(const PageStream&) = delete;

    /// Appends a list (its items are moved out); the runs of pages before
    /// it are built.
    void add(std::vector<VerticalItem>&& items);
    /// Builds what is left.
    void finish();
    /// The pages built so far, each with its content (a caller may move it
    /// out; the rest of a page stays).
    std::vector<BuiltPage>& pages();

private:
    struct Builder;
    void fill();
    std::unique_ptr<Builder> builder_;
};

/// Breaks the list into pages. Page 0 is a recto; forced recto breaks that
/// land on a verso add a blank (blind) page. The pages copy the boxes' content.
std::vector<BuiltPage> build_pages(const std::vector<VerticalItem>& items, const PageGeometry& geometry);
/// The same, moving the boxes' content onto the pages and releasing the
/// list: the book's lines are held once, not twice.
std::vector<BuiltPage> build_pages(std::vector<VerticalItem>&& items, const PageGeometry& geometry);

}  // namespace cinefolio::typeset
