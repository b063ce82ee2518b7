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
