// Copying a cmark-gfm tree into model blocks and inlines.

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "cmark_convert.hpp"
#include "cmark_footnotes.hpp"
#include "cmark_handles.hpp"
#include "sections.hpp"

namespace cinefolio::corpus {

namespace {

// Deeper nesting than this is flattened: real essays stay under ten levels,
// and both our copy and every renderer recurse over the model tree, so a
// hostile 10,000-deep quote must not reach them as it is.
constexpr int max_block_depth = 32;
constexpr int max_inline_depth = 32;

constexpr std::string_view raw_html_message = "raw HTML dropped";
constexpr std::string_view raw_html_hint = "write it in Markdown, or remove it";

std::string_view type_name(cmark_node* node) {
    const char* name = cmark_node_get_type_string(node);
    return name == nullptr ? std::string_view{} : std::string_view{name};
}

std::string literal_of(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    return literal == nullptr ? std::string{} : std::string{literal};
}

// Containers that only nest other blocks; what flattening dissolves.
bool is_nesting_container(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CUSTOM_BLOCK:
            return true;
        default:
            return false;
    }
}

// The plain text under an inline node, gathered without recursion (used
// below the depth limit, where structure is given up).
std::string plain_text_of(cmark_node* root) {
    std::string out;
    cmark::IteratorHandle iterator{cmark_iter_new(root)};
    for (auto event = cmark_iter_next(iterator.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iterator.get())) {
        if (event != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(iterator.get());
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                out += literal_of(node);
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            default:
                break;
        }
    }
    return out;
}

// The language of a fenced block is the info string's first word
// (CommonMark leaves the rest to the author).
std::string language_of(cmark_node* code_block) {
    const char* info = cmark_node_get_fence_info(code_block);
    if (info == nullptr) return {};
    std::string_view text{info};
    auto end = text.find_first_of(" \t");
    return std::string{text.substr(0, end)};
}

model::Block block_of(model::BlockKind kind, base::Span source) {
    model::Block block;
    block.kind = kind;
    block.source = source;
    return block;
}

model::Inline text_inline(std::string text) {
    model::Inline item;
    item.text = std::move(text);
    return item;
}

model::Align align_of(std::uint8_t code) {
    switch (code) {
        case 'l':
            return model::Align::left;
        case 'c':
            return model::Align::center;
        case 'r':
            return model::Align::right;
        default:
            return model::Align::none;
    }
}

}  // namespace

TreeCopier::TreeCopier(std::optional<BodyOrigin> origin, base::Diagnostics* diagnostics)
    : origin_(origin), diagnostics_(diagnostics) {}

base::Span TreeCopier::span_of(cmark_node* node) const {
    if (!origin_) return {};
    // cmark gives soft breaks (and some synthesised nodes) no position; the
    // nearest positioned ancestor is the best place to point at.
    int line = 0;
    int column = 0;
    for (cmark_node* at = node; at != nullptr && line <= 0; at = cmark_node_parent(at)) {
        line = cmark_node_get_start_line(at);
        column = cmark_node_get_start_column(at);
    }
    if (line <= 0) line = origin_->line;
    if (line == origin_->line) column += origin_->column - 1;
    return origin_->sources->span_at(origin_->file, line, std::max(column, 1));
}

