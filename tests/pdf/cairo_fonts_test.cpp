// The painter's Cairo faces: made once per font set and kept with it, so
// no Cairo face of a set is destroyed while a thread paints with the set.

#include <catch2/catch.hpp>

#include <cairo.h>

#include <memory>

#include "cairo_fonts.hpp"
#include "sample_book.hpp"

using namespace cinefolio;

TEST_CASE("a font set makes its painter state once and shares it with its copies") {
    base::Diagnostics diagnostics;
    auto fonts = test::sample_fonts(diagnostics);
    REQUIRE(fonts);
    int made = 0;
    const auto make = [&made]() -> std::shared_ptr<const void> {
        ++made;
        return std::make_shared<int>(made);
    };
    const auto first = fonts->painter_state(make);
    const typeset::FontSet copy = *fonts;
    const auto second = copy.painter_state(make);
    CHECK(made == 1);
    CHECK(first == second);
}

TEST_CASE("the Cairo faces of a font set outlive its painters") {
    base::Diagnostics diagnostics;
    auto fonts = test::sample_fonts(diagnostics);
    REQUIRE(fonts);
    cairo_font_face_t* regular = nullptr;
    cairo_font_face_t* alternate = nullptr;
    cairo_font_face_t* fallback = nullptr;
    {
        const pdf::CairoFonts painter(*fonts);
        // The test's own references keep the faces readable below.
        regular = cairo_font_face_reference(painter.face(typeset::FontStyle::regular));
        alternate = cairo_font_face_reference(painter.alternate_face(typeset::FontStyle::regular, 0));
        fallback = cairo_font_face_reference(painter.face(typeset::FontStyle::regular, 1));
        const pdf::CairoFonts other(*fonts);
        CHECK(other.face(typeset::FontStyle::regular) == regular);
        CHECK(other.alternate_face(typeset::FontStyle::regular, 0) == alternate);
        CHECK(other.face(typeset::FontStyle::regular, 1) == fallback);
        CHECK(regular != alternate);
        CHECK(regular != fallback);
    }
    // Both painters are gone: the set still holds each face besides the
    // test, so none can reach its end on whichever thread Cairo lets go
    // of its last scaled font.
    CHECK(cairo_font_face_get_reference_count(regular) > 1);
    CHECK(cairo_font_face_get_reference_count(alternate) > 1);
    CHECK(cairo_font_face_get_reference_count(fallback) > 1);
    const pdf::CairoFonts later(*fonts);
    CHECK(later.face(typeset::FontStyle::regular) == regular);
    cairo_font_face_destroy(regular);
    cairo_font_face_destroy(alternate);
    cairo_font_face_destroy(fallback);
}
