#pragma once
// Markdown body -> model blocks, through cmark-gfm (smart punctuation; GFM
// tables, strikethrough, autolinks, footnotes), with the essay's sections
// normalised. The cmark tree is copied into model blocks at once.

#include <cstddef>
#include <string_view>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::corpus {

/// The parsed body of one essay. Block ids are left empty: the model
/// assigns them from the block's place in the book.
struct MarkdownBody {
    std::vector<model::Block> blocks;
    std::vector<model::Footnote> footnotes;  // in order of first reference
    /// The text of a leading level-1 heading, removed from `blocks` (the
    /// essay's own title); empty when the essay has none.
    std::vector<model::Inline> title;
};

/// Parses the bytes [body_begin, end) of a registered file as Markdown.
/// Source spans point into that file. Raw HTML is dropped with a warning.
/// Straight quotes become the quotation marks of `language` (a BCP 47 tag;
/// English when empty or without a table), e.g. « » in French.
MarkdownBody parse_markdown(const base::SourceMap& sources, base::FileId file, std::size_t body_begin,
                            base::Diagnostics& diagnostics, std::string_view language = {});

}  // namespace cinefolio::corpus

namespace cinefolio::corpus {

/// Parses one line of Markdown (a title, a standfirst) into inlines with
/// smart punctuation, e.g. `"Closeness"` -> “Closeness” (in English;
/// « Closeness » in French).
std::vector<model::Inline> parse_inline_markdown(std::string_view text, std::string_view language = {});

/// Plain text (a title from the manifest) with the spaces `language` sets
/// before high punctuation and inside guillemets, as essays get them
/// ("Pourquoi Cléo?" -> "Pourquoi Cléo U+202F?" in French); as it is in
/// a language that sets none.
std::string space_punctuation_in(std::string_view text, std::string_view language);

}  // namespace cinefolio::corpus
