#pragma once
// One essay loaded from disk: front matter (or the manifest's import data)
// plus its parsed Markdown body.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/corpus/markdown.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::corpus {

/// An essay with everything the model needs to place it.
struct Essay {
    base::FileId file = -1;
    std::string path;  // as the user should see it
    std::int64_t movie_id = 0;
    std::string movie_title;
    std::string category;  // lens name, "REALISM"
    std::vector<model::Inline> title;  // the essay's own title, may be empty
    std::vector<model::Inline> dek;    // standfirst, may be empty
    std::string author;
    std::string language;      // the essay's own BCP 47 tag; empty: the book's
    base::Span category_span;  // where the lens was named (front matter or manifest)
    MarkdownBody body;
};

/// Data the manifest supplies for an essay without front matter.
struct ImportData {
    std::int64_t movie_id = 0;
    std::string movie_title;
    std::string category;
    std::string author;
    std::string title;
    base::Span source;  // the manifest entry
};

/// Checks a registered file's bytes: valid UTF-8 and not empty. Reports an
/// error and returns false otherwise.
bool check_text(const base::SourceMap& sources, base::FileId file, base::Diagnostics& diagnostics);

/// Loads an essay with YAML front matter. Nullopt after reporting errors.
/// Its quotation marks are those of its own `language:`, else of
/// `book_language` (English when empty).
std::optional<Essay> load_essay(const base::SourceMap& sources, base::FileId file, base::Diagnostics& diagnostics,
                                std::string_view book_language = {});

/// Loads an essay without front matter (a scraped article) using the
/// manifest's data; a repeated title, standfirst and byline at its head are
/// recognised and lifted out of the body.
std::optional<Essay> load_import(const base::SourceMap& sources, base::FileId file, const ImportData& data,
                                 base::Diagnostics& diagnostics, std::string_view book_language = {});

}  // namespace cinefolio::corpus
