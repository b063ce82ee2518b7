// Golden test of line breaking: every line of the sample book (books/closeness)
// with its width, adjustment ratio, expansion and hyphen, compared with
// tests/golden/typeset-closeness.lines. To accept a change, run the test with
// CINEFOLIO_UPDATE_GOLDEN=1 and read `git diff tests/golden` before committing.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "cinefolio/typeset/typeset.hpp"
#include "cli.hpp"
#include "sample_book.hpp"
#include "support/process.hpp"

using namespace cinefolio;

TEST_CASE("the sample book's lines match the golden line trace", "[typeset][golden]") {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    const auto loaded =
        cli::load_book(std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/book.yaml", sources, diagnostics);
    REQUIRE(loaded);
    const auto options = test::sample_options();
    auto fonts = test::sample_fonts(diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.hyphenation_patterns = options.hyphenation_patterns;
    settings.build_date = "2023-11-14";
    const auto document = typeset::typeset(loaded->book, settings, *fonts, diagnostics);
    REQUIRE(document);
    // The realism essay's long bold lead-ins cannot fill their first lines:
    // those lines are reported, and the trace shows how loose they are.
    CHECK(diagnostics.error_count() == 0);

    const std::string trace = typeset::line_trace(*document);
    const std::string golden = std::string(CINEFOLIO_SOURCE_DIR) + "/tests/golden/typeset-closeness.lines";
    if (const char* update = std::getenv("CINEFOLIO_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::ofstream(golden, std::ios::binary) << trace;
    }
    const auto expected = test::slurp(golden);
    REQUIRE_FALSE(expected.empty());
    CHECK(trace == expected);
}
