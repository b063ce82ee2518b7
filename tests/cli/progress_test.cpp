// The progress bar: drawn on a terminal for a long build, never into a
// pipe or a log, and never with --quiet.

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

namespace {

// Runs `command` under `script`, which gives it a terminal; returns what
// the terminal showed.
CommandResult on_terminal(const std::string& command) {
    return run_tool("script", "-qfec " + quote(command) + " /dev/null");
}

}  // namespace

TEST_CASE("progress: a long build draws a bar on a terminal and plain lines elsewhere", "[cli][build][progress]") {
    ScratchDir work("progress");
    REQUIRE(make_corpus(quote(work / "book") + " --films 15").exit_code == 0);
    const std::string build =
        quote(CINEFOLIO_BINARY) + " build " + quote(work / "book/book.yaml") + " -j 1 --booklets -o " + quote(work / "out");

    auto shown = on_terminal(build);
    INFO(shown.output);
    REQUIRE(shown.exit_code == 0);
    CHECK(shown.output.find("/32 files, ") != std::string::npos);
    CHECK(shown.output.find(" pages, ") != std::string::npos);
    CHECK(shown.output.find(" paragraphs") != std::string::npos);
    CHECK(shown.output.find("%  ") != std::string::npos);
    // Each `wrote` line starts a line: after the line before it, or on the
    // bar's line once cleared, never after the bar (a file written in the
    // first half second comes before any bar).
    CHECK(shown.output.find("\r\033[Kwrote ", shown.output.find("%  ")) != std::string::npos);
    for (std::size_t at = shown.output.find("wrote "); at != std::string::npos; at = shown.output.find("wrote ", at + 1)) {
        INFO("at byte " << at);
        CHECK((at == 0 || shown.output[at - 1] == '\n' || (at >= 4 && shown.output.compare(at - 4, 4, "\r\033[K") == 0)));
    }

    auto quiet = on_terminal(build + " -q");
    REQUIRE(quiet.exit_code == 0);
    CHECK(quiet.output.find(" paragraphs") == std::string::npos);
    CHECK(quiet.output.find("wrote ") == std::string::npos);

    // Into a pipe: the `wrote` lines, one per file, and no bar.
    auto piped = run(build);
    REQUIRE(piped.exit_code == 0);
    CHECK(piped.output.find("\033[K") == std::string::npos);
    CHECK(piped.output.find('\r') == std::string::npos);
    std::size_t wrote = 0;
    for (std::size_t at = piped.output.find("wrote "); at != std::string::npos; at = piped.output.find("wrote ", at + 1))
        ++wrote;
    CHECK(wrote == 32);  // the book and 15 booklets, EPUB and PDF each
}
