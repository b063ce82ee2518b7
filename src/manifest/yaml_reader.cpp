#include "yaml_reader.hpp"

#include <algorithm>

#include "cinefolio/base/text.hpp"

namespace cinefolio::manifest {

base::Span YamlReader::span(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) return {file_, 0, 0};
    return sources_.span_at(file_, mark.line + 1, mark.column + 1);
}

base::Span YamlReader::span(const YAML::Node& node) const { return span(node.Mark()); }

namespace {

// True when the quoted scalar opening at `at` ends before the text does.
// yaml-cpp 0.7 takes a quote never closed to run to the end of the file,
// so `title: "Broken` swallows every key after it without a word.
bool quote_closes(std::string_view text, std::size_t at) {
    const char quote = text[at];
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i;  // an escape: the next character is never the closing quote
        } else if (text[i] == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;  // '' is a quote inside a single-quoted scalar
                continue;
            }
            return true;
        }
    }
    return false;
}

}  // namespace

std::optional<std::size_t> YamlReader::unclosed_quote(const YAML::Node& node) const {
    const std::string& text = sources_.file(file_).text;
    if (node.IsScalar()) {
        if (node.Mark().is_null() || node.Mark().line < 0) return std::nullopt;
        const std::size_t at = span(node).begin;
        if (at < text.size() && (text[at] == '"' || text[at] == '\'') && !quote_closes(text, at)) return at;
    } else if (node.IsSequence()) {
        for (const auto& item : node)
            if (auto found = unclosed_quote(item)) return found;
    } else if (node.IsMap()) {
        for (const auto& entry : node) {
            if (auto found = unclosed_quote(entry.first)) return found;
            if (auto found = unclosed_quote(entry.second)) return found;
        }
    }
    return std::nullopt;
}

std::optional<YAML::Node> YamlReader::load() {
    const std::string_view text = base::strip_bom(sources_.file(file_).text);
    YAML::Node document;
    try {
        document = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& error) {
        diagnostics_.error(span(error.mark), "invalid YAML: " + error.msg,
                           "check indentation and quote values that contain `:` or `#`");
        return std::nullopt;
    }
    if (auto at = unclosed_quote(document)) {
        const char quote = sources_.file(file_).text[*at];
        diagnostics_.error({file_, *at, *at + 1},
                           std::string("the quoted text opened here with ") + quote +
                               " is never closed; it runs to the end of the file",
                           std::string("end the value with ") + quote + " on its line");
        return std::nullopt;
    }
    return document;
}

std::string describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Null: return "nothing";
        case YAML::NodeType::Scalar: return "`" + node.Scalar() + "`";
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Map: return "a map";
        case YAML::NodeType::Undefined: return "nothing";
    }
    return "something else";
}

std::optional<std::string> YamlReader::text(const YAML::Node& node, const std::string& what) {
    if (!node.IsScalar()) {
        diagnostics_.error(span(node), what + ": expected text, found " + describe(node));
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<std::int64_t> YamlReader::integer(const YAML::Node& node, const std::string& what) {
    if (node.IsScalar()) {
        const auto& scalar = node.Scalar();
        std::size_t used = 0;
        try {
            auto value = std::stoll(scalar, &used, 10);
            if (used == scalar.size()) return value;
        } catch (const std::exception&) {
            // fall through to the error below
        }
    }
    diagnostics_.error(span(node), what + ": expected a whole number, found " + describe(node));
    return std::nullopt;
}

bool YamlReader::expect_sequence(const YAML::Node& node, const std::string& what) {
    if (node.IsSequence()) return true;
    diagnostics_.error(span(node), what + ": expected a list, found " + describe(node),
                       "write one entry per line, each starting with `- `");
    return false;
}

bool YamlReader::expect_map(const YAML::Node& node, const std::string& what) {
    if (node.IsMap()) return true;
    diagnostics_.error(span(node), what + ": expected a map of keys and values, found " + describe(node));
    return false;
}

void YamlReader::check_keys(const YAML::Node& map, const std::vector<std::string>& known, const std::string& where,
                            const std::vector<std::pair<std::string, std::string>>& twins) {
    for (const auto& entry : map) {
        if (!entry.first.IsScalar()) continue;
        const auto& key = entry.first.Scalar();
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::optional<std::string> near;
        for (const auto& [twin, known_key] : twins)
            if (base::lower_ascii(twin) == base::lower_ascii(key)) near = known_key;
        if (!near) near = base::nearest(key, known);
        std::string hint;
        if (near) hint = "did you mean `" + *near + "`?";
        diagnostics_.warning(span(entry.first), "unknown key `" + key + "` in " + where, hint);
    }
}

}  // namespace cinefolio::manifest
