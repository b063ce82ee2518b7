// The printed index of the sample book checked through pdftotext: every
// locator's page holds the entry's term (or an alias), and the index prints
// the folio of every locator.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <functional>
#include <set>

#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/typeset.hpp"
#include "cli.hpp"
#include "sample_book.hpp"
#include "support/pdf_text.hpp"
#include "support/process.hpp"
#include "support/sample_index.hpp"
#include "support/tools.hpp"

using namespace cinefolio;
using test::normalized;

namespace {

struct Printed {
    typeset::PagedDocument document;
    std::vector<std::string> pages;  // pdftotext's text of each PDF page, normalized
    model::Book book;
};

const Printed& printed() {
    static const Printed result = [] {
        Printed out;
        base::SourceMap sources;
        base::Diagnostics diagnostics;
        auto loaded =
            cli::load_book(std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/book.yaml", sources, diagnostics);
        REQUIRE(loaded);
        out.book = loaded->book;
        const auto options = test::sample_options();
        auto fonts = test::sample_fonts(diagnostics);
        REQUIRE(fonts);
        typeset::Settings settings;
        settings.hyphenation_patterns = options.hyphenation_patterns;
        auto document = typeset::typeset(out.book, settings, *fonts, diagnostics);
        REQUIRE(document);
        out.document = std::move(*document);
        const auto pdf = test::print_pdf(out.book, options, diagnostics);
        REQUIRE(pdf);
        test::ScratchDir dir("index-pages");
        const auto path = dir.write("book.pdf", *pdf);
        const auto text = test::run_tool("pdftotext", "-enc UTF-8 " + test::quote(path) + " -");
        std::size_t begin = 0;
        for (std::size_t end; (end = text.output.find('\f', begin)) != std::string::npos; begin = end + 1) {
            out.pages.push_back(normalized(text.output.substr(begin, end - begin)));
        }
        return out;
    }();
    return result;
}

void for_each_entry(const std::vector<model::IndexEntry>& entries,
                    const std::function<void(const model::IndexEntry&)>& visit) {
    for (const auto& entry : entries) {
        visit(entry);
        for_each_entry(entry.subentries, visit);
    }
}

}  // namespace

TEST_CASE("every index locator's page shows the term", "[pdf][index]") {
    const auto& book = printed();
    REQUIRE_FALSE(book.book.index.empty());
    REQUIRE(book.pages.size() == book.document.pages.size());
    int checked = 0;
    for (const auto& group : book.book.index.groups) {
        for_each_entry(group.entries, [&](const model::IndexEntry& entry) {
            const auto forms = test::sample_forms(entry.heading);
            for (const auto& locator : entry.locators) {
                const auto found = book.document.anchor_pages.find(locator.anchor_id);
                REQUIRE(found != book.document.anchor_pages.end());
                const auto& page = book.pages[static_cast<std::size_t>(found->second)];
                const bool shown = forms.shown_in(page);
                INFO(entry.heading << " cited on PDF page " << found->second + 1 << " (folio "
                                   << book.document.anchor_labels.at(locator.anchor_id) << ")");
                CHECK(shown);
                ++checked;
            }
        });
    }
    CHECK(checked > 20);
}

TEST_CASE("the printed index cites each locator's folio after its heading", "[pdf][index]") {
    const auto& book = printed();
    const auto start = book.document.anchor_pages.find("index");
    REQUIRE(start != book.document.anchor_pages.end());
    std::string index_text;
    for (std::size_t p = static_cast<std::size_t>(start->second); p < book.pages.size(); ++p)
        index_text += book.pages[p] + " ";
    CHECK(index_text.find("index") != std::string::npos);
    for (const auto& lens : book.book.lenses) CHECK(index_text.find(normalized(lens.label)) != std::string::npos);
    for (const auto& group : book.book.index.groups) {
        for (const auto& entry : group.entries) {
            const auto at = index_text.find(normalized(entry.heading));
            INFO(entry.heading);
            REQUIRE(at != std::string::npos);
            for (const auto& locator : entry.locators) {
                const std::string folio = book.document.anchor_labels.at(locator.anchor_id);
                CHECK(index_text.find(folio, at) != std::string::npos);
                // Folios are arabic body pages, never the front matter's roman ones.
                CHECK(std::isdigit(static_cast<unsigned char>(folio.front())));
            }
        }
    }
}

TEST_CASE("an index anchor records the page of its own line, not its paragraph's first", "[typeset][index]") {
    const auto& book = printed();
    int past_first_page = 0;
    for (const auto& group : book.book.index.groups) {
        for_each_entry(group.entries, [&](const model::IndexEntry& entry) {
            for (const auto& locator : entry.locators) {
                const int anchor = book.document.anchor_pages.at(locator.anchor_id);
                const int block = book.document.anchor_pages.at(locator.block_id);
                CHECK(anchor >= block);
                CHECK(anchor <= block + 2);
                past_first_page += anchor > block;
            }
        });
    }
    // Some of the sample's terms fall in paragraphs that cross a page break.
    CHECK(past_first_page > 0);
    CHECK(book.document.anchor_labels.size() == book.document.anchor_pages.size());
}

TEST_CASE("each index locator links to the page whose folio it prints", "[pdf][index]") {
    const auto& book = printed();
    const std::size_t start = static_cast<std::size_t>(book.document.anchor_pages.at("index"));
    int links = 0;
    for (std::size_t p = start; p < book.document.pages.size(); ++p) {
        for (const auto& link : book.document.pages[p].links) {
            if (link.destination.rfind("page.", 0) != 0) continue;
            ++links;
            const std::string folio = link.destination.substr(5);
            int holders = 0;
            for (const auto& page : book.document.pages) {
                for (const auto& destination : page.destinations) {
                    if (destination.name != link.destination) continue;
                    ++holders;
                    CHECK(page.label == folio);
                }
            }
            CHECK(holders == 1);
        }
    }
    CHECK(links > 20);
}

TEST_CASE("glosses keep their italics in the printed and the EPUB index", "[pdf][index]") {
    // The sample: "Bradshaw, Peter (critic, The Guardian)", extracted from
    // "Peter Bradshaw (*The Guardian*)", and the curated "director of *Closeness*".
    const auto& document = printed().document;
    const int index = document.anchor_pages.at("index");
    std::set<std::string> italic_runs;
    for (std::size_t p = static_cast<std::size_t>(index); p < document.pages.size(); ++p)
        for (const auto& run : document.pages[p].runs)
            if (run.font == typeset::FontStyle::italic) italic_runs.insert(run.text);
    auto italic = [&](const std::string& words) {
        return std::any_of(italic_runs.begin(), italic_runs.end(),
                           [&](const std::string& run) { return run.find(words) != std::string::npos; });
    };
    CHECK(italic("The Guardian"));
    CHECK(italic("Closeness"));
    // The rest of the gloss stays roman.
    CHECK(std::none_of(italic_runs.begin(), italic_runs.end(),
                       [](const std::string& run) { return run.rfind("critic", 0) == 0; }));
}

namespace {

// Everything of a layout but how its lines look: what an EPUB takes from it
// and what decides it (every line's record, every page's marks).
std::string layout_facts(const typeset::PagedDocument& document) {
    std::string out = std::to_string(document.pages.size()) + " pages; " + document.colophon + "\n";
    for (const auto& page : document.pages) {
        out += "page " + page.label + ":";
        // Folio destinations ("page.12") exist for the links citing them,
        // which only a painted layout keeps.
        for (const auto& destination : page.destinations)
            if (destination.name.rfind("page.", 0) != 0)
                out += " @" + destination.name + "/" + std::to_string(destination.y);
        out += "\n";
        for (const auto& line : page.lines)
            out += "  " + std::to_string(line.y) + " " + line.block + "+" + std::to_string(line.offset) + " " +
                   line.text + "\n";
    }
    for (const auto& start : document.page_starts)
        out += "start " + std::to_string(start.page) + " " + start.label + " " + start.block_id + "+" +
               std::to_string(start.offset) + "\n";
    for (const auto& [anchor, page] : document.anchor_pages) out += anchor + " p" + std::to_string(page) + "\n";
    for (const auto& [anchor, label] : document.anchor_labels) out += anchor + " " + label + "\n";
    for (const auto& entry : document.outline)
        out += "outline " + entry.title + " " + std::to_string(entry.level) + " " + std::to_string(entry.page) + " " +
               std::to_string(entry.y) + "\n";
    return out;
}

std::size_t glyph_count(const typeset::PagedDocument& document) {
    std::size_t count = 0;
    for (const auto& page : document.pages)
        for (const auto& run : page.runs) count += run.glyphs.size();
    return count;
}

}  // namespace

TEST_CASE("a layout without glyphs is the same layout", "[typeset][index]") {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto loaded = cli::load_book(std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/book.yaml", sources, diagnostics);
    REQUIRE(loaded);
    auto fonts = test::sample_fonts(diagnostics);
    REQUIRE(fonts);
    // The sample book (its index, figures, notes) and the tests' own (lists,
    // tables, headings), each set with and without glyphs.
    const model::Book tests_book = test::sample_book();
    for (const model::Book* book : std::vector<const model::Book*>{&loaded->book, &tests_book}) {
        const model::Book& setting = *book;
        typeset::Settings settings;
        settings.hyphenation_patterns = test::sample_options().hyphenation_patterns;
        auto full = typeset::typeset(setting, settings, *fonts, diagnostics);
        settings.glyphs = false;
        auto bare = typeset::typeset(setting, settings, *fonts, diagnostics);
        REQUIRE(full);
        REQUIRE(bare);
        CHECK(glyph_count(*full) > 10000);
        CHECK(glyph_count(*bare) == 0);
        CHECK(full->page_starts.size() > 5);
        CHECK(layout_facts(*bare) == layout_facts(*full));
    }
}
