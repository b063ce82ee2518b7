// The manifest contract: keys, defaults, types, positions of errors.

#include "cinefolio/manifest/manifest.hpp"

#include <catch2/catch.hpp>

using namespace cinefolio;

namespace {

struct Parsed {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    std::optional<manifest::Manifest> manifest;
    std::string first_message() const { return diagnostics.all().empty() ? "" : diagnostics.all()[0].message; }
    int first_line() const {
        const auto& span = diagnostics.all().at(0).span;
        return sources.position(span.file, span.begin).line;
    }
};

Parsed parse(const std::string& text, const std::string& path = "books/anthology/book.yaml") {
    Parsed parsed;
    auto file = parsed.sources.add(path, text);
    parsed.manifest = manifest::parse(parsed.sources, file, parsed.diagnostics);
    return parsed;
}

}  // namespace

TEST_CASE("a full manifest is read", "[manifest]") {
    auto parsed = parse(
        "title: Closeness\nsubtitle: Four Lenses\ncreators: [A, B]\nlanguage: en-GB\n"
        "essays: [essays/, more/*.md]\n"
        "films:\n  - 452008\n  - {id: 7, year: 2017, director: K. B., title: Other}\n"
        "lenses:\n  - REALISM\n  - {name: FILM_NOIR}\n  - {name: PRESS, label: In the Press}\n"
        "imports:\n  - {file: a.txt, movieId: 1, movieTitle: F, categoryName: PRESS, author: Z}\n");
    REQUIRE(parsed.manifest);
    const auto& m = *parsed.manifest;
    CHECK(parsed.diagnostics.all().empty());
    CHECK(m.title == "Closeness");
    CHECK(m.id == "anthology");  // the manifest's folder name
    CHECK(m.creators == std::vector<std::string>{"A", "B"});
    CHECK(m.language == "en-GB");
    REQUIRE(m.essays.size() == 2);
    CHECK(m.essays[1].pattern == "more/*.md");
    REQUIRE(m.films.size() == 2);
    CHECK(m.films[0].id == 452008);
    CHECK(m.films[1].year == 2017);
    CHECK(m.films[1].director == "K. B.");
    REQUIRE(m.lenses.size() == 3);
    CHECK(m.lenses[0].label == "Realism");
    CHECK(m.lenses[1].label == "Film Noir");
    CHECK(m.lenses[2].label == "In the Press");
    REQUIRE(m.imports.size() == 1);
    CHECK(m.imports[0].author == "Z");
}

TEST_CASE("defaults", "[manifest]") {
    auto parsed = parse("title: T\n");
    REQUIRE(parsed.manifest);
    CHECK(parsed.manifest->language == "en");
    CHECK(parsed.manifest->style == "classic");
    CHECK(parsed.manifest->films.empty());
}

TEST_CASE("unknown keys warn with the nearest known key", "[manifest]") {
    auto parsed = parse("title: T\nlenzes: [A]\nfilms:\n  - {id: 1, yaer: 2000}\n");
    REQUIRE(parsed.manifest);
    REQUIRE(parsed.diagnostics.warning_count() == 2);
    CHECK(parsed.diagnostics.all()[0].message == "unknown key `lenzes` in the manifest");
    CHECK(parsed.diagnostics.all()[0].hint == "did you mean `lenses`?");
    CHECK(parsed.diagnostics.all()[1].hint == "did you mean `year`?");
}

TEST_CASE("errors name the line", "[manifest]") {
    auto no_title = parse("subtitle: S\n");
    CHECK_FALSE(no_title.manifest);
    CHECK(no_title.first_message() == "the manifest has no `title`");

    auto bad_yaml = parse("title: T\nfilms: [1, 2\n");
    CHECK_FALSE(bad_yaml.manifest);
    CHECK(bad_yaml.first_message().rfind("invalid YAML", 0) == 0);

    auto bad_film = parse("title: T\nfilms:\n  - twelve\n");
    CHECK_FALSE(bad_film.manifest);
    CHECK(bad_film.first_line() == 3);

    auto bad_language = parse("title: T\nlanguage: english language\n");
    CHECK_FALSE(bad_language.manifest);
    CHECK(bad_language.first_line() == 2);

    for (const char* impossible : {"2026-13-45", "2025-02-29", "2026-04-31", "2026-00"}) {
        auto bad_date = parse(std::string("title: T\nlanguage: en\ndate: ") + impossible + "\n");
        INFO(impossible);
        CHECK_FALSE(bad_date.manifest);
        CHECK(bad_date.first_line() == 3);
        CHECK(bad_date.first_message() == std::string("`date` ") + impossible + " is not a day of the calendar");
    }
    for (const char* real : {"2024-02-29", "2026-11", "2026"}) {
        INFO(real);
        CHECK(parse(std::string("title: T\ndate: ") + real + "\n").manifest);
    }

    auto incomplete_import = parse("title: T\nimports:\n  - {file: a.txt, movieId: 1}\n");
    CHECK_FALSE(incomplete_import.manifest);
    CHECK(incomplete_import.first_message() == "an import needs `movieTitle`");

    auto not_a_map = parse("- just\n- a list\n");
    CHECK_FALSE(not_a_map.manifest);

    auto bad_id = parse("title: T\nid: ../escape\n");
    CHECK_FALSE(bad_id.manifest);
}

TEST_CASE("an empty title is an error at its line", "[manifest]") {
    auto blank = parse("language: en\ntitle: \"  \"\n");
    CHECK_FALSE(blank.manifest);
    CHECK(blank.first_message() == "`title` is empty");
    CHECK(blank.first_line() == 2);
}

