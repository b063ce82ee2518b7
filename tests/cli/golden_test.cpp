// Golden test of the sample book's model: `cinefolio dump` compared with
// tests/golden/closeness.dump (support/golden.hpp says how to accept a change).

#include <catch2/catch.hpp>

#include "support/golden.hpp"
#include "support/process.hpp"

using namespace cinefolio::test;

TEST_CASE("the sample book's model matches the golden dump", "[cli][golden]") {
    auto result = run(quote(CINEFOLIO_BINARY) + " dump books/closeness/book.yaml 2>/dev/null");
    REQUIRE(result.exit_code == 0);
    check_golden(CINEFOLIO_SOURCE_DIR "/tests/golden/closeness.dump", result.output);
}

TEST_CASE("the sample book has one part and four chapters in lens order", "[cli][golden]") {
    auto dump = run(quote(CINEFOLIO_BINARY) + " dump books/closeness/book.yaml 2>/dev/null").output;
    std::vector<std::string> chapters;
    std::size_t parts = 0;
    std::size_t at = 0;
    while (at < dump.size()) {
        auto end = dump.find('\n', at);
        auto line = dump.substr(at, end - at);
        if (line.rfind("  part ", 0) == 0) ++parts;
        if (line.rfind("    chapter ", 0) == 0) chapters.push_back(line.substr(12, line.find(' ', 12) - 12));
        at = end + 1;
    }
    CHECK(parts == 1);
    CHECK(chapters == std::vector<std::string>{"f452008-metacritic", "f452008-realism", "f452008-signifier",
                                               "f452008-press"});
    // The bold-only paragraphs of the REALISM and SIGNIFIER essays are sections.
    for (const char* heading : {"\"1. The Nexus\"", "\"2. The Curation\"", "\"3. The Horizon\"",
                                "\"Body: The Evidence\"", "\"The Architecture of Suffocation\""}) {
        INFO(heading);
        auto found = dump.find(heading);
        REQUIRE(found != std::string::npos);
        auto line_start = dump.rfind('\n', found) + 1;
        CHECK(dump.substr(line_start, found - line_start).find("heading[") != std::string::npos);
    }
    // The bold lead-ins of the REALISM essay stay run-in paragraphs.
    auto lead = dump.find("\"Louise Bourgeois (Artist/Sculptor");
    REQUIRE(lead != std::string::npos);
    auto line_start = dump.rfind('\n', lead) + 1;
    CHECK(dump.substr(line_start, lead - line_start).find("paragraph run-in") != std::string::npos);
}
