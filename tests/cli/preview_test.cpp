// `cinefolio preview`: PNGs of print pages and spreads, from the layout the
// PDF paints, at the resolution asked for.

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;
namespace fs = std::filesystem;

namespace {

// Width and height from a PNG's IHDR chunk (big-endian, after the
// 8-byte signature and the chunk's length and type).
std::pair<int, int> png_size(const std::string& bytes) {
    REQUIRE(bytes.size() > 24);
    REQUIRE(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    auto word = [&](std::size_t at) {
        int value = 0;
        for (std::size_t i = 0; i < 4; ++i) value = value * 256 + static_cast<unsigned char>(bytes[at + i]);
        return value;
    };
    return {word(16), word(20)};
}

}  // namespace

TEST_CASE("preview writes one PNG per page asked for, at the dpi asked for", "[cli][preview]") {
    ScratchDir out("preview-pages");
    auto made = run(quote(CINEFOLIO_BINARY) + " preview books/closeness/book.yaml --pages 2-3 --dpi 72 -o " +
                    quote(out.path().string()));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    CHECK(made.output.find("wrote " + (out / "closeness-p002.png")) != std::string::npos);
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(out.path())) ++count;
    CHECK(count == 2);
    // 6 x 9 in at 72 dpi.
    CHECK(png_size(slurp(out / "closeness-p003.png")) == std::pair{432, 648});
}

TEST_CASE("preview --spreads pairs facing pages, page 1 alone", "[cli][preview]") {
    ScratchDir out("preview-spreads");
    auto made = run(quote(CINEFOLIO_BINARY) + " preview books/closeness/book.yaml -q --spreads --pages 1-4 --dpi 36 -o " +
                    quote(out.path().string()));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    // -q: nothing but diagnostics (the sample's typesetting warnings, if any).
    CHECK(made.output.find("wrote") == std::string::npos);
    CHECK(made.output.find("error") == std::string::npos);
    CHECK(png_size(slurp(out / "closeness-p001.png")) == std::pair{216, 324});
    CHECK(png_size(slurp(out / "closeness-p002-003.png")) == std::pair{432, 324});
    CHECK(png_size(slurp(out / "closeness-p004-005.png")) == std::pair{432, 324});
    // The same layout gives the same pixels.
    auto again = run(quote(CINEFOLIO_BINARY) + " preview books/closeness/book.yaml -q --spreads --pages 2 --dpi 36 -o " +
                     quote(out / "again"));
    REQUIRE(again.exit_code == 0);
    CHECK(slurp(out / "again/closeness-p002-003.png") == slurp(out / "closeness-p002-003.png"));
}

TEST_CASE("preview: bad --pages and --dpi are usage errors, a page past the end an input error", "[cli][preview]") {
    for (const std::string arguments : {"--pages 0", "--pages 4-2", "--pages x", "--dpi 5", "--dpi 1e3"}) {
        auto result = run(quote(CINEFOLIO_BINARY) + " preview books/closeness/book.yaml " + arguments);
        INFO(arguments << ": " << result.output);
        CHECK(result.exit_code == 2);
        CHECK(result.output.find("usage: cinefolio preview BOOK.yaml") != std::string::npos);
    }
    ScratchDir out("preview-past");
    auto past = run(quote(CINEFOLIO_BINARY) + " preview books/closeness/book.yaml --pages 9999 -o " +
                    quote(out / "none"));
    CHECK(past.exit_code == 1);
    CHECK(past.output.find("error: --pages starts at page 9999, but the book has ") != std::string::npos);
    CHECK_FALSE(fs::exists(out / "none"));
}
