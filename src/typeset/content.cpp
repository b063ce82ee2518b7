// Moving and merging content.

#include "content.hpp"

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

}  // namespace cinefolio::typeset
