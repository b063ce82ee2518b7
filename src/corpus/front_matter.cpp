#include "front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>

#include "cinefolio/base/text.hpp"

namespace cinefolio::corpus {

namespace {

// A fence line is `---` (or `...` to close) with only trailing whitespace;
// CRLF files carry a `\r` we ignore.
bool is_fence(std::string_view line, bool closing) {
    line = base::trim(line);
    return line == "---" || (closing && line == "...");
}

const std::vector<std::string> kKeys = {"movieId", "movieTitle", "categoryName", "title", "author", "language", "lang"};

// Keys other tools write for what ours call otherwise; edit distance alone
// would not find them.
const std::vector<std::pair<std::string, std::string>> kTwins = {
    {"authors", "author"},        {"byline", "author"},     {"writer", "author"},        {"by", "author"},
    {"category", "categoryName"}, {"lens", "categoryName"}, {"film", "movieId"},         {"movie", "movieId"},
    {"filmId", "movieId"},        {"movie_id", "movieId"},  {"filmTitle", "movieTitle"}, {"movie_title", "movieTitle"},
    {"locale", "language"}};

// An unknown key is dropped with its value, so say so: a misspelt `autor`
// would otherwise lose the byline without a word.
void check_keys(const YAML::Node& root, const std::function<base::Span(const YAML::Mark&)>& at,
                base::Diagnostics& diagnostics) {
    for (const auto& entry : root) {
        if (!entry.first.IsScalar()) continue;
        const std::string& key = entry.first.Scalar();
        if (std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end()) continue;
        std::optional<std::string> near;
        for (const auto& [twin, known] : kTwins)
            if (base::lower_ascii(twin) == base::lower_ascii(key)) near = known;
        if (!near) near = base::nearest(key, kKeys);
        diagnostics.warning(at(entry.first.Mark()), "unknown key `" + key + "` in front matter; it is ignored",
                            near ? "did you mean `" + *near + "`?"
                                 : "front matter takes movieId, movieTitle, categoryName, title, author and language");
    }
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
    FrontMatterSplit split;
    std::size_t start = text.size() - base::strip_bom(text).size();
    auto line_end = [&](std::size_t from) {
        auto end = text.find('\n', from);
        return end == std::string_view::npos ? text.size() : end;
    };
    auto first_end = line_end(start);
    if (!is_fence(text.substr(start, first_end - start), false)) return split;
    split.present = true;
    split.yaml_begin = std::min(first_end + 1, text.size());
    split.yaml_first_line = 2;
    std::size_t line_start = split.yaml_begin;
    while (line_start < text.size()) {
        auto end = line_end(line_start);
        if (is_fence(text.substr(line_start, end - line_start), true)) {
            split.closed = true;
            split.yaml_end = line_start;
            split.body_begin = std::min(end + 1, text.size());
            return split;
        }
        line_start = end + 1;
    }
    return split;
}

std::optional<FrontMatter> read_front_matter(const base::SourceMap& sources, base::FileId file,
                                             const FrontMatterSplit& split, base::Diagnostics& diagnostics) {
    const auto& text = sources.file(file).text;
    auto at = [&](const YAML::Mark& mark) {
        if (mark.is_null() || mark.line < 0) return base::Span{file, split.yaml_begin, split.yaml_begin};
        return sources.span_at(file, split.yaml_first_line + mark.line, mark.column + 1);
    };
    YAML::Node document;
    try {
        document = YAML::Load(text.substr(split.yaml_begin, split.yaml_end - split.yaml_begin));
    } catch (const YAML::ParserException& error) {
        diagnostics.error(at(error.mark), "invalid YAML in front matter: " + error.msg,
                          "quote values that contain `:` or `#`, e.g. movieTitle: \"Film: A Title\"");
        return std::nullopt;
    }
    const YAML::Node& root = document;
    base::Span fence{file, split.yaml_begin, split.yaml_begin};
    if (!root.IsMap()) {
        diagnostics.error(fence, "front matter must be a map with movieId, movieTitle and categoryName",
                          "e.g. `movieId: 452008`");
        return std::nullopt;
    }
    check_keys(root, at, diagnostics);
    FrontMatter result;
    bool ok = true;
    auto require_text = [&](const char* key, std::string& field, base::Span* where) {
        auto node = root[key];
        if (!node) {
            diagnostics.error(fence, std::string("front matter has no `") + key + "`",
                              "every essay needs movieId, movieTitle and categoryName");
            ok = false;
        } else if (!node.IsScalar() || base::trim(node.Scalar()).empty()) {
            diagnostics.error(at(node.Mark()), std::string("`") + key + "` must be non-empty text");
            ok = false;
        } else {
            field = base::collapse_whitespace(node.Scalar());
            if (where) *where = at(node.Mark());
        }
    };
    if (auto node = root["movieId"]; !node) {
        diagnostics.error(fence, "front matter has no `movieId`", "every essay needs movieId, movieTitle and categoryName");
        ok = false;
    } else {
        bool parsed = false;
        if (node.IsScalar()) {
            const auto& scalar = node.Scalar();
            std::size_t used = 0;
            try {
                result.movie_id = std::stoll(scalar, &used, 10);
                parsed = used == scalar.size() && result.movie_id > 0;
            } catch (const std::exception&) {
                parsed = false;
            }
        }
        if (!parsed) {
            diagnostics.error(at(node.Mark()), "`movieId` must be a positive whole number, found `" +
                                                   (node.IsScalar() ? node.Scalar() : std::string("a structure")) + "`");
            ok = false;
        }
    }
    require_text("movieTitle", result.movie_title, nullptr);
    require_text("categoryName", result.category, &result.category_span);
    for (const char* key : {"title", "author"}) {
        auto node = root[key];
        if (!node || node.IsNull()) continue;
        if (!node.IsScalar()) {
            diagnostics.error(at(node.Mark()), std::string("`") + key + "` must be text");
            ok = false;
            continue;
        }
        (std::string_view(key) == "title" ? result.title : result.author) = base::collapse_whitespace(node.Scalar());
    }
    // The essay's own language (an essay in French in an English book):
    // `lang` as HTML spells it is taken too.
    for (const char* key : {"language", "lang"}) {
        auto node = root[key];
        if (!node || node.IsNull()) continue;
        if (!node.IsScalar() || !base::is_language_tag(base::trim(node.Scalar()))) {
            diagnostics.error(at(node.Mark()),
                              std::string("`") + key + "` must be a BCP 47 language tag, found " +
                                  (node.IsScalar() ? "`" + node.Scalar() + "`" : std::string("a structure")),
                              "e.g. `language: fr` or `language: en-GB`");
            ok = false;
            continue;
        }
        result.language = std::string(base::trim(node.Scalar()));
    }
    if (!ok) return std::nullopt;
    return result;
}

}  // namespace cinefolio::corpus
