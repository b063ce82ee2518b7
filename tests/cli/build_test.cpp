// End to end: build the sample book and check both outputs with the real
// validators (epubcheck, qpdf, pdffonts, pdftotext); the EPUB's entries are
// read back with libzip (epub_reader.hpp).

#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "epub_reader.hpp"
#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

namespace {

const std::string kEssays = std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/essays/";

// pdftotext output with line-end hyphens rejoined and whitespace collapsed,
// so words broken across lines are found whole.
std::string normalise(std::string text, bool join_hyphens) {
    if (join_hyphens) text = std::regex_replace(text, std::regex("-\n[\\s\\x0c]*"), "");
    text = std::regex_replace(text, std::regex("[\\s\\x0c]+"), " ");
    return text;
}

std::set<std::string> words_of(const std::string& text) {
    std::set<std::string> words;
    std::regex word("[A-Za-z]{4,}");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
        words.insert(it->str());
    }
    return words;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t found = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++found;
    return found;
}

}  // namespace

TEST_CASE("the sample book builds to a valid EPUB and PDF", "[cli][build]") {
    ScratchDir out("sample-build");
    auto build = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -q -o " + quote(out.path().string()));
    INFO(build.output);
    REQUIRE(build.exit_code == 0);
    const auto epub = out / "closeness.epub";
    const auto pdf = out / "closeness.pdf";

    SECTION("epubcheck reports no errors and no warnings") {
        auto check = epubcheck(quote(epub));
        INFO(check.output);
        CHECK(check.exit_code == 0);
        CHECK(check.output.find("No errors or warnings detected") != std::string::npos);
    }
    SECTION("the EPUB's nav and contents list each essay's title and author, as the print contents does") {
        const auto entries = zip_entries(epub);
        const std::string& nav = entries.at("OEBPS/nav.xhtml");
        const std::string& contents = entries.at("OEBPS/text/contents.xhtml");
        auto printed = run_tool("pdftotext", "-enc UTF-8 -f 5 -l 5 " + quote(pdf) + " -");
        REQUIRE(printed.exit_code == 0);
        const std::string print = normalise(printed.output, false);
        for (const char* words : {"Analysis of <em>Closeness</em> (2017)", "Closeness: A Film That Challenges the Liberal Narrative",
                                  "Vince Vanguard", "<i class=\"film-title\">Closeness</i> (2017)"}) {
            INFO(words);
            CHECK(nav.find(words) != std::string::npos);
            CHECK(contents.find(words) != std::string::npos);
            // The print contents says the same (in its own markup).
            const std::string plain = std::regex_replace(std::string(words), std::regex("<[^>]+>"), "");
            CHECK(print.find(plain) != std::string::npos);
        }
        // The byline stands apart, never run on after the lens.
        CHECK(nav.find("Press \u00B7 Vince Vanguard") != std::string::npos);
        CHECK(contents.find("<span class=\"contents-author\">Vince Vanguard</span>") != std::string::npos);
        // One rule for bold leads, as in print (classic: display).
        const std::string& realism = entries.at("OEBPS/text/f452008-realism.xhtml");
        CHECK(realism.find("class=\"lead-apart\"") != std::string::npos);
        CHECK(realism.find("class=\"run-in\"") == std::string::npos);
        // Index glosses keep their italics, as in print.
        const std::string& index = entries.at("OEBPS/text/index.xhtml");
        CHECK(index.find("(critic, <i>The Guardian</i>)") != std::string::npos);
        CHECK(index.find("(director of <i>Closeness</i>)") != std::string::npos);
    }
    SECTION("qpdf accepts the PDF and every font is embedded") {
        auto check = run_tool("qpdf", "--check " + quote(pdf));
        INFO(check.output);
        CHECK(check.exit_code == 0);
        auto fonts = run_tool("pdffonts", quote(pdf));
        INFO(fonts.output);
        REQUIRE(fonts.exit_code == 0);
        std::istringstream lines(fonts.output);
        std::string line;
        int listed = 0;
        while (std::getline(lines, line)) {
            if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
            ++listed;
            CHECK(std::regex_search(line, std::regex("\\s+yes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+$")));
        }
        CHECK(listed >= 3);
    }
    SECTION("pdftotext returns every word of all four essays, the scraped title once") {
        auto text = run_tool("pdftotext", "-enc UTF-8 " + quote(pdf) + " -");
        REQUIRE(text.exit_code == 0);
        // The text block alone (6x9 in page: running heads sit above 48 pt,
        // dropped folios below 592 pt), so a word hyphenated across a page
        // break is rejoined without the furniture between its halves.
        auto block = run_tool("pdftotext", "-enc UTF-8 -r 72 -x 0 -y 48 -W 432 -H 544 " + quote(pdf) + " -");
        REQUIRE(block.exit_code == 0);
        auto joined = normalise(block.output, true);
        auto kept = normalise(text.output, false);
        for (const char* file : {"closeness-metacritic.md", "closeness-realism.md", "closeness-signifier.md",
                                 "closeness-press.txt"}) {
            auto source = slurp(kEssays + file);
            REQUIRE_FALSE(source.empty());
            // The front matter is data, not text of the essay.
            if (source.rfind("---\n", 0) == 0) source = source.substr(source.find("\n---\n", 3) + 5);
            for (const auto& word : words_of(source)) {
                INFO(file << ": " << word);
                CHECK((joined.find(word) != std::string::npos || kept.find(word) != std::string::npos));
            }
        }
        // The scraped title stands once in the text block, on its opening
        // (the contents, page 5, and the running heads name it too).
        auto body = run("pdftotext -enc UTF-8 -r 72 -x 0 -y 48 -W 432 -H 544 -f 6 " + quote(pdf) + " -");
        CHECK(count(normalise(body.output, false), "Closeness: A Film That Challenges the Liberal Narrative") == 1);
        for (const char* accented : {"Édouard Louis", "Drakulić", "René Girard", "“negative epiphany.”", "—"}) {
            INFO(accented);
            CHECK(kept.find(accented) != std::string::npos);
        }
    }
}

