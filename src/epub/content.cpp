#include "content.hpp"

#include <algorithm>

#include "cinefolio/base/text.hpp"
#include "cinefolio/base/text_offset.hpp"
#include "cinefolio/model/url.hpp"
#include "footnotes.hpp"
#include "page_markers.hpp"
#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

// XHTML has six heading levels; deeper Markdown headings stay at h6.
constexpr int deepest_heading = 6;

const char* heading_name(int level) {
    static const char* const names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    return names[std::clamp(level, 1, deepest_heading) - 1];
}

const char* align_class(model::Align align) {
    switch (align) {
        case model::Align::left: return "align-left";
        case model::Align::center: return "align-center";
        case model::Align::right: return "align-right";
        case model::Align::none: break;
    }
    return nullptr;
}

// "c++ {.numberLines}" -> "language-c"; only characters a class token takes.
std::string language_class(std::string_view info) {
    std::string name;
    for (char c : info) {
        if (c == ' ' || c == '\t' || c == '{') break;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (keep) name += c;
    }
    return name.empty() ? std::string() : "language-" + name;
}

}  // namespace

std::string label_text(const std::vector<model::Inline>& inlines) {
    return base::collapse_whitespace(model::plain_text(inlines));
}

std::string external_href(std::string_view url) {
    // The model wrote web links in the URL rule's form; the rule again (an
    // identity on those) keeps a Book made some other way just as valid.
    model::WebAddress address = model::normalise_web_url(url, {});
    return address.problem.empty() ? address.href : std::string();
}

ContentRenderer::ContentRenderer(base::Diagnostics& diagnostics, const ImageResources& images, int heading_shift)
    : diagnostics_(diagnostics), images_(images), heading_shift_(heading_shift) {}

bool ContentRenderer::claim_id(std::string_view id, base::Span source) {
    if (!is_valid_id(id)) {
        diagnostics_.warning(source, "id `" + std::string(id) + "` is not an XML name, so the EPUB leaves it out",
                             "ids must start with a letter and hold only ASCII letters, digits, '-', '_' or '.'");
        return false;
    }
    if (!ids_.emplace(id).second) {
        diagnostics_.warning(source, "id `" + std::string(id) + "` appears twice on one EPUB page; the second is left out");
        return false;
    }
    return true;
}

bool ContentRenderer::try_claim_id(std::string_view id) { return is_valid_id(id) && ids_.emplace(id).second; }

void ContentRenderer::set_id(pugi::xml_node element, std::string_view id, base::Span source) {
    if (id.empty()) return;
    if (claim_id(id, source)) element.append_attribute("id") = std::string(id).c_str();
}

void ContentRenderer::render_blocks(pugi::xml_node parent, const std::vector<model::Block>& blocks) {
    for (const model::Block& block : blocks) render_block(parent, block);
}

void ContentRenderer::render_block(pugi::xml_node parent, const model::Block& block) {
    current_source_ = block.source;
    using model::BlockKind;
    pugi::xml_node element;
    switch (block.kind) {
        case BlockKind::paragraph:
            element = append_block(parent, "p");
            if (block.run_in_lead) element.append_attribute("class") = leads_apart_ ? "lead-apart" : "run-in";
            render_text_block(element, block);
            break;
        case BlockKind::heading:
            element = append_block(parent, heading_name(block.level + heading_shift_));
            render_text_block(element, block);
            break;
        case BlockKind::bullet_list:
        case BlockKind::ordered_list: render_list(parent, block); return;
        case BlockKind::list_item:
            // An item outside a list (a malformed model) still keeps its text.
            element = append_block(parent, "div");
            render_blocks(element, block.children);
            break;
        case BlockKind::block_quote:
            element = append_block(parent, "blockquote");
            render_blocks(element, block.children);
            break;
        case BlockKind::code_block: {
            element = append_block(parent, "pre");
            pugi::xml_node code = element.append_child("code");
            if (auto name = language_class(block.info); !name.empty()) code.append_attribute("class") = name.c_str();
            render_text_block(code, block);
            break;
        }
        case BlockKind::thematic_break:
            // A page opening with the break is marked just before it.
            if (markers_)
                for (const PageMarker* marker : markers_->in(block.id)) append_block_marker(parent, *marker);
            element = append_block(parent, "hr");
            break;
        case BlockKind::table: render_table(parent, block); return;
        case BlockKind::table_row:
        case BlockKind::table_cell:
            element = append_block(parent, "div");
            render_inlines(element, block.inlines);
            render_blocks(element, block.children);
            break;
    }
    set_id(element, block.id, block.source);
}

