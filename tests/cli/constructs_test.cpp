// The every-construct corpus (tests/hostile/constructs): whatever CommonMark
// and GFM accept builds with exit 0 to an EPUB epubcheck passes without
// errors or warnings and a PDF qpdf accepts; links follow the book's policy
// (kept, resolved to a chapter, or a warning with file and line and plain
// words); local images are embedded, remote and missing ones warned about.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "cli_fixture.hpp"
#include "epub_reader.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

namespace {

namespace fs = std::filesystem;

// A 2x2 RGB PNG (signature, IHDR, IDAT, IEND), written beside the essays.
const std::string kPng = std::string(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00\x02"
    "\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x11\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00"
    "\x44\x60\xe2\x3f\x03\x00\x1d\xf0\x03\xfd\xa0\x33\x09\x89\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42"
    "\x60\x82",
    74);

struct Built {
    Book book{"constructs"};
    CommandResult result;
    std::map<std::string, std::string> entries;

    Built() {
        const fs::path source = fs::path(CINEFOLIO_SOURCE_DIR) / "tests/hostile/constructs";
        for (const auto& entry : fs::recursive_directory_iterator(source)) {
            if (entry.is_regular_file()) book.write(fs::relative(entry.path(), source).string(), slurp(entry.path().string()));
        }
        book.write("essays/figures/still.png", kPng);
        result = run("cd " + quote(book.path("")) + " && timeout 300 " + quote(CINEFOLIO_BINARY) + " build book.yaml -o out");
        entries = zip_entries(book.path("out/every-construct.epub"));
    }
};

// Built once per process: the checks below read the same outputs.
Built& constructs() {
    static Built built;
    return built;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the every-construct corpus builds to outputs the validators accept", "[cli][constructs]") {
    auto& built = constructs();
    INFO(built.result.output);
    REQUIRE(built.result.exit_code == 0);
    auto check = epubcheck(quote(built.book.path("out/every-construct.epub")));
    INFO(check.output);
    CHECK(has(check.output, "No errors or warnings detected"));
    auto qpdf = run_tool("qpdf", "--check " + quote(built.book.path("out/every-construct.pdf")));
    INFO(qpdf.output);
    CHECK(qpdf.exit_code == 0);
}

TEST_CASE("links are kept, resolved to chapters, or reported with file and line", "[cli][constructs][links]") {
    auto& built = constructs();
    const auto& out = built.result.output;
    INFO(out);
    const auto& page = built.entries["OEBPS/text/f1-metacritic.xhtml"];
    REQUIRE_FALSE(page.empty());
    // Absolute web and mail links stay; reference definitions resolve, the
    // first of a duplicated label wins.
    CHECK(has(page, "href=\"https://example.com/ref\""));
    CHECK(has(page, "href=\"https://example.com/first\""));
    CHECK_FALSE(has(page, "https://example.com/second"));
    CHECK(has(page, "href=\"mailto:editor@example.com\""));
    CHECK(has(page, "href=\"https://example.com/a%20b\""));
    // A relative link to another essay lands on its chapter, across films.
    CHECK(has(page, "href=\"f1-realism.xhtml#f1-realism\">the blocks essay</a>"));
    CHECK(has(page, "href=\"f2-realism.xhtml#f2-realism\">a film"));
    CHECK(has(page, "href=\"f1-signifier.xhtml#f1-signifier\""));
    CHECK(has(page, "href=\"part-f1.xhtml#f1\""));
    CHECK(has(built.entries["OEBPS/text/f2-realism.xhtml"], "href=\"f1-metacritic.xhtml#f1-metacritic\""));
    // What resolves to nothing: a warning at the essay's line, plain words.
    CHECK(has(out, "essays/links.md:27:63: warning: link to `missing.md` is not an essay of this book"));
    CHECK(has(out, "essays/links.md:28:1: warning: link to `#no-such-place` names nothing in the book"));
    CHECK(has(out, "essays/links.md:28:49: warning: link to `../book.yaml` is not an essay of this book"));
    CHECK(has(page, "a missing essay"));
    CHECK_FALSE(has(page, "missing.md"));
    // Script and data links are dropped, their words kept.
    CHECK(has(out, "essays/links.md:30:10: warning: link to `javascript:alert(1)` dropped"));
    CHECK(has(out, "link to `vbscript:x` dropped"));
    CHECK(has(out, "link to `data:text/plain,hi` dropped"));
    CHECK(has(page, "a script"));
    CHECK_FALSE(has(page, "javascript:"));
}

TEST_CASE("local images are embedded once, remote and missing ones warn", "[cli][constructs][images]") {
    auto& built = constructs();
    const auto& out = built.result.output;
    INFO(out);
    const auto& page = built.entries["OEBPS/text/f1-metacritic.xhtml"];
    CHECK(built.entries.count("OEBPS/images/figure-still.png") == 1);
    CHECK(built.entries["OEBPS/images/figure-still.png"] == kPng);
    CHECK(has(page, "<img src=\"../images/figure-still.png\" alt=\"A still of the kitchen\""));
    CHECK(has(page, "<img src=\"../images/figure-still.png\" alt=\"The still again\""));
    CHECK(has(out, "essays/links.md:33:53: warning: remote image `https://example.com/poster.jpg` is not fetched"));
    CHECK(has(out, "warning: image `figures/missing.png` not found"));
    CHECK(has(page, "A remote poster"));
    CHECK(has(page, "A missing frame"));
    // In print, only the image alone in its paragraph (blocks.md) is drawn.
    auto list = run_tool("pdfimages", "-list " + quote(built.book.path("out/every-construct.pdf")));
    INFO(list.output);
    CHECK(std::count(list.output.begin(), list.output.end(), '\n') == 3);  // two header lines, one image
    CHECK(has(list.output, " image       2     2  rgb "));
}

TEST_CASE("footnotes defined twice, never referenced or never defined are reported", "[cli][constructs][footnotes]") {
    auto& built = constructs();
    const auto& out = built.result.output;
    INFO(out);
    CHECK(has(out, "essays/links.md:44:1: warning: footnote [^twice] is defined twice"));
    CHECK(has(out, "essays/links.md:45:1: warning: footnote [^never] is never referenced"));
    CHECK(has(out, "essays/links.md:37:18: warning: footnote [^undefined] is referenced but never defined"));
    CHECK(has(out, "essays/html.md:10:1: warning: raw HTML dropped"));
}

TEST_CASE("the every-construct book rebuilds byte for byte on one core or two", "[cli][constructs][reproducible]") {
    auto& built = constructs();
    REQUIRE(built.result.exit_code == 0);
    // The book and its per-film booklets are built by parallel threads; one
    // CPU serialises them, two let them interleave: no byte may depend on
    // the order they ran in.
    auto build = [&](const std::string& cpus, const std::string& folder) {
        auto pinned = cpus.empty() ? std::string() : "taskset -c " + cpus + " ";
        auto result = run("cd " + quote(built.book.path("")) + " && " + pinned + quote(CINEFOLIO_BINARY) +
                          " build book.yaml -q --booklets -o " + folder);
        INFO(result.output);
        REQUIRE(result.exit_code == 0);
    };
    build("0", "one-core");
    build("", "two-cores");  // every CPU the machine has
    std::size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(built.book.path("one-core"))) {
        auto name = entry.path().filename().string();
        INFO(name);
        CHECK(slurp(entry.path().string()) == slurp(built.book.path("two-cores/" + name)));
        ++compared;
    }
    CHECK(compared >= 6);  // the book and two booklets, EPUB and PDF each
    CHECK(slurp(built.book.path("one-core/every-construct.epub")) == slurp(built.book.path("out/every-construct.epub")));
}
