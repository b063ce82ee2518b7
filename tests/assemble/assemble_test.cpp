// Assembly: films to parts, essays to chapters in lens order, stable ids.

#include <catch2/catch.hpp>

#include "cinefolio/assemble/assemble.hpp"

using namespace cinefolio;

namespace {

corpus::Essay essay(std::int64_t film, const std::string& lens, const std::string& path, int paragraphs = 2) {
    corpus::Essay result;
    result.path = path;
    result.movie_id = film;
    result.movie_title = "Film " + std::to_string(film);
    result.category = lens;
    for (int i = 0; i < paragraphs; ++i) {
        model::Inline text;
        text.text = "Words";
        model::Block heading;
        heading.kind = model::BlockKind::heading;
        heading.level = 1;
        heading.inlines = {text};
        model::Block paragraph;
        paragraph.inlines = {text};
        result.body.blocks.push_back(heading);
        result.body.blocks.push_back(paragraph);
    }
    return result;
}

std::vector<std::string> chapter_ids(const model::Book& book) {
    std::vector<std::string> ids;
    for (const auto& part : book.parts)
        for (const auto& chapter : part.chapters) ids.push_back(chapter.id);
    return ids;
}

}  // namespace

TEST_CASE("parts follow first appearance, chapters follow declared lenses", "[assemble]") {
    manifest::Manifest manifest;
    manifest.title = "T";
    manifest.id = "t";
    manifest.identifier = "urn:isbn:978-0-306-40615-7";
    manifest.isbn = "978-0-306-40615-7";
    manifest.lenses = {{"REALISM", "Realism", {}}, {"PRESS", "Press", {}}, {"METACRITIC", "Metacritic", {}}};
    base::Diagnostics diagnostics;
    auto book = assemble::assemble(
        manifest,
        {essay(2, "PRESS", "a"), essay(1, "METACRITIC", "b"), essay(2, "REALISM", "c"), essay(1, "PRESS", "d")},
        diagnostics);
    REQUIRE(book);
    CHECK(chapter_ids(*book) == std::vector<std::string>{"f2-realism", "f2-press", "f1-press", "f1-metacritic"});
    CHECK(book->parts[0].title == "Film 2");
    // The manifest settled the identifier and checked the ISBN; the Book carries both.
    CHECK(book->metadata.identifier == "urn:isbn:978-0-306-40615-7");
    CHECK(book->metadata.isbn == "978-0-306-40615-7");
}

TEST_CASE("the manifest's films select and order the parts", "[assemble]") {
    manifest::Manifest manifest;
    manifest.title = "T";
    manifest.films = {{1, "The First", 1999, "A. Director", {}, {}, {}}, {2, "", std::nullopt, "", {}, {}, {}}};
    base::Diagnostics diagnostics;
    auto book = assemble::assemble(manifest, {essay(2, "X", "a"), essay(1, "X", "b"), essay(3, "X", "c")}, diagnostics);
    REQUIRE(book);
    REQUIRE(book->parts.size() == 2);
    CHECK(book->parts[0].title == "The First");
    CHECK(book->parts[0].year == 1999);
    CHECK(book->parts[1].title == "Film 2");
}

TEST_CASE("block ids do not move when an essay is added elsewhere", "[assemble]") {
    manifest::Manifest manifest;
    manifest.title = "T";
    base::Diagnostics diagnostics;
    auto before = assemble::assemble(manifest, {essay(1, "B", "b")}, diagnostics);
    auto after =
        assemble::assemble(manifest, {essay(1, "A", "a", 5), essay(2, "A", "c"), essay(1, "B", "b")}, diagnostics);
    REQUIRE(before);
    REQUIRE(after);
    const auto& old_chapter = before->parts[0].chapters[0];
    const auto& new_chapter = after->parts[0].chapters[1];
    REQUIRE(old_chapter.id == new_chapter.id);
    for (std::size_t i = 0; i < old_chapter.blocks.size(); ++i) CHECK(old_chapter.blocks[i].id == new_chapter.blocks[i].id);
    CHECK(old_chapter.blocks[0].id == "f1-b-h1");
    CHECK(old_chapter.blocks[3].id == "f1-b-p2");
}

TEST_CASE("undeclared lenses and duplicates are errors", "[assemble]") {
    manifest::Manifest manifest;
    manifest.title = "T";
    manifest.lenses = {{"REALISM", "Realism", {}}};
    base::Diagnostics diagnostics;
    // Another essay uses the declared spelling: the slip is this essay's.
    CHECK_FALSE(assemble::assemble(manifest, {essay(1, "REALISM", "a"), essay(2, "REALIMS", "b")}, diagnostics));
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.all()[0].hint == "did you mean `REALISM`?");
    // No essay uses it: the slip may be the manifest's, said at its line.
    base::Diagnostics unused;
    CHECK_FALSE(assemble::assemble(manifest, {essay(1, "REALIMS", "a")}, unused));
    REQUIRE(unused.error_count() == 1);
    CHECK(unused.all()[0].message == "lens `REALISM` in `lenses` is used by no essay, but a uses `REALIMS`");

    base::Diagnostics duplicates;
    CHECK_FALSE(assemble::assemble(manifest, {essay(1, "REALISM", "a.md"), essay(1, "REALISM", "b.md")}, duplicates));
    REQUIRE(duplicates.error_count() == 1);
    CHECK(duplicates.all()[0].message.find("the first is a.md") != std::string::npos);
}
