// The copyright page, in print and in the EPUB: the ISBNs, the edition and
// the printer's key the manifest gives, on the role's own leading; never
// the derived identifier or a build stamp.

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "cli_fixture.hpp"
#include "epub_reader.hpp"

using namespace cinefolio::test;

namespace {

const std::string manifest_head =
    "title: Closeness\n"
    "creators: [The Editors]\n"
    "publisher: Small Press\n"
    "rights: © 2026 the authors. All rights reserved.\n"
    "date: 2026-11-22\n"
    "essays: [essays/]\n";

/// The text of the PDF page that says "Published by".
std::string copyright_text(const std::string& pdf) {
    for (int page = 1; page <= 8; ++page) {
        const auto text = run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                              quote(pdf) + " -");
        if (text.output.find("Published by") != std::string::npos) return text.output;
    }
    return {};
}

/// The file `book` wrote into out/ with this extension ("" if none).
std::string written(const Book& book, const std::string& extension) {
    for (const auto& entry : std::filesystem::directory_iterator(book.path("out")))
        if (entry.path().extension() == extension) return entry.path().string();
    return {};
}

/// A scratch book of one essay with `extra` in its manifest, built.
void build(const Book& book, const std::string& extra, const std::string& options) {
    book.write("book.yaml", manifest_head + extra);
    book.write("essays/a.md", essay("REALISM", "A paragraph about the film, long enough to be a paragraph.\n"));
    const auto result = book.run("build", "-o out -q " + options);
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
}

}  // namespace

TEST_CASE("the copyright page prints the ISBNs, the edition and the printer's key", "[cli][copyright]") {
    Book book("copyright-full");
    build(book,
          "isbn: 978-0-306-40615-7\nprint_isbn: 978-1-86197-876-9\nedition: Second edition, revised\nprinting: 2\n",
          "");
    const std::string text = copyright_text(written(book, ".pdf"));
    INFO(text);
    REQUIRE(!text.empty());
    CHECK(text.find("© 2026 the authors. All rights reserved.") != std::string::npos);
    CHECK(text.find("Published by Small Press, 2026") != std::string::npos);
    CHECK(text.find("Second edition, revised") != std::string::npos);
    CHECK(text.find("10 9 8 7 6 5 4 3 2") != std::string::npos);
    CHECK(text.find("3 2 1") == std::string::npos);
    CHECK(text.find("ISBN 978-1-86197-876-9 (print)") != std::string::npos);
    CHECK(text.find("ISBN 978-0-306-40615-7 (EPUB)") != std::string::npos);
    CHECK(text.find("urn:") == std::string::npos);
    CHECK(text.find("Built") == std::string::npos);

    const std::string epub = written(book, ".epub");
    const auto entries = zip_entries(epub);
    const auto found = entries.find("OEBPS/text/copyright.xhtml");
    REQUIRE(found != entries.end());
    const std::string& xhtml = found->second;
    CHECK(xhtml.find("Second edition, revised") != std::string::npos);
    CHECK(xhtml.find("10 9 8 7 6 5 4 3 2") != std::string::npos);
    CHECK(xhtml.find("ISBN 978-1-86197-876-9 (print)") != std::string::npos);
    CHECK(xhtml.find("ISBN 978-0-306-40615-7 (EPUB)") != std::string::npos);
    const auto check = run("java -jar /usr/share/java/epubcheck.jar -q " + quote(epub));
    INFO(check.output);
    CHECK(check.exit_code == 0);
}

TEST_CASE("the copyright page never prints a derived identifier, and keeps its leading", "[cli][copyright]") {
    Book book("copyright-plain");
    build(book, "", "--format pdf");
    const std::string pdf = written(book, ".pdf");
    const std::string text = copyright_text(pdf);
    INFO(text);
    REQUIRE(!text.empty());
    CHECK(text.find("urn:uuid") == std::string::npos);
    CHECK(text.find("Built") == std::string::npos);
    CHECK(text.find("ISBN") == std::string::npos);
    // The lines of one group sit one leading apart (the classic style's
    // copyright role: 9 pt on 11.5 pt), groups one blank line apart.
    const auto boxes = run("pdftotext -bbox-layout -f 1 -l 8 " + quote(pdf) + " -");
    std::smatch rights;
    std::smatch published;
    const std::regex line_of(R"re(<line xMin="[0-9.]+" yMin="([0-9.]+)"[^>]*>\s*<word[^>]*>©)re");
    const std::regex published_of(R"re(<line xMin="[0-9.]+" yMin="([0-9.]+)"[^>]*>\s*<word[^>]*>Published)re");
    REQUIRE(std::regex_search(boxes.output, rights, line_of));
    REQUIRE(std::regex_search(boxes.output, published, published_of));
    const double gap = std::stod(published[1]) - std::stod(rights[1]);
    CHECK(gap == Approx(2 * 11.5).margin(0.6));
}

TEST_CASE("bad `printing` values are errors at their place", "[cli][copyright]") {
    for (const char* value : {"0", "100", "two", "[1]"}) {
        Book book("copyright-bad");
        book.write("book.yaml", manifest_head + "printing: " + value + "\n");
        book.write("essays/a.md", essay("REALISM"));
        const auto result = book.run("check");
        INFO(value << "\n" << result.output);
        CHECK(result.exit_code != 0);
        CHECK(result.output.find("book.yaml:7:") != std::string::npos);
        CHECK(result.output.find("`printing`") != std::string::npos);
    }
}
