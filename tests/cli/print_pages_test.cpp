// The print edition's page numbers, seen from outside: the PDF's
// /PageLabels (read by qpdf) give each page the folio printed on it, and
// the EPUB's index cites those folios (read back through pdftotext).

#include <catch2/catch.hpp>
#include <regex>

#include "epub_reader.hpp"
#include "support/pdf_pages.hpp"
#include "support/pdf_text.hpp"
#include "support/process.hpp"
#include "support/sample_index.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find_first_not_of(" \t\f") != std::string::npos) lines.push_back(line);
    return lines;
}

std::vector<std::string> tokens_of(const std::string& line) {
    std::vector<std::string> tokens;
    std::istringstream in(line);
    for (std::string token; in >> token;) tokens.push_back(token);
    return tokens;
}

bool is_folio(const std::string& token) {
    return std::regex_match(token, std::regex("[0-9]+|[ivxlc]+"));
}

// The folios a page prints: in the running head (its first line, at either
// end) or alone on its last line (a drop folio under a chapter opening).
std::vector<std::string> printed_folios(const std::string& page_text) {
    std::vector<std::string> folios;
    auto lines = lines_of(page_text);
    if (lines.empty()) return folios;
    auto head = tokens_of(lines.front());
    if (head.size() > 1) {
        if (is_folio(head.front())) folios.push_back(head.front());
        if (is_folio(head.back())) folios.push_back(head.back());
    }
    auto foot = tokens_of(lines.back());
    if (foot.size() == 1 && is_folio(foot.front())) folios.push_back(foot.front());
    return folios;
}

std::string page_text(const std::string& pdf, int page) {
    const std::string number = std::to_string(page + 1);
    return run_tool("pdftotext", "-layout -enc UTF-8 -f " + number + " -l " + number + " " + quote(pdf) + " -").output;
}

}  // namespace

TEST_CASE("the PDF's page labels are the folios printed on its pages", "[cli][print]") {
    ScratchDir out("page-labels");
    auto build = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -q --format pdf -o " +
                     quote(out.path().string()));
    REQUIRE(build.exit_code == 0);
    const std::string pdf = out / "closeness.pdf";
    const int pages = page_count(pdf);
    const auto labels = page_labels(pdf, pages);
    CHECK(labels.front() == "i");
    CHECK(std::find(labels.begin(), labels.end(), "1") != labels.end());
    int checked = 0;
    for (int page = 0; page < pages; ++page) {
        for (const auto& folio : printed_folios(page_text(pdf, page))) {
            INFO("PDF page " << page + 1 << " prints " << folio << ", labelled " << labels[page]);
            CHECK(folio == labels[page]);
            ++checked;
        }
    }
    // Roman folios in the front matter and arabic ones in the body.
    CHECK(checked >= pages / 2);
}

TEST_CASE("the EPUB's index cites the print edition's pages", "[cli][print][index]") {
    ScratchDir out("epub-pages");
    auto build = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -q -o " + quote(out.path().string()));
    REQUIRE(build.exit_code == 0);
    const std::string pdf = out / "closeness.pdf";
    const int pages = page_count(pdf);
    const auto labels = page_labels(pdf, pages);
    // Read with libzip, not an unzip tool the set-up would have to install.
    const auto entries = zip_entries(out / "closeness.epub");
    REQUIRE(entries.count("OEBPS/text/index.xhtml") == 1);
    const std::string& index = entries.at("OEBPS/text/index.xhtml");

    // Each entry's term and the numbers of its locators.
    const std::regex entry_term(R"(<span epub:type="index-term">([^<]+)</span>)");
    const std::regex locator(R"(<a epub:type="index-locator" href="[^"]+">([^<]+)</a>)");
    int cited = 0;
    std::istringstream lines(index);
    std::map<std::string, std::string> texts;  // folio -> normalized page text
    for (std::string line; std::getline(lines, line);) {
        std::smatch term;
        if (!std::regex_search(line, term, entry_term)) continue;
        const std::string heading = std::regex_replace(term[1].str(), std::regex("&amp;"), "&");
        // A line holds one entry's locators, until its subentries begin.
        const std::string own = line.substr(0, line.find("<ul"));
        for (auto it = std::sregex_iterator(own.begin(), own.end(), locator); it != std::sregex_iterator(); ++it) {
            const std::string folio = (*it)[1];
            INFO(heading << " cites " << folio);
            REQUIRE(std::regex_match(folio, std::regex("[0-9]+")));
            auto page = std::find(labels.begin(), labels.end(), folio);
            REQUIRE(page != labels.end());
            auto& text = texts[folio];
            if (text.empty()) {
                const std::string raw = page_text(pdf, static_cast<int>(page - labels.begin()));
                // The page as printed, and with words hyphenated at a line
                // end rejoined ("mas-" / "sacre").
                text = normalized(raw) + "\n" + normalized(std::regex_replace(raw, std::regex("([a-z])-\n\\s*"), "$1"));
            }
            CHECK(sample_forms(heading).shown_in(text));
            ++cited;
        }
    }
    CHECK(cited > 50);
}

TEST_CASE("an EPUB built alone is the EPUB built with its PDF", "[cli][print]") {
    ScratchDir both("epub-with-pdf"), alone("epub-alone");
    auto with_pdf =
        run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -q -o " + quote(both.path().string()));
    auto epub_only = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -q --format epub -o " +
                         quote(alone.path().string()));
    REQUIRE(with_pdf.exit_code == 0);
    REQUIRE(epub_only.exit_code == 0);
    // Print-only warnings (lines set beyond tolerance) stay out of an EPUB build.
    CHECK(epub_only.output.find("tolerance") == std::string::npos);
    CHECK(slurp(both / "closeness.epub") == slurp(alone / "closeness.epub"));
}
