// Links of every shape CommonMark and GFM accept (tests/fixtures/links):
// the book builds to an EPUB epubcheck passes with no message at all and a
// PDF `qpdf --check` passes with no warning; the URL rule (model/url.hpp)
// writes each address valid or warns at the link and keeps its words.

#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_fixture.hpp"
#include "epub_reader.hpp"

using namespace cinefolio::test;

namespace {

namespace fs = std::filesystem;

struct Built {
    ScratchDir out{"links"};
    CommandResult result;
    std::map<std::string, std::string> entries;
    std::string pdf;

    Built() {
        const fs::path book = fs::path(CINEFOLIO_SOURCE_DIR) / "tests/fixtures/links";
        result = run("cd " + quote(book.string()) + " && timeout 300 " + quote(CINEFOLIO_BINARY) +
                     " build book.yaml -o " + quote(out.path().string()));
        entries = zip_entries(out / "links.epub");
        pdf = slurp(out / "links.pdf");
    }
};

// Built once per process: the checks below read the same outputs.
Built& links() {
    static Built built;
    return built;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("links of every shape give outputs the validators pass without a message", "[cli][links]") {
    auto& built = links();
    INFO(built.result.output);
    REQUIRE(built.result.exit_code == 0);
    auto check = run(epubcheck_command(built.out / "links.epub"));
    INFO(check.output);
    CHECK(has(check.output, "No errors or warnings detected"));
    CHECK(has(check.output, "Messages: 0 fatals / 0 errors / 0 warnings / 0 infos"));
    auto qpdf = run("qpdf --check " + quote(built.out / "links.pdf"));
    INFO(qpdf.output);
    CHECK(qpdf.exit_code == 0);
    CHECK(has(qpdf.output, "No syntax or stream encoding errors found"));
    CHECK_FALSE(has(qpdf.output, "WARNING"));
}

TEST_CASE("web links are written in the URL rule's form in both outputs", "[cli][links]") {
    auto& built = links();
    const auto& page = built.entries["OEBPS/text/f452008-realism.xhtml"];
    REQUIRE_FALSE(page.empty());
    // Parentheses stay in the EPUB; what a URI may not hold is encoded.
    CHECK(has(page, "href=\"https://en.wikipedia.org/wiki/Closeness_(film)\""));
    CHECK(has(page, "href=\"http://www.google.com/search?q=(business))+ok\""));
    CHECK(has(page, "href=\"http://example.com/%5C%5B%5C\""));
    CHECK(has(page, "href=\"https://example.com/%5Bbrackets%5D\""));
    CHECK(has(page, "href=\"https://example.com/100%25\""));
    CHECK(has(page, "href=\"https://example.com/a#b%23c\""));
    CHECK(has(page, "href=\"https://example.com/a%20b%20c\""));
    CHECK(has(page, "href=\"mailto:editor@example.com?subject=Two%20words\""));
    // International and emoji hosts through IDNA.
    CHECK(has(page, "href=\"https://xn--bcher-kva.example/stra%C3%9Fe\""));
    CHECK(has(page, "href=\"https://xn--ls8h.la/\""));
    CHECK(has(page, "href=\"http://xn--n3h.net/\""));
    CHECK(has(page, "href=\"http://www.xn--bcher-kva.example/x\""));
    // In the PDF, parentheses are percent-encoded: Cairo 1.16 writes the
    // URI into a PDF string as it is.
    CHECK(has(built.pdf, "/URI (https://en.wikipedia.org/wiki/Closeness_%28film%29)"));
    CHECK(has(built.pdf, "/URI (http://www.google.com/search?q=%28business%29%29+ok)"));
    CHECK(has(built.pdf, "/URI (http://example.com/%5C%5B%5C)"));
    CHECK(has(built.pdf, "/URI (https://xn--ls8h.la/)"));
    CHECK_FALSE(has(built.pdf, "/URI (https://en.wikipedia.org/wiki/Closeness_(film))"));
}

TEST_CASE("an address no rule makes valid is a warning at the link and its words stay", "[cli][links]") {
    auto& built = links();
    const auto& out = built.result.output;
    INFO(out);
    CHECK(has(out,
              "essays/links.md:49:1: warning: link to `http://foo.bar.%60baz` is not a valid address: its host "
              "`foo.bar.`baz` holds a backtick, which no host name may; its text is kept"));
    CHECK(has(out,
              "essays/links.md:49:26: warning: link to `http://../` is not a valid address: its host `..` has "
              "an empty label"));
    CHECK(has(out,
              "essays/links.md:51:27: warning: link to `https://example.com:99999/` is not a valid address: its "
              "port `99999` is not a number from 0 to 65535"));
    CHECK(has(out, "essays/links.md:51:57: warning: link to `http:///no-host` is not a valid address: it has no host"));
    CHECK(has(out,
              "essays/links.md:51:76: warning: link to `http:no-slashes.example` is not a valid address: "
              "expected `//` after `http:`"));
    // A GFM autolink has no position from cmark: it is found in its line.
    CHECK(has(out, "essays/links.md:57:48: warning: link to `http://foo.bar.`baz`` is not a valid address"));
    CHECK(has(out, "essays/links.md:70:1: warning: link to `https://example.com/xxxx"));
    CHECK(has(out, "is 40020 bytes long, more than the 8000 a web server is sure to accept"));
    // Other schemes keep their old warning, now at the autolink's column.
    CHECK(has(out, "essays/links.md:50:27: warning: link to `a+b+c:d` dropped"));
    const auto& page = built.entries["OEBPS/text/f452008-realism.xhtml"];
    CHECK(has(page, "http://../"));
    CHECK_FALSE(has(page, "href=\"http://../\""));
    CHECK_FALSE(has(page, "%60baz\""));
    CHECK_FALSE(has(built.pdf, "/URI (http://..)"));
}

TEST_CASE("links between the fixture's essays still reach their chapters", "[cli][links]") {
    auto& built = links();
    const auto& page = built.entries["OEBPS/text/f452008-realism.xhtml"];
    CHECK(has(page, "href=\"f452008-signifier.xhtml#f452008-signifier\""));
    CHECK(has(page, "href=\"part-f452008.xhtml#f452008\""));
}
