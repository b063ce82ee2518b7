#pragma once
// RAII owners for cmark-gfm objects (private to src/corpus), so no
// cmark_*_free call is ever forgotten on an early return.

#include <cmark-gfm.h>

#include <memory>

namespace cinefolio::corpus::cmark {

struct ParserDeleter {
    void operator()(cmark_parser* parser) const noexcept { cmark_parser_free(parser); }
};
struct NodeDeleter {
    void operator()(cmark_node* node) const noexcept { cmark_node_free(node); }
};
struct IteratorDeleter {
    void operator()(cmark_iter* iterator) const noexcept { cmark_iter_free(iterator); }
};

/// Owns a parser (and the syntax extensions attached to it).
using ParserHandle = std::unique_ptr<cmark_parser, ParserDeleter>;
/// Owns a document root and, through it, the whole tree.
using NodeHandle = std::unique_ptr<cmark_node, NodeDeleter>;
/// Owns a tree iterator (it does not own the tree).
using IteratorHandle = std::unique_ptr<cmark_iter, IteratorDeleter>;

}  // namespace cinefolio::corpus::cmark
