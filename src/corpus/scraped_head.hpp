#pragma once
// Recognises the head of a scraped article: the title (often repeated), a
// one-line standfirst, the byline (often repeated), the title once more,
// then the body. Private to corpus.

#include <cstddef>
#include <string>
#include <string_view>

namespace cinefolio::corpus {

/// What was lifted out of the head and where the body starts.
struct ScrapedHead {
    std::string title;       // empty when no title line was recognised
    std::string standfirst;  // empty when none
    std::string byline;      // empty when none
    std::size_t body_begin = 0;
};

/// Reads the head of `text` from `start`. `known_title` and `known_author`
/// (from the manifest, may be empty) help recognise the lines.
ScrapedHead read_scraped_head(std::string_view text, std::size_t start, std::string_view known_title,
                              std::string_view known_author);

}  // namespace cinefolio::corpus
