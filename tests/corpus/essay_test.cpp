// Front matter and scraped imports.

#include <catch2/catch.hpp>

#include "cinefolio/corpus/essay.hpp"

using namespace cinefolio;

namespace {

struct Loaded {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    std::optional<corpus::Essay> essay;
};

Loaded load(const std::string& text) {
    Loaded loaded;
    auto file = loaded.sources.add("essay.md", text);
    loaded.essay = corpus::load_essay(loaded.sources, file, loaded.diagnostics);
    return loaded;
}

Loaded import(const std::string& text, corpus::ImportData data = {}) {
    Loaded loaded;
    auto file = loaded.sources.add("scraped.txt", text);
    if (data.category.empty()) data = {452008, "Closeness", "PRESS", "", "", {}};
    loaded.essay = corpus::load_import(loaded.sources, file, data, loaded.diagnostics);
    return loaded;
}

std::string first_paragraph(const corpus::Essay& essay) {
    for (const auto& block : essay.body.blocks) {
        if (block.kind == model::BlockKind::paragraph) return model::plain_text(block.inlines);
    }
    return {};
}

}  // namespace

TEST_CASE("front matter is read with BOM and CRLF", "[corpus][front-matter]") {
    auto loaded = load("\xEF\xBB\xBF---\r\nmovieId: 7\r\nmovieTitle: Film\r\ncategoryName: REALISM\r\n"
                       "title: \"An *Essay*\"\r\nauthor: A. Critic\r\n---\r\n\r\nBody text.\r\n");
    REQUIRE(loaded.essay);
    CHECK(loaded.essay->movie_id == 7);
    CHECK(loaded.essay->movie_title == "Film");
    CHECK(loaded.essay->category == "REALISM");
    CHECK(loaded.essay->author == "A. Critic");
    CHECK(model::plain_text(loaded.essay->title) == "An Essay");
    CHECK(first_paragraph(*loaded.essay) == "Body text.");
    auto where = loaded.sources.position(loaded.essay->category_span.file, loaded.essay->category_span.begin);
    CHECK(where.line == 4);
    CHECK(where.column == 15);
}

TEST_CASE("front matter errors", "[corpus][front-matter]") {
    CHECK_FALSE(load("---\nmovieId: 1\nmovieTitle: F\n").essay);
    CHECK_FALSE(load("---\nmovieId: -3\nmovieTitle: F\ncategoryName: X\n---\nText\n").essay);
    CHECK_FALSE(load("---\nmovieId: 1\nmovieTitle: [F\ncategoryName: X\n---\nText\n").essay);
    CHECK_FALSE(load("---\nmovieId: 1\nmovieTitle: F\ncategoryName: {a: b}\n---\nText\n").essay);
    CHECK_FALSE(load("---\nmovieId: 1\nmovieTitle: F\ncategoryName: X\n---\n\n \n").essay);
    CHECK_FALSE(load("No front matter.\n").essay);
    auto bad = load("---\nmovieId: 1\nmovieTitle: F\ncategoryName: X\n---\nok\n\xC3\x28\n");
    CHECK_FALSE(bad.essay);
    REQUIRE(bad.diagnostics.all().size() == 1);
    CHECK(bad.diagnostics.all()[0].message == "invalid UTF-8 on line 7");
}

TEST_CASE("a scraped article's head becomes title, dek and byline, each once", "[corpus][import]") {
    const std::string text =
        "Closeness: A Film\n\nCloseness: A Film\n\nA provocative film about family.\n\n"
        "Vince Vanguard\n\nVince Vanguard\n\nCloseness: A Film\n\nIn 1998, in Nalchik, a film emerged.\n";
    auto loaded = import(text);
    REQUIRE(loaded.essay);
    CHECK(model::plain_text(loaded.essay->title) == "Closeness: A Film");
    CHECK(model::plain_text(loaded.essay->dek) == "A provocative film about family.");
    CHECK(loaded.essay->author == "Vince Vanguard");
    CHECK(first_paragraph(*loaded.essay) == "In 1998, in Nalchik, a film emerged.");
    CHECK(loaded.essay->body.blocks.size() == 1);
}

TEST_CASE("scraped head detection ignores blank lines, spacing and case", "[corpus][import]") {
    const std::string text =
        "  The  Title \r\nTHE TITLE\r\nA standfirst in one line.\r\nBy Jane Doe\r\nby jane doe\r\n\r\n\r\n"
        "the title\r\nFirst body paragraph.\r\n";
    auto loaded = import(text);
    REQUIRE(loaded.essay);
    CHECK(model::plain_text(loaded.essay->title) == "The Title");
    CHECK(model::plain_text(loaded.essay->dek) == "A standfirst in one line.");
    CHECK(loaded.essay->author == "Jane Doe");
    CHECK(first_paragraph(*loaded.essay) == "First body paragraph.");
}

TEST_CASE("the manifest's author and title guide the detection", "[corpus][import]") {
    corpus::ImportData data{1, "Film", "PRESS", "Ann Lee", "", {}};
    auto loaded = import("A Headline\n\nThe standfirst.\n\nAnn Lee\n\nBody starts here.\n", data);
    REQUIRE(loaded.essay);
    CHECK(model::plain_text(loaded.essay->title) == "A Headline");
    CHECK(model::plain_text(loaded.essay->dek) == "The standfirst.");
    CHECK(loaded.essay->author == "Ann Lee");
    CHECK(first_paragraph(*loaded.essay) == "Body starts here.");
}

TEST_CASE("an article that opens with body text keeps it", "[corpus][import]") {
    auto loaded = import("This article has no head at all. It starts with a sentence.\n\nAnd goes on.\n");
    REQUIRE(loaded.essay);
    CHECK(loaded.essay->title.empty());
    CHECK(loaded.essay->author.empty());
    CHECK(first_paragraph(*loaded.essay) == "This article has no head at all. It starts with a sentence.");
}

TEST_CASE("smart punctuation in a scraped title", "[corpus][import]") {
    auto loaded = import("\"Quoted\" Title -- Here\n\n\"Quoted\" Title -- Here\n\nBody text follows here.\n");
    REQUIRE(loaded.essay);
    CHECK(model::plain_text(loaded.essay->title) == "“Quoted” Title – Here");
}
