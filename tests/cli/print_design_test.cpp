// The print design end to end: a copy of the sample book with `print:`
// overrides and another style, read back with pdfinfo and pdffonts.

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "support/process.hpp"

using namespace cinefolio::test;

namespace {

// The sample book copied into a scratch folder with `extra` appended to
// its manifest, then built; returns the PDF's path ("" if the build failed).
struct Built {
    CommandResult result;
    std::string pdf;
};

Built build_sample(const ScratchDir& dir, const std::string& extra) {
    const auto book = dir.path() / "closeness";
    std::filesystem::copy(std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness", book,
                          std::filesystem::copy_options::recursive);
    std::string manifest = slurp((book / "book.yaml").string());
    dir.write("closeness/book.yaml", manifest + "\n" + extra);
    Built built;
    built.result = run("cd " + quote(book.string()) + " && " + quote(CINEFOLIO_BINARY) +
                       " build book.yaml --format pdf -o out");
    if (built.result.exit_code == 0) built.pdf = (book / "out" / "closeness.pdf").string();
    return built;
}

std::string info(const std::string& pdf, const std::string& field) {
    const auto result = run("pdfinfo " + quote(pdf));
    std::smatch match;
    std::regex line(field + ":\\s+([^\\n]*)");
    return std::regex_search(result.output, match, line) ? match[1].str() : "";
}

}  // namespace

TEST_CASE("print: trim sets the page size of every page", "[cli][print]") {
    ScratchDir dir("print-trim");
    auto trade = build_sample(dir, "print: {trim: 5.5x8.5in}\n");
    INFO(trade.result.output);
    REQUIRE(!trade.pdf.empty());
    CHECK(info(trade.pdf, "Page size") == "396 x 612 pts");
    const auto boxes = run("pdfinfo -f 1 -l 40 -box " + quote(trade.pdf));
    CHECK(boxes.output.find("612.00") != std::string::npos);

    ScratchDir a5_dir("print-a5");
    auto a5 = build_sample(a5_dir, "print: {trim: A5}\n");
    INFO(a5.result.output);
    REQUIRE(!a5.pdf.empty());
    CHECK(info(a5.pdf, "Page size").rfind("419.528 x 595.276 pts", 0) == 0);
}

TEST_CASE("print: font_size 10pt sets the sample on fewer pages", "[cli][print]") {
    ScratchDir base_dir("print-size-base");
    auto standard = build_sample(base_dir, "");
    ScratchDir small_dir("print-size-small");
    auto smaller = build_sample(small_dir, "print: {font_size: 10pt}\n");
    INFO(smaller.result.output);
    REQUIRE(!standard.pdf.empty());
    REQUIRE(!smaller.pdf.empty());
    CHECK(std::stoi(info(smaller.pdf, "Pages")) < std::stoi(info(standard.pdf, "Pages")));
}

TEST_CASE("a trim without its unit is an error at its line with a hint", "[cli][print]") {
    ScratchDir dir("print-bad-trim");
    auto built = build_sample(dir, "print:\n  trim: 6x9\n");
    CHECK(built.result.exit_code == 1);
    CHECK(built.result.output.find(": error: `trim`: expected a page size, found `6x9`") != std::string::npos);
    CHECK(built.result.output.find("hint: did you mean `6x9in`?") != std::string::npos);
    // The manifest's last line is the trim's: its line number is what the message names.
    const auto manifest = slurp((dir.path() / "closeness/book.yaml").string());
    const auto line = std::count(manifest.begin(), manifest.end(), '\n');
    CHECK(built.result.output.find("book.yaml:" + std::to_string(line) + ":9: error") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "closeness/out"));

    // check catches it too, before any build.
    const auto checked = run("cd " + quote((dir.path() / "closeness").string()) + " && " + quote(CINEFOLIO_BINARY) +
                             " check book.yaml");
    CHECK(checked.exit_code == 1);
    CHECK(checked.output.find("did you mean `6x9in`?") != std::string::npos);
}

TEST_CASE("an unknown style is an error that lists the styles", "[cli][print]") {
    ScratchDir dir("print-bad-style");
    auto built = build_sample(dir, "style: fancy\n");
    CHECK(built.result.exit_code == 1);
    CHECK(built.result.output.find("error: style `fancy` not found; the styles are `classic`, `modern`") !=
          std::string::npos);
}

TEST_CASE("the modern style prints in its own faces", "[cli][print]") {
    ScratchDir classic_dir("print-classic-faces");
    auto classic = build_sample(classic_dir, "");
    ScratchDir modern_dir("print-modern-faces");
    auto modern = build_sample(modern_dir, "style: modern\n");
    INFO(modern.result.output);
    REQUIRE(!classic.pdf.empty());
    REQUIRE(!modern.pdf.empty());
    const auto classic_fonts = run("pdffonts " + quote(classic.pdf)).output;
    const auto modern_fonts = run("pdffonts " + quote(modern.pdf)).output;
    CHECK(classic_fonts.find("LinLibertine") != std::string::npos);
    CHECK(classic_fonts.find("CharisSIL") == std::string::npos);
    CHECK(modern_fonts.find("CharisSIL") != std::string::npos);
    CHECK(modern_fonts.find("CharisSIL-Italic") != std::string::npos);
    CHECK(modern_fonts.find("LinLibertine") == std::string::npos);
    CHECK(run("qpdf --check " + quote(modern.pdf)).exit_code == 0);
}