TEST_CASE("two builds with the same SOURCE_DATE_EPOCH are byte-identical", "[cli][build][reproducible]") {
    ScratchDir first("repro-a"), second("repro-b");
    for (const auto* dir : {&first, &second}) {
        auto build = run("SOURCE_DATE_EPOCH=1700000000 " + quote(CINEFOLIO_BINARY) +
                         " build books/closeness/book.yaml -q -o " + quote(dir->path().string()));
        REQUIRE(build.exit_code == 0);
    }
    CHECK(slurp(first / "closeness.epub") == slurp(second / "closeness.epub"));
    CHECK(slurp(first / "closeness.pdf") == slurp(second / "closeness.pdf"));
    CHECK_FALSE(slurp(first / "closeness.pdf").empty());
}

TEST_CASE("the format option builds only what is asked", "[cli][build]") {
    ScratchDir out("format");
    auto build = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -q --format epub -o " +
                     quote(out.path().string()));
    REQUIRE(build.exit_code == 0);
    CHECK(std::filesystem::exists(out / "closeness.epub"));
    CHECK_FALSE(std::filesystem::exists(out / "closeness.pdf"));
}

TEST_CASE("booklets: one EPUB and PDF per film, built in parallel, each valid", "[cli][build][booklets]") {
    ScratchDir work("booklets");
    auto corpus = make_corpus(quote(work / "book") + " --films 3");
    REQUIRE(corpus.exit_code == 0);
    auto build = run(quote(CINEFOLIO_BINARY) + " build " + quote(work / "book/book.yaml") + " -q --booklets -o " +
                     quote(work / "out"));
    INFO(build.output);
    REQUIRE(build.exit_code == 0);
    // The booklets are named `<film-title-slug>-<movieId>`, as `booklets` names them.
    auto named = [&](const std::string& film, const std::string& extension) {
        for (const auto& entry : std::filesystem::directory_iterator(work / "out")) {
            const auto name = entry.path().filename().string();
            if (name.ends_with("-" + film + extension)) return entry.path().string();
        }
        return std::string();
    };
    for (const char* film : {"100000", "100007", "100014"}) {
        for (const char* extension : {".epub", ".pdf"}) {
            INFO(film << extension);
            CHECK_FALSE(named(film, extension).empty());
        }
    }
    CHECK(std::filesystem::exists(work / "out/book.epub"));
    CHECK(std::filesystem::exists(work / "out/book.pdf"));
    // A booklet holds its own film only, and says so in its contents.
    const auto booklet = named("100007", ".epub");
    const auto entries = zip_entries(booklet);
    REQUIRE(entries.count("OEBPS/nav.xhtml") == 1);
    const std::string& nav = entries.at("OEBPS/nav.xhtml");
    CHECK(nav.find("part-f100007.xhtml") != std::string::npos);
    CHECK(nav.find("part-f100000.xhtml") == std::string::npos);
    auto check = epubcheck(quote(booklet));
    INFO(check.output);
    CHECK(check.output.find("No errors or warnings detected") != std::string::npos);
    auto pdf = run_tool("qpdf", "--check " + quote(named("100007", ".pdf")));
    CHECK(pdf.exit_code == 0);
    // The same build twice gives the same bytes, whatever thread finished first.
    auto again = run(quote(CINEFOLIO_BINARY) + " build " + quote(work / "book/book.yaml") + " -q --booklets -o " +
                     quote(work / "again"));
    REQUIRE(again.exit_code == 0);
    const auto pdf_name = std::filesystem::path(named("100014", ".pdf")).filename().string();
    CHECK(slurp(work / ("out/" + pdf_name)) == slurp(work / ("again/" + pdf_name)));
    CHECK(slurp(work / "out/book.epub") == slurp(work / "again/book.epub"));
}
