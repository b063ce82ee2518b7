// Moving and merging content.

#include "content.hpp"

#include <iterator>
#include <utility>
#include <vector>

namespace cinefolio::typeset {

namespace {
template <typename Placed>
void shift(std::vector<Placed>& items, double dx, double dy) {
    for (auto& item : items) {
        item.x += dx;
        item.y += dy;
    }
}
}  // namespace

void Content::append(const Content& other, double dx, double dy) {
    Content copy = other;
    append(std::move(copy), dx, dy);
}

void Content::append(Content&& other, double dx, double dy) {
    // Lines move into boxes and boxes onto pages: moving the runs keeps
    // their glyph, text and cluster vectors where they are.
    for (auto& run : other.runs) shift(run.glyphs, dx, dy);
    shift(other.rules, dx, dy);
    shift(other.images, dx, dy);
    shift(other.links, dx, dy);
    shift(other.lines, dx, dy);
    if (empty() && lines.empty() && anchors.empty()) {
        runs = std::move(other.runs);
        rules = std::move(other.rules);
        images = std::move(other.images);
        links = std::move(other.links);
        lines = std::move(other.lines);
        anchors = std::move(other.anchors);
        return;
    }
    runs.insert(runs.end(), std::make_move_iterator(other.runs.begin()), std::make_move_iterator(other.runs.end()));
    rules.insert(rules.end(), other.rules.begin(), other.rules.end());
    images.insert(images.end(), std::make_move_iterator(other.images.begin()),
                  std::make_move_iterator(other.images.end()));
    links.insert(links.end(), std::make_move_iterator(other.links.begin()), std::make_move_iterator(other.links.end()));
    lines.insert(lines.end(), std::make_move_iterator(other.lines.begin()), std::make_move_iterator(other.lines.end()));
    anchors.insert(anchors.end(), std::make_move_iterator(other.anchors.begin()),
                   std::make_move_iterator(other.anchors.end()));
}

}  // namespace cinefolio::typeset
