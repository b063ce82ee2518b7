#pragma once
// Copies a cmark-gfm tree into model blocks and inlines at once, keeping
// source positions (private to src/corpus).

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::corpus {

/// Where the text cmark parsed sits in its file. cmark's line numbers are
/// the file's (the text before the body was fed as blank lines); columns on
/// the body's first line shift by `column - 1` when the body starts mid-line.
struct BodyOrigin {
    const base::SourceMap* sources = nullptr;
    base::FileId file = -1;
    int line = 1;
    int column = 1;
};

/// A footnote definition met through a reference, numbered by first reference.
struct ReferencedFootnote {
    cmark_node* definition = nullptr;
    std::string label;
    std::string number;
};

/// Copies cmark nodes into model values, numbering footnotes as their
/// references are met and reporting what it drops.
class TreeCopier {
public:
    /// A copier for one parse; without an origin, blocks get no spans and
    /// nothing is reported (for one-line titles).
    TreeCopier(std::optional<BodyOrigin> origin, base::Diagnostics* diagnostics);

    /// The blocks inside a container (document, quote, item, footnote
    /// definition); footnote definitions themselves are left out.
    std::vector<model::Block> copy_children(cmark_node* container, int depth);

    /// The inlines inside a leaf block or an inline container.
    std::vector<model::Inline> copy_inlines(cmark_node* parent, int depth);

    /// Definitions referenced so far; grows while their own blocks are copied.
    const std::vector<ReferencedFootnote>& footnotes() const { return footnotes_; }

    /// The span of a node's first byte in the file.
    base::Span span_of(cmark_node* node) const;

private:
    std::optional<model::Block> copy_block(cmark_node* node, int depth);
    model::Block copy_table(cmark_node* table);
    std::vector<model::Block> flatten(cmark_node* container, int depth);
    model::Inline footnote_reference(cmark_node* reference);
    void warn(cmark_node* node, std::string message, std::string hint);
    void warn_html_block(cmark_node* node);
    base::Span link_span(cmark_node* link);

    std::optional<BodyOrigin> origin_;
    base::Diagnostics* diagnostics_;
    std::vector<ReferencedFootnote> footnotes_;
    std::unordered_map<cmark_node*, std::size_t> footnote_index_;
    // Where link_span last found a link in a block, so a second link with
    // the same words is found after the first.
    cmark_node* search_block_ = nullptr;
    std::size_t search_from_ = 0;
    bool warned_block_depth_ = false;
    bool warned_inline_depth_ = false;
};

}  // namespace cinefolio::corpus
