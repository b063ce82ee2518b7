// The page structure the typesetter builds: front matter, openings, folios.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "cinefolio/typeset/typeset.hpp"
#include "sample_book.hpp"

using namespace cinefolio;

namespace {

typeset::PagedDocument sample_document() {
    const auto options = test::sample_options();
    base::Diagnostics diagnostics;
    auto fonts = typeset::FontSet::load({options.fonts.regular, options.fonts.italic, options.fonts.bold,
                                         options.fonts.bold_italic, options.fonts.mono,
                                         {options.fonts.fallbacks.begin(), options.fonts.fallbacks.end()}},
                                        diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.hyphenation_patterns = options.hyphenation_patterns;
    auto document = typeset::typeset(test::sample_book(), settings, *fonts, diagnostics);
    REQUIRE(document);
    return *document;
}

}  // namespace

TEST_CASE("front matter has roman folios and the body starts at 1 on a recto", "[typeset]") {
    const auto document = sample_document();
    REQUIRE(document.pages.size() > 8);
    CHECK(document.pages[0].label == "i");
    CHECK(document.pages[4].label == "v");
    const auto first_part = document.anchor_pages.at("f1");
    CHECK(first_part % 2 == 0);  // 0-based even: a right-hand page
    CHECK(document.pages[static_cast<std::size_t>(first_part)].label == "1");
    CHECK(document.anchor_pages.at("contents") == 4);
}

TEST_CASE("every block's page is recorded, and links find their destinations", "[typeset]") {
    const auto document = sample_document();
    const int realism = document.anchor_pages.at("f1-realism");
    // The first paragraph opens the essay; the hunt heading (block 3) comes later.
    CHECK(document.anchor_pages.at("f1-realism-b1") == realism);
    CHECK(document.anchor_pages.at("f1-realism-b3") >= realism);
    CHECK(document.anchor_pages.at("f2-feminism-b5") >= document.anchor_pages.at("f2-feminism"));
    std::set<std::string> destinations;
    for (const auto& page : document.pages) {
        for (const auto& destination : page.destinations) destinations.insert(destination.name);
    }
    int internal_links = 0;
    for (const auto& page : document.pages) {
        for (const auto& link : page.links) {
            if (link.destination.empty()) continue;
            ++internal_links;
            CHECK(destinations.count(link.destination) == 1);
        }
    }
    CHECK(internal_links == 5);  // the contents: two films, three essays
}

TEST_CASE("parts open on rectos and every essay on a new page", "[typeset]") {
    const auto document = sample_document();
    CHECK(document.anchor_pages.at("f2") % 2 == 0);
    const int realism = document.anchor_pages.at("f1-realism");
    const int formalism = document.anchor_pages.at("f1-formalism");
    CHECK(realism == document.anchor_pages.at("f1") + 2);  // after the part page's blank back
    CHECK(formalism > realism);
    CHECK(document.anchor_pages.at("f2-feminism") == document.anchor_pages.at("f2") + 2);
}

TEST_CASE("the outline runs book, contents, film, essay", "[typeset]") {
    const auto document = sample_document();
    REQUIRE(document.outline.size() == 7);
    CHECK(document.outline[0].title == "Closeness");
    CHECK(document.outline[0].level == 0);
    CHECK(document.outline[1].title == "Contents");
    CHECK(document.outline[2].title == "La Règle du jeu (1939)");
    CHECK(document.outline[2].level == 1);
    CHECK(document.outline[3].title == "Realism: The Rules of Closeness");
    CHECK(document.outline[3].level == 2);
    CHECK(document.outline[5].title == "Late Spring");
}

TEST_CASE("glyphs stay inside the text block of their side of the spread", "[typeset]") {
    const auto document = sample_document();
    // 6 x 9 in at 11 pt: a 306 pt measure, inner margin 54, outer 72;
    // protruding punctuation may hang up to 3 pt into either margin.
    const double protrusion = 3;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const double left = p % 2 == 0 ? 54 : 72;
        for (const auto& run : document.pages[p].runs) {
            for (const auto& glyph : run.glyphs) {
                INFO("page " << p + 1 << " text '" << run.text << "'");
                CHECK(glyph.x >= left - protrusion);
                CHECK(glyph.x < left + 306);
                CHECK(glyph.y > 30);
                CHECK(glyph.y < 610);
            }
        }
    }
}