void ContentRenderer::render_list(pugi::xml_node parent, const model::Block& block) {
    bool ordered = block.kind == model::BlockKind::ordered_list;
    pugi::xml_node list = append_block(parent, ordered ? "ol" : "ul");
    set_id(list, block.id, block.source);
    if (ordered && block.start != 1) list.append_attribute("start") = block.start;
    // Tight lists keep their <p> (and its id) and drop the spacing in CSS.
    if (block.tight) list.append_attribute("class") = "tight";
    for (const model::Block& item : block.children) {
        current_source_ = item.source;
        pugi::xml_node li = append_block(list, "li");
        set_id(li, item.id, item.source);
        if (item.kind == model::BlockKind::list_item) render_blocks(li, item.children);
        else render_block(li, item);
    }
}

void ContentRenderer::render_table(pugi::xml_node parent, const model::Block& block) {
    pugi::xml_node table = append_block(parent, "table");
    set_id(table, block.id, block.source);
    // GFM tables: the first row is the header row.
    pugi::xml_node section;
    for (std::size_t i = 0; i < block.children.size(); ++i) {
        if (i == 0) section = append_block(table, "thead");
        else if (i == 1) section = append_block(table, "tbody");
        render_row(section, block.children[i], i == 0);
    }
}

void ContentRenderer::render_row(pugi::xml_node parent, const model::Block& row, bool header) {
    current_source_ = row.source;
    pugi::xml_node tr = append_block(parent, "tr");
    set_id(tr, row.id, row.source);
    for (const model::Block& cell : row.children) {
        pugi::xml_node td = append_block(tr, header ? "th" : "td");
        set_id(td, cell.id, cell.source);
        if (header) td.append_attribute("scope") = "col";
        if (const char* name = align_class(cell.align)) td.append_attribute("class") = name;
        render_text_block(td, cell);
        render_blocks(td, cell.children);
    }
}

void ContentRenderer::render_text_block(pugi::xml_node element, const model::Block& block) {
    pending_ = markers_ && !block.id.empty() ? &markers_->in(block.id) : nullptr;
    if (pending_ && pending_->empty()) pending_ = nullptr;
    next_marker_ = 0;
    counted_ = 0;
    if (block.kind == model::BlockKind::code_block) append_marked_text(element, block.text);
    else render_inlines(element, block.inlines);
    // Text the two backends count differently must not lose a page.
    for (; pending_ && next_marker_ < pending_->size(); ++next_marker_)
        append_inline_marker(element, *(*pending_)[next_marker_]);
    pending_ = nullptr;
}

void ContentRenderer::append_marked_text(pugi::xml_node parent, std::string_view text) {
    while (pending_ && next_marker_ < pending_->size()) {
        const std::size_t wanted = (*pending_)[next_marker_]->offset;
        // The byte where the counted text reaches the marker's offset.
        std::size_t at = 0, count = counted_;
        for (; at < text.size(); ++at) {
            if (base::is_offset_space(text[at])) continue;
            if (count >= wanted) break;
            ++count;
        }
        if (at == text.size()) break;
        // Never inside a UTF-8 sequence.
        while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        append_text(parent, text.substr(0, at));
        counted_ += base::offset_length(text.substr(0, at));
        text.remove_prefix(at);
        append_inline_marker(parent, *(*pending_)[next_marker_++]);
    }
    append_text(parent, text);
    counted_ += base::offset_length(text);
}

void ContentRenderer::mark_before(pugi::xml_node parent, std::size_t length) {
    for (; pending_ && next_marker_ < pending_->size() && (*pending_)[next_marker_]->offset < counted_ + length;
         ++next_marker_)
        append_inline_marker(parent, *(*pending_)[next_marker_]);
    counted_ += length;
}