TEST_CASE("the identifier is settled once: ISBN, the manifest's, or derived", "[manifest]") {
    auto derived = parse("title: T\nsubtitle: S\ncreators: [A]\n");
    REQUIRE(derived.manifest);
    CHECK(derived.manifest->isbn.empty());
    CHECK(derived.manifest->identifier.rfind("urn:uuid:", 0) == 0);
    CHECK(derived.manifest->identifier.size() == 9 + 36);
    // Derived from what names the book: the same manifest, the same id;
    // another title, another id.
    CHECK(parse("title: T\nsubtitle: S\ncreators: [A]\n").manifest->identifier == derived.manifest->identifier);
    CHECK(parse("title: U\nsubtitle: S\ncreators: [A]\n").manifest->identifier != derived.manifest->identifier);

    auto given = parse("title: T\nidentifier: urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427\n");
    REQUIRE(given.manifest);
    CHECK(given.diagnostics.all().empty());
    CHECK(given.manifest->identifier == "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");

    auto with_isbn = parse("title: T\nisbn: 978-0-306-40615-7\n");
    REQUIRE(with_isbn.manifest);
    CHECK(with_isbn.diagnostics.all().empty());
    CHECK(with_isbn.manifest->isbn == "978-0-306-40615-7");
    CHECK(with_isbn.manifest->identifier == "urn:isbn:978-0-306-40615-7");

    // An ISBN written as the identifier is the book's ISBN too.
    auto isbn_identifier = parse("title: T\nidentifier: urn:isbn:0-306-40615-2\n");
    REQUIRE(isbn_identifier.manifest);
    CHECK(isbn_identifier.manifest->isbn == "0-306-40615-2");
    CHECK(isbn_identifier.manifest->identifier == "urn:isbn:0-306-40615-2");

    auto both = parse("title: T\nisbn: 978-0-306-40615-7\nidentifier: urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427\n");
    REQUIRE(both.manifest);
    CHECK(both.manifest->identifier == "urn:isbn:978-0-306-40615-7");
    REQUIRE(both.diagnostics.warning_count() == 1);
    CHECK(both.first_message() == "`identifier` is not used: a book with an `isbn` is identified by it");
    CHECK(both.first_line() == 3);

    // epubcheck would warn (OPF-085); the identifier is kept as written.
    auto short_uuid = parse("title: T\nidentifier: urn:uuid:1\n");
    REQUIRE(short_uuid.manifest);
    CHECK(short_uuid.manifest->identifier == "urn:uuid:1");
    REQUIRE(short_uuid.diagnostics.warning_count() == 1);
    CHECK(short_uuid.first_message() == "expected a UUID after `urn:uuid:`, found `urn:uuid:1`");
    CHECK(short_uuid.first_line() == 2);
}

TEST_CASE("an ISBN's check digit is verified, and the error points at it", "[manifest]") {
    for (const char* valid :
         {"978-0-306-40615-7", "9780306406157", "979 10 90636 07 1", "0-306-40615-2", "0-8044-2957-X", "080442957x"}) {
        INFO(valid);
        auto parsed = parse(std::string("title: T\nisbn: ") + valid + "\n");
        CHECK(parsed.manifest);
        CHECK(parsed.diagnostics.all().empty());
    }
    auto wrong = parse("title: T\nisbn: 978-0-306-40615-3\n");
    CHECK_FALSE(wrong.manifest);
    CHECK(wrong.first_message() == "`isbn` has check digit 3, expected 7");
    const auto& span = wrong.diagnostics.all()[0].span;
    CHECK(wrong.sources.position(span.file, span.begin).column == 23);  // the last digit

    auto wrong_ten = parse("title: T\nisbn: \"0-8044-2957-5\"\n");
    CHECK_FALSE(wrong_ten.manifest);
    CHECK(wrong_ten.first_message() == "`isbn` has check digit 5, expected X");
    const auto& quoted = wrong_ten.diagnostics.all()[0].span;
    CHECK(wrong_ten.sources.position(quoted.file, quoted.begin).column == 20);

    for (const char* shape : {"978-0-306", "ISBN 978-0-306-40615-7", "978030640615X", "0-8044-2957-X-"}) {
        INFO(shape);
        auto parsed = parse(std::string("title: T\nisbn: ") + shape + "\n");
        CHECK_FALSE(parsed.manifest);
        CHECK(parsed.first_message().rfind("`isbn` must be an ISBN-13 or ISBN-10", 0) == 0);
        CHECK(parsed.first_line() == 2);
    }
    auto prefix = parse("title: T\nisbn: 123-0-306-40615-7\n");
    CHECK_FALSE(prefix.manifest);
    CHECK(prefix.first_message() == "`isbn` must start with 978 or 979, found `123-0-306-40615-7`");

    auto print_edition = parse("title: T\nprint_isbn: 9780000000001\n");
    CHECK_FALSE(print_edition.manifest);
    CHECK(print_edition.first_message() == "`print_isbn` has check digit 1, expected 2");
    CHECK(parse("title: T\nprint_isbn: 9780000000002\n").manifest);

    auto in_identifier = parse("title: T\nidentifier: urn:isbn:0-306-40615-3\n");
    CHECK_FALSE(in_identifier.manifest);
    CHECK(in_identifier.first_message() == "the ISBN in `identifier` has check digit 3, expected 2");
}
