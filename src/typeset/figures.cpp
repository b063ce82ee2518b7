// Images in print: one alone in its paragraph is a display figure; the
// others (inline in running text) keep their bracketed alt text.

#include <algorithm>

#include "blocks.hpp"

namespace cinefolio::typeset {

namespace {

// CSS's reference pixel, 96 to the inch: an image prints at the size a
// browser shows it at 100 %, and screen-sized images are never blown up.
constexpr double points_per_pixel = 72.0 / 96.0;

// A figure takes at most this share of the text block's height, so a tall
// picture still leaves room for some of its text on its page.
constexpr double tallest_share = 0.6;

bool is_blank(const model::Inline& node) {
    if (node.kind == model::InlineKind::soft_break || node.kind == model::InlineKind::hard_break) return true;
    if (node.kind == model::InlineKind::anchor) return true;
    if (node.kind != model::InlineKind::text) return false;
    return std::all_of(node.text.begin(), node.text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

void collect_anchors(const std::vector<model::Inline>& inlines, std::vector<std::string>& anchors) {
    for (const auto& node : inlines) {
        if (node.kind == model::InlineKind::anchor) anchors.push_back(node.text);
        collect_anchors(node.children, anchors);
    }
}

}  // namespace

const model::Inline* BlockSetter::lone_image(const model::Block& block) const {
    const model::Inline* image = nullptr;
    for (const auto& node : block.inlines) {
        if (is_blank(node)) continue;
        if (node.kind != model::InlineKind::image || image != nullptr) return nullptr;
        image = &node;
    }
    if (image == nullptr) return nullptr;
    const auto info = context_.images.find(image->url);
    if (info == context_.images.end() || !info->second.problem.empty()) return nullptr;
    if (info->second.width <= 0 || info->second.height <= 0) return nullptr;
    return image;
}

void BlockSetter::report_images(const std::vector<model::Inline>& inlines, const base::Span& where) {
    for (const auto& node : inlines) {
        if (node.kind == model::InlineKind::image) {
            const auto info = context_.images.find(node.url);
            if (info != context_.images.end() && !info->second.problem.empty()) {
                context_.diagnostics.warning(
                    where,
                    "image `" + node.url + "` cannot be drawn in print: " + info->second.problem +
                        "; its alt text stands in",
                    "the EPUB still carries it; save it as a PNG or a baseline RGB JPEG to print it");
            }
        }
        report_images(node.children, where);
    }
}

void BlockSetter::set_figure(const model::Inline& image, const Measure& measure) {
    const Design& design = context_.design;
    const ImageInfo& info = context_.images.at(image.url);
    double width = info.width * points_per_pixel;
    double height = info.height * points_per_pixel;
    const double tallest = tallest_share * (design.bottom_baseline - design.text_top());
    const double scale = std::min({1.0, measure.width / width, tallest / height});
    width *= scale;
    height *= scale;
    // The box's reference line is the image's foot: the page builder then
    // keeps the whole picture on one page, and the next line follows a
    // leading below it as after any line.
    Content content;
    content.images.push_back({measure.left + (measure.width - width) / 2, -height, width, height, image.url, {}});
    // Index terms in the alt text still cite the page the figure is on.
    collect_anchors(image.children, content.anchors);
    const std::size_t start = list_.items().size();
    space(block_space(measure));
    // From the previous baseline: its line's depth, then the picture.
    list_.box(std::move(content), measure.leading - design.top_of(measure.size) + height, height);
    end_on_grid(start, block_space(measure), keep_next_);
    keep_next_ = false;
    indent_next_ = false;
}

}  // namespace cinefolio::typeset
