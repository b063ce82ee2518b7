// Title, language, date, ISBN and identifier: each checked here once, with
// the span of the value, so neither backend needs rules of its own.

#include "metadata.hpp"

#include <chrono>
#include <regex>

#include "cinefolio/base/text.hpp"

namespace cinefolio::manifest {

namespace {

constexpr std::string_view isbn_scheme = "urn:isbn:";
constexpr std::string_view uuid_scheme = "urn:uuid:";

// "2026", "2026-02" or "2026-02-28" (already matched as digits) names a
// real year, month and day: 2026-13-45 and 2025-02-29 do not.
bool is_calendar_date(const std::string& date) {
    using namespace std::chrono;
    const int y = std::stoi(date.substr(0, 4));
    const unsigned m = date.size() >= 7 ? static_cast<unsigned>(std::stoi(date.substr(5, 2))) : 1;
    const unsigned d = date.size() >= 10 ? static_cast<unsigned>(std::stoi(date.substr(8, 2))) : 1;
    return year_month_day{year{y}, month{m}, day{d}}.ok();
}

// RFC 4122 text form: 8-4-4-4-12 hexadecimal digits.
bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        char c = text[i];
        bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (dash ? c != '-' : !hex) return false;
    }
    return true;
}

// The span of one character of a scalar, when the scalar stands in the file
// as written (plain or quoted on one line); else the node's own span.
base::Span character_span(const YamlReader& reader, const base::SourceMap& sources, const YAML::Node& node,
                          std::size_t index) {
    base::Span span = reader.span(node);
    if (span.file < 0 || !node.IsScalar()) return span;
    const std::string& text = sources.file(span.file).text;
    const std::string& scalar = node.Scalar();
    std::size_t start = span.begin;
    if (start < text.size() && (text[start] == '"' || text[start] == '\'')) ++start;
    if (text.compare(start, scalar.size(), scalar) != 0 || index >= scalar.size()) return span;
    return {span.file, start + index, start + index + 1};
}

// Derived from what names the book, never from the clock or a random
// source, so a rebuild keeps the identifier readers have stored.
std::string derived_identifier(const Manifest& manifest) {
    std::string name = manifest.id + "\n" + manifest.title + "\n" + manifest.subtitle;
    for (const auto& creator : manifest.creators) name += "\n" + creator;
    return std::string(uuid_scheme) + base::name_uuid(name);
}

void check_title(YamlReader& reader, const YAML::Node& root, const Manifest& manifest) {
    // A missing title is reported where the keys are read; here, one that
    // is there but holds nothing a title page could print.
    if (root["title"] && root["title"].IsScalar() && manifest.title.empty())
        reader.diagnostics().error(reader.span(root["title"]), "`title` is empty",
                                   "give the book's title, e.g. `title: My Anthology`");
}

void check_language(YamlReader& reader, const YAML::Node& root, const Manifest& manifest) {
    // The one rule for a tag's shape, which essays' front matter uses too.
    if (!base::is_language_tag(manifest.language)) {
        reader.diagnostics().error(reader.span(root["language"]),
                                   "`language` must be a BCP 47 tag, found `" + manifest.language + "`",
                                   "e.g. `en`, `en-GB`, `fr`");
    }
}

void check_date(YamlReader& reader, const YAML::Node& root, const Manifest& manifest) {
    // W3CDTF as dc:date takes it: YYYY, YYYY-MM or YYYY-MM-DD.
    static const std::regex date("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$");
    if (manifest.date.empty()) return;
    if (!std::regex_match(manifest.date, date)) {
        reader.diagnostics().error(reader.span(root["date"]),
                                   "`date` must look like 2026-11-22, found `" + manifest.date + "`");
    } else if (!is_calendar_date(manifest.date)) {
        reader.diagnostics().error(reader.span(root["date"]),
                                   "`date` " + manifest.date + " is not a day of the calendar",
                                   "months run 01-12 and days to the month's length, e.g. 2026-02-28");
    }
}

// `subject` names the value in the message; `offset` is where the ISBN
// starts inside the node's text (after `urn:isbn:` in an identifier).
bool check_isbn(YamlReader& reader, const base::SourceMap& sources, const YAML::Node& node, std::string_view isbn,
                std::size_t offset, const std::string& subject) {
    auto problem = isbn_problem(isbn);
    if (!problem) return true;
    reader.diagnostics().error(character_span(reader, sources, node, offset + problem->at),
                               subject + " " + problem->message, problem->hint);
    return false;
}

