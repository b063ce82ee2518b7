// Quotation marks in the book's language: cmark-gfm decides which straight
// quote opens and which closes; the language decides the marks.

#include <catch2/catch.hpp>
#include <cstdint>
#include <iterator>
#include <string>

#include "cinefolio/base/text.hpp"
#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/corpus/markdown.hpp"

using namespace cinefolio;

namespace {

// The plain text of the only paragraph of `text` parsed in `language`.
std::string quoted(const std::string& text, std::string_view language) {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    const base::FileId file = sources.add("essay.md", text);
    const auto body = corpus::parse_markdown(sources, file, 0, diagnostics, language);
    REQUIRE(!body.blocks.empty());
    return model::plain_text(body.blocks[0].inlines);
}

}  // namespace

TEST_CASE("straight quotes become the marks of the language", "[corpus][quotes]") {
    const std::string text = "He said \"the end\" and 'maybe'.";
    CHECK(quoted(text, "") == "He said “the end” and ‘maybe’.");
    CHECK(quoted(text, "en-GB") == "He said “the end” and ‘maybe’.");
    CHECK(quoted(text, "fr") == "He said «\u202Fthe end\u202F» and “maybe”.");
    CHECK(quoted(text, "fr-CA") == "He said «\u202Fthe end\u202F» and “maybe”.");
    CHECK(quoted(text, "de") == "He said „the end“ and ‚maybe‘.");
    CHECK(quoted(text, "es") == "He said «the end» and “maybe”.");
    CHECK(quoted(text, "it") == "He said «the end» and “maybe”.");
    CHECK(quoted(text, "ru") == "He said «the end» and „maybe“.");
    // A language without a table keeps English marks.
    CHECK(quoted(text, "nl") == "He said “the end” and ‘maybe’.");
}

TEST_CASE("a quotation inside a quotation takes the inner marks", "[corpus][quotes]") {
    CHECK(quoted("\"Он сказал: \"Стоп\", и ушёл\"", "ru") == "«Он сказал: „Стоп“, и ушёл»");
    CHECK(quoted("\"Il dit 'non' et part\"", "fr") == "«\u202FIl dit “non” et part\u202F»");
    CHECK(quoted("\"Er sagte \"nein\" und ging\"", "de") == "„Er sagte ‚nein‘ und ging“");
    // A third level takes the outer marks again.
    CHECK(quoted("\"a \"b \"c\" b\" a\"", "ru") == "«a „b «c» b“ a»");
}

TEST_CASE("apostrophes stay apostrophes", "[corpus][quotes]") {
    CHECK(quoted("L'image d'un film, c'est \"l'aujourd'hui\".", "fr") ==
          "L’image d’un film, c’est «\u202Fl’aujourd’hui\u202F».");
    CHECK(quoted("'the film's end' and the '90s", "de") == "‚the film’s end‘ and the ’90s");
}

TEST_CASE("quotation marks the author typed are kept as typed", "[corpus][quotes]") {
    // Only marks made from straight quotes change; dashes and ellipses
    // from cmark's smart punctuation stay as they are.
    CHECK(quoted("“*Typed*” and \"straight\" -- then... \"*emph*\"", "fr") ==
          "“Typed” and «\u202Fstraight\u202F» – then… «\u202Femph\u202F»");
    CHECK(quoted("`\"code\"` and \"text\"", "ru") == "\"code\" and «text»");
}

TEST_CASE("a quotation left open keeps the direction cmark gave it", "[corpus][quotes]") {
    // A quotation running over paragraphs opens each one and closes once.
    CHECK(quoted("\"First paragraph of the quotation.\n\n\"Second one.\"", "fr") ==
          "«\u202FFirst paragraph of the quotation.");
}

TEST_CASE("titles and whole essays take the essay's language, else the book's", "[corpus][quotes]") {
    CHECK(model::plain_text(corpus::parse_inline_markdown("\"Stalker\" -- a film", "ru")) == "«Stalker» – a film");
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    const auto own = sources.add("own.md",
                                 "---\nmovieId: 1\nmovieTitle: Zerkalo\ncategoryName: REALISM\n"
                                 "title: '\"Mirror\"'\nlanguage: ru\n---\nSee \"this\".\n");
    const auto essay = corpus::load_essay(sources, own, diagnostics, "fr");
    REQUIRE(essay);
    CHECK(model::plain_text(essay->title) == "«Mirror»");
    CHECK(model::plain_text(essay->body.blocks.at(0).inlines) == "See «this».");
    const auto book = sources.add("book.md",
                                  "---\nmovieId: 1\nmovieTitle: Zerkalo\ncategoryName: REALISM\n---\n"
                                  "See \"this\".\n");
    const auto in_book = corpus::load_essay(sources, book, diagnostics, "fr");
    REQUIRE(in_book);
    CHECK(model::plain_text(in_book->body.blocks.at(0).inlines) == "See «\u202Fthis\u202F».");
}

TEST_CASE("any mix of quotes, emphasis and punctuation keeps the text whole", "[corpus][quotes]") {
    // Random Markdown of the pieces quote pairing meets; in every language
    // the text stays valid UTF-8 and keeps its letters (only marks change).
    const std::string_view pieces[] = {
        "\"", "'",    "*",  "_",    "`",  "a", "é", "я",    " ",      "-",    "--",           "...",
        "[",  "](u)", "\n", "\n\n", "> ", "“", "’", "\\\"", "&quot;", "[^1]", "\n\n[^1]: n\n"};
    std::uint32_t state = 17;
    auto next = [&state] { return state = state * 1103515245u + 12345u; };
    for (int round = 0; round < 300; ++round) {
        std::string text;
        const int length = 1 + static_cast<int>(next() >> 16) % 40;
        for (int i = 0; i < length; ++i) text += pieces[(next() >> 16) % std::size(pieces)];
        for (std::string_view language : {"fr", "de", "ru"}) {
            INFO(text << " in " << language);
            base::SourceMap sources;
            base::Diagnostics diagnostics;
            const auto body = corpus::parse_markdown(sources, sources.add("essay.md", text), 0, diagnostics, language);
            std::string all;
            for (const auto& block : body.blocks) all += model::plain_text(block.inlines);
            CHECK(!base::find_invalid_utf8(all));
            CHECK(all.find("\xEF\xBF\xBD") == std::string::npos);
        }
    }
}

TEST_CASE("a single quotation left open keeps an opening mark of the language", "[corpus][quotes]") {
    // cmark pairs the quote with the apostrophe of "film's"; the apostrophe
    // stays one, and the quote opens in the language's inner marks.
    CHECK(quoted("'the film's end", "de") == "‚the film’s end");
}
