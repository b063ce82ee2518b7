// Loading essays: front matter essays and scraped imports.

#include "cinefolio/corpus/essay.hpp"

#include "cinefolio/base/text.hpp"
#include "front_matter.hpp"
#include "scraped_head.hpp"

namespace cinefolio::corpus {

bool check_text(const base::SourceMap& sources, base::FileId file, base::Diagnostics& diagnostics) {
    const auto& text = sources.file(file).text;
    if (auto bad = base::find_invalid_utf8(text)) {
        auto line = sources.position(file, *bad).line;
        diagnostics.error({file, *bad, *bad + 1}, "invalid UTF-8 on line " + std::to_string(line),
                          "save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)");
        return false;
    }
    if (text.find('\0') != std::string::npos) {
        auto at = text.find('\0');
        diagnostics.error({file, at, at + 1}, "the file contains a NUL byte", "is it a text file?");
        return false;
    }
    return true;
}

namespace {

bool blank(std::string_view text) { return base::trim(text).empty(); }

void report_empty(base::FileId file, std::size_t at, base::Diagnostics& diagnostics) {
    diagnostics.error({file, at, at}, "the essay is empty", "write its text below the front matter, or drop it from the book");
}

}  // namespace

std::optional<Essay> load_essay(const base::SourceMap& sources, base::FileId file, base::Diagnostics& diagnostics,
                                std::string_view book_language) {
    if (!check_text(sources, file, diagnostics)) return std::nullopt;
    const auto& text = sources.file(file).text;
    if (blank(text)) {
        report_empty(file, 0, diagnostics);
        return std::nullopt;
    }
    auto split = split_front_matter(text);
    if (!split.present) {
        diagnostics.error({file, 0, 0}, "the essay has no front matter",
                          "start it with `---`, then movieId, movieTitle and categoryName, then `---`; "
                          "list it under `imports:` in the manifest, or leave it out of the book with `exclude:`");
        return std::nullopt;
    }
    if (!split.closed) {
        auto start = text.size() - base::strip_bom(text).size();
        diagnostics.error({file, start, start + 3}, "front matter is never closed",
                          "end it with a line of three hyphens `---`");
        return std::nullopt;
    }
    auto front = read_front_matter(sources, file, split, diagnostics);
    if (!front) return std::nullopt;
    if (blank(std::string_view(text).substr(split.body_begin))) {
        report_empty(file, split.body_begin, diagnostics);
        return std::nullopt;
    }
    Essay essay;
    essay.file = file;
    essay.path = sources.file(file).path;
    essay.movie_id = front->movie_id;
    essay.movie_title = front->movie_title;
    essay.category = front->category;
    essay.category_span = front->category_span;
    essay.author = front->author;
    essay.language = front->language;
    // The essay's quotation marks are those of its own language, else the book's.
    const std::string_view language = essay.language.empty() ? book_language : std::string_view(essay.language);
    essay.body = parse_markdown(sources, file, split.body_begin, diagnostics, language);
    // An explicit title wins; otherwise a leading `# Title` names the essay.
    essay.title = front->title.empty() ? std::move(essay.body.title) : parse_inline_markdown(front->title, language);
    return essay;
}

std::optional<Essay> load_import(const base::SourceMap& sources, base::FileId file, const ImportData& data,
                                 base::Diagnostics& diagnostics, std::string_view book_language) {
    if (!check_text(sources, file, diagnostics)) return std::nullopt;
    const auto& text = sources.file(file).text;
    auto body_start = text.size() - base::strip_bom(text).size();
    if (blank(text)) {
        report_empty(file, 0, diagnostics);
        return std::nullopt;
    }
    if (split_front_matter(text).closed) {
        diagnostics.warning({file, body_start, body_start + 3},
                            "this import has front matter; the manifest's `imports` entry is used instead",
                            "list the file under `essays:` to use its own front matter");
    }
    auto head = read_scraped_head(text, body_start, data.title, data.author);
    if (blank(std::string_view(text).substr(head.body_begin))) {
        report_empty(file, head.body_begin, diagnostics);
        return std::nullopt;
    }
    Essay essay;
    essay.file = file;
    essay.path = sources.file(file).path;
    essay.movie_id = data.movie_id;
    essay.movie_title = data.movie_title;
    essay.category = data.category;
    essay.category_span = data.source;
    essay.author = data.author.empty() ? head.byline : data.author;
    auto title = data.title.empty() ? head.title : data.title;
    if (!title.empty()) essay.title = parse_inline_markdown(title, book_language);
    if (!head.standfirst.empty()) essay.dek = parse_inline_markdown(head.standfirst, book_language);
    essay.body = parse_markdown(sources, file, head.body_begin, diagnostics, book_language);
    if (essay.title.empty()) essay.title = std::move(essay.body.title);
    return essay;
}

}  // namespace cinefolio::corpus
