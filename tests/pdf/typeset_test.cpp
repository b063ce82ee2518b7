// The page structure the typesetter builds: front matter, openings, folios.

#include <catch2/catch.hpp>

#include "cinefolio/typeset/typeset.hpp"
#include "sample_book.hpp"

using namespace cinefolio;

namespace {

typeset::PagedDocument sample_document() {
    const auto options = test::sample_options();
    base::Diagnostics diagnostics;
    auto fonts = typeset::FontSet::load({options.fonts.regular, options.fonts.italic, options.fonts.bold,
                                         options.fonts.bold_italic, options.fonts.mono},
                                        diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.hyphenation_patterns = options.hyphenation_patterns;
    settings.build_date = "2023-11-14";
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
    CHECK(first_part % 2 == 0);
    CHECK(document.anchor_pages.at("contents") == 4);
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

TEST_CASE("glyphs stay inside the page and lines inside the text block", "[typeset]") {
    const auto document = sample_document();
    for (const auto& page : document.pages) {
        for (const auto& run : page.runs) {
            for (const auto& glyph : run.glyphs) {
                CHECK(glyph.x >= 0);
                CHECK(glyph.x < document.width);
                CHECK(glyph.y > 0);
                CHECK(glyph.y < document.height);
            }
        }
    }
    CHECK(!typeset::trace(document).empty());
}
