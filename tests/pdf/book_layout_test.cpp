// The book around the paragraphs, checked over the typeset pages of the
// sample and of a generated 10-film corpus: recto openings, running heads
// that name the film, a contents whose folios are the openings' pages,
// hyphenation a book wants, and an index whose ranges hold together.

#include <catch2/catch.hpp>

#include <regex>

#include "cinefolio/typeset/typeset.hpp"
#include "cli.hpp"
#include "sample_book.hpp"
#include "support/process.hpp"

using namespace cinefolio;

namespace {

struct Laid {
    model::Book book;
    std::vector<std::string> exceptions;  // the manifest's hyphenation_exceptions
    typeset::PagedDocument document;
};

// Loads a book as the command line does and typesets it with its design.
Laid lay_out(const std::string& manifest_path) {
    Laid laid;
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto loaded = cli::load_book(manifest_path, sources, diagnostics);
    REQUIRE(loaded);
    laid.book = loaded->book;
    laid.exceptions = loaded->manifest.hyphenation_exceptions;
    auto fonts = test::sample_fonts(diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.design = loaded->design;
    settings.hyphenation_patterns = test::slurp("/usr/share/hyphen/hyph_en_US.dic");
    settings.hyphenation_exceptions = loaded->manifest.hyphenation_exceptions;
    auto document = typeset::typeset(laid.book, settings, *fonts, diagnostics);
    REQUIRE(document);
    laid.document = std::move(*document);
    return laid;
}

const Laid& sample() {
    static const Laid laid = lay_out(std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/book.yaml");
    return laid;
}

const Laid& corpus() {
    static const test::ScratchDir dir("book-layout-corpus");
    static const Laid laid = [] {
        const auto book = (dir.path() / "book").string();
        const auto made = test::run("python3 " + test::quote(std::string(CINEFOLIO_SOURCE_DIR) + "/tests/bench/make_corpus.py") +
                                    " " + test::quote(book) + " --films 10 --index");
        REQUIRE(made.exit_code == 0);
        return lay_out(book + "/book.yaml");
    }();
    return laid;
}

std::string film_heading(const model::Part& part) {
    return part.year ? part.title + " (" + std::to_string(*part.year) + ")" : part.title;
}

// The texts of the runs set on a page's running-head baseline (above the
// text block's first line).
std::vector<std::string> heads_of(const typeset::Page& page, double first_baseline) {
    std::vector<std::string> heads;
    for (const auto& run : page.runs) {
        if (!run.glyphs.empty() && run.glyphs[0].y < first_baseline - 12) heads.push_back(run.text);
    }
    return heads;
}

void check_book(const Laid& laid) {
    const auto& document = laid.document;
    std::size_t essays = 0;
    for (const auto& part : laid.book.parts) {
        for (const auto& chapter : part.chapters) {
            INFO(chapter.id);
            const int page = document.anchor_pages.at(chapter.id);
            // 0-based even pages are rectos.
            CHECK(page % 2 == 0);
            ++essays;
        }
    }
    CHECK(essays > 0);

    // Versos of running text name their film; rectos the essay.
    int versos = 0;
    for (const auto& part : laid.book.parts) {
        const int first = document.anchor_pages.at(part.chapters.front().id);
        const int last = part.id == laid.book.parts.back().id
                             ? document.anchor_pages.at("index") - 1
                             : document.anchor_pages.at(laid.book.parts[&part - &laid.book.parts[0] + 1].id) - 1;
        for (int p = first; p <= last; ++p) {
            const auto& page = document.pages[static_cast<std::size_t>(p)];
            if (p % 2 == 0 || page.lines.empty()) continue;
            const auto heads = heads_of(page, 65);
            INFO("page " << page.label);
            if (heads.empty()) continue;  // an opening or a blank
            CHECK(std::find(heads.begin(), heads.end(), film_heading(part)) != heads.end());
            ++versos;
        }
    }
    CHECK(versos > 0);

    for (const auto& page : document.pages) {
        if (page.lines.empty()) continue;
        INFO("page " << page.label << ": " << page.lines.back().text);
        // No word is carried over a page turn.
        CHECK_FALSE(page.lines.back().hyphenated);
        for (const auto& line : page.lines) {
            if (!line.hyphenated) continue;
            // The broken word is the last of the line: never a capitalised one.
            const auto space = line.text.find_last_of(" \u00a0");
            const std::string word = line.text.substr(space == std::string::npos ? 0 : space + 1);
            INFO(line.text);
            REQUIRE(!word.empty());
            // Unless the editor said where the name breaks (Po-lit-kov-skaya).
            const std::string piece = word.substr(0, word.size() - 1);
            const bool allowed = std::any_of(laid.exceptions.begin(), laid.exceptions.end(), [&](const std::string& e) {
                std::string letters;
                for (char c : e) if (c != '-') letters += c;
                return e.find('-') != std::string::npos && letters.rfind(piece, 0) == 0;
            });
            if (!allowed) CHECK_FALSE(std::isupper(static_cast<unsigned char>(word[0])));
        }
    }
}

}  // namespace

TEST_CASE("essays open on rectos, versos name the film, no word crosses a page or breaks a name", "[typeset][layout]") {
    SECTION("the sample") { check_book(sample()); }
    SECTION("a generated 10-film corpus") { check_book(corpus()); }
}

TEST_CASE("the contents names each essay by its own title and author, at the folio where it opens", "[typeset][layout]") {
    const auto& laid = sample();
    const auto& contents_page = laid.document.pages.at(static_cast<std::size_t>(laid.document.anchor_pages.at("contents")));
    std::string text;
    for (const auto& line : contents_page.lines) text += line.text + "\n";
    INFO(text);
    for (const auto& part : laid.book.parts) {
        CHECK(text.find(film_heading(part)) != std::string::npos);
        for (const auto& chapter : part.chapters) {
            const std::string title = chapter.subtitle.empty() ? chapter.title : model::plain_text(chapter.subtitle);
            const auto& label =
                laid.document.pages[static_cast<std::size_t>(laid.document.anchor_pages.at(chapter.id))].label;
            INFO(title << " at " << label);
            CHECK(text.find(title) != std::string::npos);
            if (!chapter.author.empty()) CHECK(text.find(chapter.author) != std::string::npos);
        }
    }
    // The folios the contents prints are the openings' page labels, in order.
    std::vector<std::string> printed;
    std::regex folio("^\\d+$");
    for (const auto& run : contents_page.runs) {
        if (std::regex_match(run.text, folio)) printed.push_back(run.text);
    }
    std::vector<std::string> expected;
    for (const auto& part : laid.book.parts) {
        expected.push_back(laid.document.pages[static_cast<std::size_t>(laid.document.anchor_pages.at(part.id))].label);
        for (const auto& chapter : part.chapters)
            expected.push_back(
                laid.document.pages[static_cast<std::size_t>(laid.document.anchor_pages.at(chapter.id))].label);
    }
    expected.push_back(laid.document.pages[static_cast<std::size_t>(laid.document.anchor_pages.at("index"))].label);
    // The contents' own folio (v) is roman: only arabic numbers are collected.
    CHECK(printed == expected);
}

TEST_CASE("no index line ends inside a number range", "[typeset][layout]") {
    for (const Laid* laid : {&sample(), &corpus()}) {
        const int index = laid->document.anchor_pages.at("index");
        int lines = 0;
        for (std::size_t p = static_cast<std::size_t>(index); p < laid->document.pages.size(); ++p) {
            for (const auto& line : laid->document.pages[p].lines) {
                ++lines;
                INFO(line.text);
                CHECK_FALSE(std::regex_search(line.text, std::regex("[0-9](-|\u2013)$")));
            }
        }
        CHECK(lines > 20);
    }
}
