// The store-grade bar at scale: the generated corpus of 50 films x 4 lenses
// (tests/bench/make_corpus.py: front-matter essays with sections, run-in
// leads, footnotes and tables, plus scraped imports) builds to an EPUB
// that epubcheck passes with no message at all.

#include <catch2/catch.hpp>

#include <string>

#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

TEST_CASE("a 50-film, 4-lens corpus passes epubcheck with no message", "[epub][epubcheck][corpus]") {
    ScratchDir scratch("corpus");
    auto generated = make_corpus(quote(scratch / "book") + " --films 50");
    INFO(generated.output);
    REQUIRE(generated.exit_code == 0);
    auto built = run("SOURCE_DATE_EPOCH=1700000000 " + quote(CINEFOLIO_BINARY) + " build " +
                     quote(scratch / "book/book.yaml") + " --format epub -q -o " + quote(scratch / "out"));
    INFO(built.output);
    REQUIRE(built.exit_code == 0);
    // Nothing to warn of but what a generated index must be told: its
    // names repeat in every essay, more often than an index should list
    // (a real book divides them into subentries).
    std::size_t warnings = 0;
    for (std::size_t at = built.output.find("warning: "); at != std::string::npos;
         at = built.output.find("warning: ", at + 1)) {
        ++warnings;
        const std::string line = built.output.substr(at, built.output.find('\n', at) - at);
        INFO(line);
        CHECK(line.find("locators in one lens") != std::string::npos);
    }
    CHECK(warnings > 0);
    std::string epub = scratch / "out/book.epub";
    // 200 chapters with fonts subset to their characters: well under a megabyte.
    CHECK(slurp(epub).size() < 1024 * 1024);
    auto checked = epubcheck(quote(epub));
    INFO(checked.output);
    CHECK(checked.exit_code == 0);
    CHECK(checked.output.find("No errors or warnings detected") != std::string::npos);
    CHECK(checked.output.find("0 fatals / 0 errors / 0 warnings / 0 infos") != std::string::npos);
}
