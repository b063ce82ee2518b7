// Golden test of line breaking: every line of the sample book (books/closeness)
// with its width, adjustment ratio, expansion and hyphen, compared with
// tests/golden/typeset-closeness.lines (support/golden.hpp says how to
// accept a change).

#include <catch2/catch.hpp>

#include "cinefolio/typeset/typeset.hpp"
#include "cli.hpp"
#include "sample_book.hpp"
#include "support/golden.hpp"

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
    const auto document = typeset::typeset(loaded->book, settings, *fonts, diagnostics);
    REQUIRE(document);
    // The realism essay's long bold lead-ins cannot fill their first lines:
    // those lines are reported, and the trace shows how loose they are.
    CHECK(diagnostics.error_count() == 0);

    test::check_golden(CINEFOLIO_SOURCE_DIR "/tests/golden/typeset-closeness.lines", typeset::line_trace(*document));
}
