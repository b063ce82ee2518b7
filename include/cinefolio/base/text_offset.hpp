#pragma once
// Text offsets both backends agree on: they spell white space differently
// (the typesetter collapses it, XHTML keeps the source's), so a position in
// a block's text is counted in the bytes that are not white space.

#include <cstddef>
#include <string_view>

namespace cinefolio::base {

/// White space as Markdown text and the typesetter's flattening know it.
inline bool is_offset_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// The bytes of `text` that count towards an offset.
inline std::size_t offset_length(std::string_view text) {
    std::size_t length = 0;
    for (char c : text) length += is_offset_space(c) ? 0 : 1;
    return length;
}

}  // namespace cinefolio::base
