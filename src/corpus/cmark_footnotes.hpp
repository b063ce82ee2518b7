#pragma once
// The two footnote facts cmark-gfm 0.29.0.gfm.6 keeps only in its node
// struct: which definition a reference resolved to, and a definition's label.
// The public API gives a reference's number but no label, and we want the
// author's label as the footnote's id. Debian ships <cmark-gfm/node.h> with
// the library it belongs to, so the layout matches; this is the only file
// that reads cmark's internals.

#include <cmark-gfm.h>
#include <cmark-gfm/node.h>

#include <string>

namespace cinefolio::corpus::cmark {

/// The definition a footnote reference resolved to (null if none).
inline cmark_node* footnote_definition(cmark_node* reference) {
    if (cmark_node_get_type(reference) != CMARK_NODE_FOOTNOTE_REFERENCE) return nullptr;
    return reference->parent_footnote_def;
}

/// The label of a footnote definition as written (`[^label]:`).
inline std::string footnote_label(cmark_node* definition) {
    if (cmark_node_get_type(definition) != CMARK_NODE_FOOTNOTE_DEFINITION) return {};
    const auto& literal = definition->as.literal;
    if (literal.data == nullptr || literal.len <= 0) return {};
    return {reinterpret_cast<const char*>(literal.data), static_cast<std::size_t>(literal.len)};
}

}  // namespace cinefolio::corpus::cmark