base::Span TreeCopier::link_span(cmark_node* link) {
    base::Span span = span_of(link);
    if (!origin_) return span;
    const auto& sources = *origin_->sources;
    const int line = cmark_node_get_start_line(link);
    const auto& text = sources.file(origin_->file).text;
    // An inline link `[…](…)` has its true position.
    if (line > 0 && span.begin < text.size() && text[span.begin] == '[' &&
        sources.position(origin_->file, span.begin).line == line)
        return span;
    // cmark-gfm 0.29 gives an autolink `<…>` the column of its offset in
    // the paragraph's text (not its line's), and GFM's bare autolinks no
    // position at all: find the words in the block's lines instead, from
    // after the last link found there, so the warning points at the link.
    cmark_node* block = cmark_node_parent(link);
    while (block != nullptr && (cmark_node_get_type(block) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK)
        block = cmark_node_parent(block);
    if (block == nullptr) return span;
    const std::string words = plain_text_of(link);
    if (words.empty()) return span;
    const int first = line > 0 ? line : std::max(cmark_node_get_start_line(block), 1);
    const int last = std::max(cmark_node_get_end_line(block), first);
    std::size_t from = sources.offset(origin_->file, first, 1);
    if (search_block_ == block) from = std::max(from, search_from_);
    const std::size_t end = sources.offset(origin_->file, last, 1) + sources.line_text(origin_->file, last).size();
    const std::size_t found = std::string_view(text).substr(0, end).find(words, from);
    if (found == std::string::npos) return line > 0 ? sources.span_at(origin_->file, line, 1) : span;
    search_block_ = block;
    search_from_ = found + words.size();
    // `<` opens an autolink one byte before its words.
    const std::size_t at = found > 0 && text[found - 1] == '<' ? found - 1 : found;
    return {origin_->file, at, at + 1};
}

void TreeCopier::warn_html_block(cmark_node* node) {
    if (diagnostics_ == nullptr || !origin_) return;
    // An HTML block runs to a blank line (CommonMark 4.6), so a `<div>`
    // takes the lines after it along: the span covers them all, and the
    // message is quoted with every line it drops.
    base::Span span = span_of(node);
    const int first = cmark_node_get_start_line(node);
    const int last = std::max(cmark_node_get_end_line(node), first);
    const auto& sources = *origin_->sources;
    span.end =
        std::max(span.begin, sources.offset(origin_->file, last, 1) + sources.line_text(origin_->file, last).size());
    std::string message{raw_html_message};
    if (last > first)
        message += " (lines " + std::to_string(first) + "-" + std::to_string(last) + ", up to a blank line)";
    diagnostics_->warning(span, std::move(message), std::string{raw_html_hint});
}

void TreeCopier::warn(cmark_node* node, std::string message, std::string hint) {
    if (diagnostics_ != nullptr && origin_) diagnostics_->warning(span_of(node), std::move(message), std::move(hint));
}

std::vector<model::Block> TreeCopier::copy_children(cmark_node* container, int depth) {
    if (depth >= max_block_depth) {
        auto leaves = flatten(container, depth);
        if (cmark_node_get_type(container) != CMARK_NODE_LIST) return leaves;
        // A list may only hold items: keep the leaves in one item.
        auto item = block_of(model::BlockKind::list_item, span_of(container));
        item.children = std::move(leaves);
        std::vector<model::Block> items;
        items.push_back(std::move(item));
        return items;
    }
    std::vector<model::Block> blocks;
    for (cmark_node* child = cmark_node_first_child(container); child != nullptr; child = cmark_node_next(child)) {
        if (auto block = copy_block(child, depth)) blocks.push_back(std::move(*block));
    }
    return blocks;
}

std::vector<model::Block> TreeCopier::flatten(cmark_node* container, int depth) {
    if (!warned_block_depth_) {
        warned_block_depth_ = true;
        warn(container, "blocks nested more than " + std::to_string(max_block_depth) + " levels deep were flattened",
             "quotes and lists this deep are probably a typing slip");
    }
    std::vector<model::Block> leaves;
    cmark::IteratorHandle iterator{cmark_iter_new(container)};
    for (auto event = cmark_iter_next(iterator.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iterator.get())) {
        cmark_node* node = cmark_iter_get_node(iterator.get());
        if (event != CMARK_EVENT_ENTER || node == container || is_nesting_container(node)) continue;
        // A leaf block (paragraph, table...) is shallow: copy it whole, then
        // skip its inside.
        if (auto block = copy_block(node, depth)) leaves.push_back(std::move(*block));
        cmark_iter_reset(iterator.get(), node, CMARK_EVENT_EXIT);
    }
    return leaves;
}

std::optional<model::Block> TreeCopier::copy_block(cmark_node* node, int depth) {
    using model::BlockKind;
    model::Block block;
    block.source = span_of(node);
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_PARAGRAPH:
            block.kind = BlockKind::paragraph;
            block.inlines = copy_inlines(node, 0);
            return block;
        case CMARK_NODE_HEADING:
            block.kind = BlockKind::heading;
            block.level = cmark_node_get_heading_level(node);
            block.inlines = copy_inlines(node, 0);
            return block;
        case CMARK_NODE_LIST:
            block.kind =
                cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? BlockKind::ordered_list : BlockKind::bullet_list;
            block.start = cmark_node_get_list_start(node);
            block.tight = cmark_node_get_list_tight(node) != 0;
            block.children = copy_children(node, depth + 1);
            return block;
        case CMARK_NODE_ITEM:
            block.kind = BlockKind::list_item;
            block.children = copy_children(node, depth + 1);
            return block;
        case CMARK_NODE_BLOCK_QUOTE:
            block.kind = BlockKind::block_quote;
            block.children = copy_children(node, depth + 1);
            return block;
        case CMARK_NODE_CODE_BLOCK:
            block.kind = BlockKind::code_block;
            block.text = literal_of(node);
            // cmark ends the literal with the last line's newline; the model
            // holds the lines, renderers add their own line ends.
            if (!block.text.empty() && block.text.back() == '\n') block.text.pop_back();
            block.info = language_of(node);
            return block;
        case CMARK_NODE_THEMATIC_BREAK:
            block.kind = BlockKind::thematic_break;
            return block;
        case CMARK_NODE_HTML_BLOCK:
            warn_html_block(node);
            return std::nullopt;
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return std::nullopt;  // copied when first referenced
        default:
            break;
    }
    if (type_name(node) == "table") return copy_table(node);
    return std::nullopt;  // no other block types come from Markdown
}

