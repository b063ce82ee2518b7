// Local images in print: a PNG and a JPEG alone in their paragraphs are
// drawn (the JPEG embedded as it is), the PDF stays valid and reproducible,
// and missing or damaged images warn and print their alt text.

#include <catch2/catch.hpp>
#include <regex>

#include "cli_fixture.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

namespace {

const std::string kFixtures = std::string(CINEFOLIO_SOURCE_DIR) + "/tests/fixtures/images/";

const std::string kEssay = essay("REALISM", R"(The kitchen opens the film, and a first paragraph of running text leads
to the first figure.

![Framealt kitchen](figures/frame.png)

Between the figures, an image within the text ![Inlinealt words](figures/frame.png) keeps its words.

![Stillalt night](figures/still.jpg "The night")

![Brokenalt damaged](figures/broken.png)

![Missingalt nowhere](figures/missing.png)
)");

struct Built {
    Book book{"print-images"};
    CommandResult result;
    std::string text;

    Built() {
        book.write("book.yaml", "title: Pictures\nid: pictures\nessays:\n  - essays/\n");
        book.write("essays/a.md", kEssay);
        const std::string png = slurp(kFixtures + "frame.png");
        book.write("essays/figures/frame.png", png);
        book.write("essays/figures/still.jpg", slurp(kFixtures + "still.jpg"));
        // A PNG cut off inside its image data.
        book.write("essays/figures/broken.png", png.substr(0, png.size() / 2));
        result = book.run("build", "-o out");
        text = run_tool("pdftotext", "-enc UTF-8 " + quote(book.path("out/pictures.pdf")) + " -").output;
    }
};

Built& built() {
    static Built once;
    return once;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a local PNG and JPEG are drawn at 96 px/in and the PDF stays valid", "[cli][images]") {
    auto& book = built();
    INFO(book.result.output);
    REQUIRE(book.result.exit_code == 0);
    const auto pdf = book.book.path("out/pictures.pdf");
    auto list = run_tool("pdfimages", "-list " + quote(pdf));
    INFO(list.output);
    REQUIRE(list.exit_code == 0);
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi
    const std::regex png_row(
        R"(\n\s*\d+\s+\d+\s+image\s+240\s+160\s+rgb\s+3\s+8\s+image\s+\S+\s+\d+\s+\d+\s+96\s+96\s)");
    const std::regex jpeg_row(
        R"(\n\s*\d+\s+\d+\s+image\s+320\s+200\s+rgb\s+3\s+8\s+jpeg\s+\S+\s+\d+\s+\d+\s+96\s+96\s)");
    CHECK(std::regex_search(list.output, png_row));
    CHECK(std::regex_search(list.output, jpeg_row));
    // Two images, no more: the inline one and the damaged one print words.
    std::size_t rows = 0;
    for (char c : list.output) rows += c == '\n';
    CHECK(rows == 4);  // two header lines and two images
    auto check = run_tool("qpdf", "--check " + quote(pdf));
    INFO(check.output);
    CHECK(check.exit_code == 0);
}

TEST_CASE("each drawn figure is a Figure element with its alt text", "[cli][images][structure]") {
    auto& book = built();
    REQUIRE(book.result.exit_code == 0);
    const auto pdf = book.book.path("out/pictures.pdf");
    const auto qdf = pdf + ".qdf";
    REQUIRE(run_tool("qpdf", "--qdf --object-streams=disable " + quote(pdf) + " " + quote(qdf)).exit_code == 0);
    const std::string objects = slurp(qdf);
    std::size_t figures = 0;
    for (std::size_t at = objects.find("/S /Figure"); at != std::string::npos; at = objects.find("/S /Figure", at + 1))
        ++figures;
    CHECK(figures == 2);  // the PNG and the JPEG; the others print words
    CHECK(has(objects, "/Alt (Framealt kitchen)"));
    CHECK(has(objects, "/Alt (Stillalt night)"));
    CHECK_FALSE(has(objects, "/Alt (Brokenalt"));
}

TEST_CASE("the JPEG is embedded byte for byte, not re-encoded", "[cli][images]") {
    auto& book = built();
    REQUIRE(book.result.exit_code == 0);
    const std::string jpeg = slurp(kFixtures + "still.jpg");
    REQUIRE(jpeg.size() > 100);
    CHECK(has(slurp(book.book.path("out/pictures.pdf")), jpeg));
}

TEST_CASE("drawn images print no alt text, the others print theirs and warn", "[cli][images]") {
    auto& book = built();
    INFO(book.result.output);
    INFO(book.text);
    CHECK_FALSE(has(book.text, "Framealt"));
    CHECK_FALSE(has(book.text, "Stillalt"));
    CHECK(has(book.text, "Inlinealt"));
    CHECK(has(book.text, "Brokenalt"));
    CHECK(has(book.text, "Missingalt"));
    CHECK(has(book.result.output, "essays/a.md:18:1: warning: image `figures/missing.png` not found"));
    CHECK(has(book.result.output,
              "essays/a.md:16:1: warning: image `images/figure-broken.png` cannot be drawn in print"));
}

TEST_CASE("a book with images rebuilds to the same PDF bytes", "[cli][images][reproducible]") {
    auto& book = built();
    REQUIRE(book.result.exit_code == 0);
    auto again = book.book.run("build", "-q --format pdf -o again");
    INFO(again.output);
    REQUIRE(again.exit_code == 0);
    CHECK(slurp(book.book.path("again/pictures.pdf")) == slurp(book.book.path("out/pictures.pdf")));
}