TEST_CASE("the trace lists pages, runs and links", "[typeset]") {
    const std::string trace = typeset::trace(sample_document());
    CHECK(trace.find("page 1 label 'i'") != std::string::npos);
    CHECK(trace.find("run regular 22.00") != std::string::npos);  // a chapter title
    CHECK(trace.find("-> https://example.org/hunt") != std::string::npos);
    CHECK(trace.find("destination 'f1-realism'") != std::string::npos);
}

TEST_CASE("justified lines are neither overfull nor hyphenated three times in a row", "[typeset]") {
    const auto document = sample_document();
    int run = 0;
    int lines = 0;
    int expanded = 0;
    for (const auto& page : document.pages) {
        for (const auto& line : page.lines) {
            INFO(line.text);
            ++lines;
            CHECK(line.ratio >= -1.0 - 1e-6);
            CHECK(std::abs(line.expansion) <= 0.02 + 1e-9);
            expanded += line.expansion != 0;
            run = line.hyphenated ? run + 1 : 0;
            CHECK(run <= 2);
        }
    }
    CHECK(lines > 100);
    CHECK(expanded > 0);  // font expansion is on by default
}

TEST_CASE("a character the text face lacks comes from the fallback face", "[typeset]") {
    auto book = test::sample_book();
    model::Block block;
    block.kind = model::BlockKind::paragraph;
    // Armenian and Georgian: not in Linux Libertine, in DejaVu Sans.
    block.inlines = {{model::InlineKind::text, "Parajanov’s Նռան գույնը and ფიროსმანი.", {}, {}, {}}};
    book.parts[0].chapters[0].blocks.push_back(block);
    const auto options = test::sample_options();
    base::Diagnostics diagnostics;
    auto fonts = typeset::FontSet::load({options.fonts.regular, options.fonts.italic, options.fonts.bold,
                                         options.fonts.bold_italic, options.fonts.mono,
                                         {options.fonts.fallbacks.begin(), options.fonts.fallbacks.end()}},
                                        diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.hyphenation_patterns = options.hyphenation_patterns;
    auto document = typeset::typeset(book, settings, *fonts, diagnostics);
    REQUIRE(document);
    CHECK(diagnostics.warning_count() == 0);
    bool found = false;
    for (const auto& page : document->pages) {
        for (const auto& run : page.runs) {
            if (run.text.find("Նռան") != std::string::npos) {
                found = true;
                CHECK(run.fallback == 1);
                for (const auto& glyph : run.glyphs) CHECK(glyph.id != 0);
            }
        }
    }
    CHECK(found);
}

TEST_CASE("pages handed out as the films are set are the pages of the whole book", "[typeset]") {
    const auto options = test::sample_options();
    base::Diagnostics diagnostics;
    auto fonts = test::sample_fonts(diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.hyphenation_patterns = options.hyphenation_patterns;
    for (const int threads : {1, 2}) {
        INFO("threads " << threads);
        settings.threads = threads;
        const auto whole = typeset::typeset(test::sample_book(), settings, *fonts, diagnostics);
        REQUIRE(whole);
        std::vector<typeset::Page> handed;
        const auto streamed = typeset::typeset(test::sample_book(), settings, *fonts, diagnostics,
                                               [&](typeset::Page&& page) { handed.push_back(std::move(page)); });
        REQUIRE(streamed);
        REQUIRE(streamed->pages.size() == whole->pages.size());
        // The front matter stays in the document; the body went to the sink
        // and left its labels behind.
        const std::size_t front = whole->pages.size() - handed.size();
        REQUIRE(front == static_cast<std::size_t>(whole->anchor_pages.at("f1")));
        typeset::PagedDocument from_sink = *streamed;
        for (std::size_t p = 0; p < handed.size(); ++p) {
            CHECK(streamed->pages[front + p].runs.empty());
            CHECK(streamed->pages[front + p].label == handed[p].label);
            from_sink.pages[front + p] = handed[p];
        }
        CHECK(typeset::trace(from_sink) == typeset::trace(*whole));
        CHECK(streamed->outline.size() == whole->outline.size());
        CHECK(streamed->anchor_labels == whole->anchor_labels);
        // Every body page that prints can be cited by its folio.
        for (std::size_t p = 0; p < handed.size(); ++p) {
            const auto& page = handed[p];
            if (page.runs.empty() && page.rules.empty() && page.images.empty()) continue;
            const auto named = std::any_of(page.destinations.begin(), page.destinations.end(), [&](const auto& d) {
                return d.name == "page." + page.label;
            });
            CHECK(named);
        }
    }
}