void ContentRenderer::render_inlines(pugi::xml_node parent, const std::vector<model::Inline>& inlines,
                                     InlinePlace place) {
    for (const model::Inline& node : inlines) render_inline(parent, node, place);
}

void ContentRenderer::render_inline(pugi::xml_node parent, const model::Inline& node, InlinePlace place) {
    using model::InlineKind;
    switch (node.kind) {
        case InlineKind::text: append_marked_text(parent, node.text); break;
        case InlineKind::emphasis: render_inlines(parent.append_child("em"), node.children, place); break;
        case InlineKind::strong: render_inlines(parent.append_child("strong"), node.children, place); break;
        // <s>: text no longer accurate, not an editorial deletion (<del>).
        case InlineKind::strikethrough: render_inlines(parent.append_child("s"), node.children, place); break;
        case InlineKind::code:
            mark_before(parent, base::offset_length(node.text));
            append_text(parent.append_child("code"), node.text);
            break;
        case InlineKind::link: render_link(parent, node, place); break;
        case InlineKind::image:
            // Print sets an image in running text as its alt text in brackets.
            mark_before(parent, base::offset_length(model::plain_text(node.children)) + 2);
            render_image(parent, node);
            break;
        case InlineKind::soft_break: append_text(parent, " "); break;
        case InlineKind::hard_break:
            if (place == InlinePlace::body) parent.append_child("br");
            else append_text(parent, " ");
            break;
        case InlineKind::footnote_ref:
            mark_before(parent, base::offset_length(node.text));
            if (place == InlinePlace::body) render_note_ref(parent, node);
            break;
        case InlineKind::anchor:
            // An index locator's target: an empty span the index links to.
            if (place == InlinePlace::body) parent.append_child("span").append_attribute("id") = node.text.c_str();
            break;
    }
}

void ContentRenderer::render_link(pugi::xml_node parent, const model::Inline& node, InlinePlace place) {
    std::string href = place == InlinePlace::body ? external_href(node.url) : std::string();
    if (href.empty() && place == InlinePlace::body && anchor_pages_ && node.url.starts_with("#")) {
        // A link to another essay (model::resolve_links): that chapter's page.
        if (auto page = anchor_pages_->find(node.url.substr(1)); page != anchor_pages_->end())
            href = page->second + node.url;
    }
    if (href.empty()) {
        // Relative and other links have no target inside the book: keep the words.
        render_inlines(parent, node.children, place);
        return;
    }
    pugi::xml_node link = parent.append_child("a");
    link.append_attribute("href") = href.c_str();
    render_inlines(link, node.children, place);
}

void ContentRenderer::render_image(pugi::xml_node parent, const model::Inline& node) {
    std::string alt = label_text(node.children);
    auto resource = images_.find(node.url);
    if (resource == images_.end()) {
        // No image file came with the book: the alt text stands in for it.
        if (alt.empty()) return;
        pugi::xml_node span = parent.append_child("span");
        span.append_attribute("class") = "image-alt";
        append_text(span, alt);
        return;
    }
    pugi::xml_node image = parent.append_child("img");
    // Pages live in text/, resources are named from the package folder.
    image.append_attribute("src") = ("../" + resource->second).c_str();
    image.append_attribute("alt") = xml_safe_text(alt).c_str();
}

void ContentRenderer::render_note_ref(pugi::xml_node parent, const model::Inline& node) {
    std::optional<std::string> anchor = notes_ ? notes_->reference(node.url) : std::nullopt;
    if (!anchor) {
        diagnostics_.warning(current_source_, "footnote reference `" + node.url + "` has no footnote in its chapter",
                             "the reference is shown as plain text");
        append_text(parent.append_child("sup"), node.text);
        return;
    }
    pugi::xml_node link = parent.append_child("a");
    if (claim_id(*anchor, current_source_)) {
        link.append_attribute("id") = anchor->c_str();
        notes_->record(node.url, *anchor);
    }
    link.append_attribute("href") = ("#" + node.url).c_str();
    set_semantics(link, "noteref", "doc-noteref");
    link.append_attribute("class") = "noteref";
    append_text(link, node.text);
}

}  // namespace cinefolio::epub
