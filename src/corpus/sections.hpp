#pragma once
// Section normalisation of a parsed essay body, and the inline helper the
// tree copy shares with it (private to src/corpus).

#include <vector>

#include "cinefolio/corpus/markdown.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::corpus {

/// Appends an inline, merging it into a preceding text inline (cmark splits
/// text at smart punctuation and at dropped nodes).
void append_inline(std::vector<model::Inline>& inlines, model::Inline item);

/// Lifts the title, turns bold-only paragraphs into headings, renumbers
/// heading levels from 1 without gaps and marks run-in leads.
void normalise_sections(MarkdownBody& body);

}  // namespace cinefolio::corpus
