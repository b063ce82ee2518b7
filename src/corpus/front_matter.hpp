#pragma once
// Splitting and reading an essay's YAML front matter. Private to corpus.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "cinefolio/base/diagnostics.hpp"

namespace cinefolio::corpus {

/// Where the front matter and the body lie in the file.
struct FrontMatterSplit {
    bool present = false;        // the file opens with a `---` line
    bool closed = false;         // a closing `---` or `...` line was found
    std::size_t yaml_begin = 0;  // first byte of the YAML
    std::size_t yaml_end = 0;    // one past its last byte
    int yaml_first_line = 0;     // 1-based line of yaml_begin
    std::size_t body_begin = 0;  // first byte after the closing line
};

/// Finds the front matter block of a file's text (after any BOM).
FrontMatterSplit split_front_matter(std::string_view text);

/// The fields an essay's front matter must and may carry.
struct FrontMatter {
    std::int64_t movie_id = 0;
    std::string movie_title;
    std::string category;
    std::string title;
    std::string author;
    std::string language;  // BCP 47, `language:` or `lang:`; empty: the book's
    base::Span category_span;
};

/// Parses the YAML between the fences; nullopt after reporting errors.
std::optional<FrontMatter> read_front_matter(const base::SourceMap& sources, base::FileId file,
                                             const FrontMatterSplit& split, base::Diagnostics& diagnostics);

}  // namespace cinefolio::corpus
