// `-j N` sets the films of a book on N threads: the files must not depend
// on N, nor on which thread finished first.

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

namespace {

// Builds `manifest` with `-j jobs` into `out` (and `extra` options); returns the program's output.
CommandResult build_with(const std::string& manifest, const std::filesystem::path& out, int jobs,
                         const std::string& extra = "") {
    return run(quote(CINEFOLIO_BINARY) + " build " + quote(manifest) + " -q -j " + std::to_string(jobs) + " -o " +
               quote(out) + " " + extra);
}

void same_bytes(const std::filesystem::path& a, const std::filesystem::path& b, const std::string& stem) {
    for (const char* extension : {".epub", ".pdf"}) {
        INFO(stem << extension);
        const auto left = slurp((a / (stem + extension)).string());
        REQUIRE_FALSE(left.empty());
        CHECK(left == slurp((b / (stem + extension)).string()));
    }
}

}  // namespace

TEST_CASE("threads: the sample book has the same bytes with -j 1, -j 2 and -j 3", "[cli][build][threads]") {
    ScratchDir work("threads-sample");
    const std::string manifest = CINEFOLIO_SOURCE_DIR "/books/closeness/book.yaml";
    for (int jobs : {1, 2, 3}) {
        auto build = build_with(manifest, work / ("j" + std::to_string(jobs)), jobs);
        INFO(build.output);
        REQUIRE(build.exit_code == 0);
    }
    same_bytes(work / "j1", work / "j2", "closeness");
    same_bytes(work / "j1", work / "j3", "closeness");
}

TEST_CASE("threads: a generated 6-film book and its booklets have the same bytes and messages for any -j",
          "[cli][build][threads]") {
    ScratchDir work("threads-corpus");
    auto corpus = make_corpus(quote(work / "book") + " --films 6 --index");
    REQUIRE(corpus.exit_code == 0);
    const std::string manifest = work / "book/book.yaml";
    auto one = build_with(manifest, work / "j1", 1, "--booklets");
    auto two = build_with(manifest, work / "j2", 2, "--booklets");
    auto four = build_with(manifest, work / "j4", 4, "--booklets");
    INFO(one.output);
    REQUIRE(one.exit_code == 0);
    REQUIRE(two.exit_code == 0);
    REQUIRE(four.exit_code == 0);
    // The warnings (lines outside tolerance, film by film) come in the same order.
    CHECK(one.output == two.output);
    CHECK(one.output == four.output);
    same_bytes(work / "j1", work / "j2", "book");
    same_bytes(work / "j1", work / "j4", "book");
    // A booklet is named by its film's slug and movieId.
    std::string booklet;
    for (const auto& entry : std::filesystem::directory_iterator(work / "j1")) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 11 && name.compare(name.size() - 11, 11, "-100007.pdf") == 0)
            booklet = name.substr(0, name.size() - 4);
    }
    REQUIRE_FALSE(booklet.empty());
    same_bytes(work / "j1", work / "j2", booklet);
    same_bytes(work / "j1", work / "j4", booklet);
}

TEST_CASE("threads: -j takes a number of threads", "[cli][usage][threads]") {
    for (const char* bad : {"0", "two", "2x", "-3", "5000"}) {
        INFO(bad);
        auto result = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -j " + bad);
        CHECK(result.exit_code == 2);
        CHECK(result.output.find("takes a number of threads from 1 to 1024") != std::string::npos);
    }
    auto missing = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -j");
    CHECK(missing.exit_code == 2);
    CHECK(missing.output.find("-j needs a number") != std::string::npos);
}

TEST_CASE("threads: --timings prints each stage and the peak memory on stderr", "[cli][build][threads]") {
    ScratchDir work("timings");
    auto build = run(quote(CINEFOLIO_BINARY) + " build " CINEFOLIO_SOURCE_DIR "/books/closeness/book.yaml -q --timings -o " +
                     quote(work / "out"));
    INFO(build.output);
    REQUIRE(build.exit_code == 0);
    for (const char* stage : {"timing: load", "timing: typeset", "timing: paint", "timing: epub", "timing: write",
                              "timing: total"}) {
        CHECK(build.output.find(stage) != std::string::npos);
    }
    CHECK(build.output.find("MiB") != std::string::npos);
}
