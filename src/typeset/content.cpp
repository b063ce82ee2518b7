// Moving and merging content.

#include "content.hpp"

#include <iterator>

namespace cinefolio::typeset {

void Content::append(const Content& other, double dx, double dy) {
    for (GlyphRun run : other.runs) {
        for (auto& glyph : run.glyphs) {
            glyph.x += dx;
            glyph.y += dy;
        }
        runs.push_back(std::move(run));
    }
    for (Rule rule : other.rules) {
        rule.x += dx;
        rule.y += dy;
        rules.push_back(rule);
    }
    for (Image image : other.images) {
        image.x += dx;
        image.y += dy;
        images.push_back(std::move(image));
    }
    for (Link link : other.links) {
        link.x += dx;
        link.y += dy;
        links.push_back(std::move(link));
    }
    for (LineRecord line : other.lines) {
        line.x += dx;
        line.y += dy;
        lines.push_back(std::move(line));
    }
    anchors.insert(anchors.end(), other.anchors.begin(), other.anchors.end());
}

void Content::append(Content&& other, double dx, double dy) {
    // Lines move into boxes and boxes onto pages: moving the runs keeps
    // their glyph, text and cluster vectors where they are.
    for (auto& run : other.runs) {
        for (auto& glyph : run.glyphs) {
            glyph.x += dx;
            glyph.y += dy;
        }
    }
    for (auto& rule : other.rules) {
        rule.x += dx;
        rule.y += dy;
    }
    for (auto& image : other.images) {
        image.x += dx;
        image.y += dy;
    }
    for (auto& link : other.links) {
        link.x += dx;
        link.y += dy;
    }
    for (auto& line : other.lines) {
        line.x += dx;
        line.y += dy;
    }
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