model::Block TreeCopier::copy_table(cmark_node* table) {
    const std::uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
    const std::uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(table);
    auto block = block_of(model::BlockKind::table, span_of(table));
    // cmark puts the header row ("table_header") first, as the model wants.
    for (cmark_node* row = cmark_node_first_child(table); row != nullptr; row = cmark_node_next(row)) {
        auto row_block = block_of(model::BlockKind::table_row, span_of(row));
        std::uint16_t column = 0;
        for (cmark_node* cell = cmark_node_first_child(row); cell != nullptr; cell = cmark_node_next(cell), ++column) {
            auto cell_block = block_of(model::BlockKind::table_cell, span_of(cell));
            if (alignments != nullptr && column < columns) cell_block.align = align_of(alignments[column]);
            cell_block.inlines = copy_inlines(cell, 0);
            row_block.children.push_back(std::move(cell_block));
        }
        block.children.push_back(std::move(row_block));
    }
    return block;
}

std::vector<model::Inline> TreeCopier::copy_inlines(cmark_node* parent, int depth) {
    using model::InlineKind;
    std::vector<model::Inline> inlines;
    for (cmark_node* node = cmark_node_first_child(parent); node != nullptr; node = cmark_node_next(node)) {
        model::Inline item;
        auto type = cmark_node_get_type(node);
        bool has_children = false;
        switch (type) {
            case CMARK_NODE_TEXT:
                item.text = literal_of(node);
                break;
            case CMARK_NODE_SOFTBREAK:
                item.kind = InlineKind::soft_break;
                break;
            case CMARK_NODE_LINEBREAK:
                item.kind = InlineKind::hard_break;
                break;
            case CMARK_NODE_CODE:
                item.kind = InlineKind::code;
                item.text = literal_of(node);
                break;
            case CMARK_NODE_HTML_INLINE:
                warn(node, std::string{raw_html_message}, std::string{raw_html_hint});
                continue;
            case CMARK_NODE_EMPH:
            case CMARK_NODE_STRONG:
                item.kind = type == CMARK_NODE_EMPH ? InlineKind::emphasis : InlineKind::strong;
                has_children = true;
                break;
            case CMARK_NODE_LINK:
            case CMARK_NODE_IMAGE: {
                item.kind = type == CMARK_NODE_LINK ? InlineKind::link : InlineKind::image;
                const char* url = cmark_node_get_url(node);
                item.url = url == nullptr ? "" : url;
                item.source = type == CMARK_NODE_LINK ? link_span(node) : span_of(node);
                has_children = true;
                break;
            }
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                item = footnote_reference(node);
                break;
            default:
                if (type_name(node) == "strikethrough") {
                    item.kind = InlineKind::strikethrough;
                    has_children = true;
                    break;
                }
                // An inline type we do not model: keep its words.
                item.text = plain_text_of(node);
                break;
        }
        if (has_children) {
            if (depth + 1 >= max_inline_depth) {
                if (!warned_inline_depth_) {
                    warned_inline_depth_ = true;
                    warn(node,
                         "emphasis nested more than " + std::to_string(max_inline_depth) +
                             " levels deep was flattened to plain text",
                         "check for a run of unmatched `*` or `_`");
                }
                item = text_inline(plain_text_of(node));
            } else {
                item.children = copy_inlines(node, depth + 1);
            }
        }
        append_inline(inlines, std::move(item));
    }
    return inlines;
}

model::Inline TreeCopier::footnote_reference(cmark_node* reference) {
    cmark_node* definition = cmark::footnote_definition(reference);
    // cmark turns a reference to an undefined label back into text; a
    // resolved reference without a definition should not happen, but keep
    // its number as text rather than a dangling link.
    if (definition == nullptr) return text_inline(literal_of(reference));
    auto [found, inserted] = footnote_index_.try_emplace(definition, footnotes_.size());
    if (inserted) {
        footnotes_.push_back({definition, cmark::footnote_label(definition), std::to_string(footnotes_.size() + 1)});
    }
    const auto& footnote = footnotes_[found->second];
    model::Inline item;
    item.kind = model::InlineKind::footnote_ref;
    item.text = footnote.number;
    item.url = footnote.label;
    return item;
}

}  // namespace cinefolio::corpus