void settle_identifier(YamlReader& reader, const base::SourceMap& sources, const YAML::Node& root, Manifest& manifest) {
    const YAML::Node& isbn_node = root["isbn"];
    const YAML::Node& identifier_node = root["identifier"];
    if (!manifest.isbn.empty()) {
        check_isbn(reader, sources, isbn_node, manifest.isbn, 0, "`isbn`");
        if (!manifest.identifier.empty() && manifest.identifier != std::string(isbn_scheme) + manifest.isbn)
            reader.diagnostics().warning(reader.span(identifier_node),
                                         "`identifier` is not used: a book with an `isbn` is identified by it",
                                         "drop `identifier`, or `isbn` if the book has none");
        manifest.identifier = std::string(isbn_scheme) + manifest.isbn;
        return;
    }
    if (manifest.identifier.empty()) {
        manifest.identifier = derived_identifier(manifest);
        return;
    }
    const std::string& identifier = manifest.identifier;
    if (identifier.starts_with(isbn_scheme)) {
        // An ISBN given as the identifier is the book's ISBN all the same.
        std::string isbn = identifier.substr(isbn_scheme.size());
        if (check_isbn(reader, sources, identifier_node, isbn, isbn_scheme.size(), "the ISBN in `identifier`"))
            manifest.isbn = std::move(isbn);
    } else if (identifier.starts_with(uuid_scheme) &&
               !is_uuid(std::string_view(identifier).substr(uuid_scheme.size()))) {
        // epubcheck warns too (OPF-085); the identifier is kept, as readers key their libraries on it.
        reader.diagnostics().warning(reader.span(identifier_node),
                                     "expected a UUID after `urn:uuid:`, found `" + identifier + "`",
                                     "a UUID has the form 8-4-4-4-12 hexadecimal digits");
    }
}

}  // namespace

std::optional<IsbnProblem> isbn_problem(std::string_view isbn) {
    const std::string shape_hint =
        "13 digits, or 10 of which the last may be X, grouped by hyphens or spaces if you like, "
        "e.g. 978-0-306-40615-7";
    const auto shape_problem = [&](std::size_t at) {
        return IsbnProblem{"must be an ISBN-13 or ISBN-10, found `" + std::string(isbn) + "`", shape_hint, at};
    };
    std::string digits;  // X counts as the digit 10
    std::size_t last = 0;
    for (std::size_t i = 0; i < isbn.size(); ++i) {
        char c = isbn[i];
        // X is an ISBN-10's tenth digit only: nothing may follow it.
        if (!digits.empty() && digits.back() == 'X') return shape_problem(i);
        if (c == '-' || c == ' ') continue;
        bool ten = (c == 'X' || c == 'x') && digits.size() == 9;
        if (!(c >= '0' && c <= '9') && !ten) return shape_problem(i);
        digits += ten ? 'X' : c;
        last = i;
    }
    if (digits.size() != 13 && digits.size() != 10)
        return IsbnProblem{"must be an ISBN-13 or ISBN-10, found " + std::to_string(digits.size()) + " digits in `" +
                               std::string(isbn) + "`",
                           shape_hint, 0};
    auto value = [&](std::size_t i) { return digits[i] == 'X' ? 10 : digits[i] - '0'; };
    int expected = 0;
    if (digits.size() == 13) {
        if (!digits.starts_with("978") && !digits.starts_with("979"))
            return IsbnProblem{"must start with 978 or 979, found `" + std::string(isbn) + "`",
                               "an ISBN-13 begins with the prefix 978 or 979", 0};
        // ISBN-13 (ISO 2108): weights 1, 3, 1, 3 ... make the sum a multiple of 10.
        int sum = 0;
        for (std::size_t i = 0; i < 12; ++i) sum += value(i) * (i % 2 == 0 ? 1 : 3);
        expected = (10 - sum % 10) % 10;
    } else {
        // ISBN-10: weights 10 down to 2, and the check digit makes the sum
        // a multiple of 11 (10 is written X).
        int sum = 0;
        for (std::size_t i = 0; i < 9; ++i) sum += value(i) * static_cast<int>(10 - i);
        expected = (11 - sum % 11) % 11;
    }
    if (value(digits.size() - 1) == expected) return std::nullopt;
    const std::string wanted = expected == 10 ? "X" : std::to_string(expected);
    return IsbnProblem{"has check digit " + std::string(1, digits.back()) + ", expected " + wanted,
                       "the last digit follows from the others: one is mistyped or two are swapped; "
                       "check the number against the publisher's record",
                       last};
}

void check_metadata(YamlReader& reader, const base::SourceMap& sources, const YAML::Node& root, Manifest& manifest) {
    check_title(reader, root, manifest);
    check_language(reader, root, manifest);
    check_date(reader, root, manifest);
    settle_identifier(reader, sources, root, manifest);
    if (!manifest.print_isbn.empty())
        check_isbn(reader, sources, root["print_isbn"], manifest.print_isbn, 0, "`print_isbn`");
}

}  // namespace cinefolio::manifest
