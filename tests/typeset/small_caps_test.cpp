// Small capitals a face lacks: Linux Libertine draws them for Latin but
// not for Cyrillic. Such letters are set as capitals at the face's
// small-cap height, spaced a little, never as full-size lower case.

#include <catch2/catch.hpp>

#include "cinefolio/typeset/fonts.hpp"
#include "face.hpp"
#include "shaper.hpp"
#include "support/process.hpp"

using namespace cinefolio;
using namespace cinefolio::typeset;

namespace {

std::optional<FontSet> fonts_of(const std::string& face) {
    const std::string bytes = test::slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/fonts/" + face);
    base::Diagnostics diagnostics;
    return FontSet::load({bytes, {}, {}, {}, {}, {}}, diagnostics);
}

TextStyle small_caps(bool caps_to_small = false) {
    TextStyle style;
    style.size = 10;
    style.small_caps = true;
    style.caps_to_small = caps_to_small;
    style.tracking = 0.08;
    return style;
}

std::vector<std::uint32_t> ids(const ShapedRun& run) {
    std::vector<std::uint32_t> found;
    for (const auto& glyph : run.glyphs) found.push_back(glyph.id);
    return found;
}

}  // namespace

TEST_CASE("small caps: a face says which letters it has small capitals for", "[typeset][small-caps]") {
    auto libertine = fonts_of("linux-libertine/LinLibertine_R.otf");
    auto charis = fonts_of("charis-sil/CharisSIL-Regular.ttf");
    auto dejavu = fonts_of("dejavu/DejaVuSans.ttf");
    REQUIRE(libertine);
    REQUIRE(charis);
    REQUIRE(dejavu);
    const Face& l = libertine->face(FontStyle::regular);
    const Face& c = charis->face(FontStyle::regular);
    const Face& d = dejavu->face(FontStyle::regular);
    CHECK(l.has_small_cap(U'a', false));
    CHECK(l.has_small_cap(U'é', false));
    CHECK(l.has_small_cap(U'A', true));
    CHECK_FALSE(l.has_small_cap(U'а', false));  // Cyrillic a
    CHECK_FALSE(l.has_small_cap(U'А', true));
    CHECK(c.has_small_cap(U'а', false));
    CHECK(c.has_small_cap(U'я', false));
    CHECK_FALSE(d.has_small_cap(U'a', false));
    // Libertine's small capitals stand 0.714 of its capitals; a face
    // without any takes 0.78.
    CHECK(l.small_cap_scale() == Approx(0.714).margin(0.01));
    CHECK(c.small_cap_scale() == Approx(0.815).margin(0.01));
    CHECK(d.small_cap_scale() == Approx(0.78));
}

TEST_CASE("small caps: Cyrillic in Libertine is set in capitals at the small-cap size", "[typeset][small-caps]") {
    auto fonts = fonts_of("linux-libertine/LinLibertine_R.otf");
    REQUIRE(fonts);
    base::Diagnostics diagnostics;
    Shaper shaper(*fonts, diagnostics);
    const std::string text = "Андрей Тарковский";
    // As the design sets names (spaced_small_caps): capitals small too.
    const TextStyle style = small_caps(true);
    const auto runs = shaper.shape_with_fallback(text, 0, text.size(), style);
    REQUIRE(runs.size() == 1);
    const ShapedRun& run = runs[0];
    CHECK(run.style.capitals_for_small);
    CHECK_FALSE(run.style.small_caps);
    CHECK(run.style.size == Approx(10 * fonts->face(FontStyle::regular).small_cap_scale()));
    // Tracked in ems of its own size, at least 0.05 em.
    CHECK(run.style.tracking == Approx(0.08));
    TextStyle untracked = small_caps(true);
    untracked.tracking = 0;
    CHECK(shaper.shape_with_fallback(text, 0, text.size(), untracked).at(0).style.tracking == Approx(0.05));
    // The glyphs are the capitals', and point back into the text as written.
    TextStyle capitals;
    capitals.size = run.style.size;
    const auto expected = shaper.shape("АНДРЕЙ ТАРКОВСКИЙ", capitals);
    CHECK(ids(run) == ids(expected));
    CHECK(run.begin == 0);
    CHECK(run.end == text.size());
    REQUIRE(run.glyphs.size() == expected.glyphs.size());
    for (std::size_t g = 0; g < run.glyphs.size(); ++g) CHECK(run.glyphs[g].cluster == expected.glyphs[g].cluster);
    for (const auto& glyph : run.glyphs) CHECK(glyph.id != 0);
    CHECK(diagnostics.all().empty());
}

TEST_CASE("small caps: a line in Latin and Cyrillic keeps drawn small capitals for Latin", "[typeset][small-caps]") {
    auto fonts = fonts_of("linux-libertine/LinLibertine_R.otf");
    REQUIRE(fonts);
    base::Diagnostics diagnostics;
    Shaper shaper(*fonts, diagnostics);
    const std::string text = "Andrei Tarkovsky, «Андрей Тарковский», 1975";
    const auto runs = shaper.shape_with_fallback(text, 0, text.size(), small_caps(true));
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].style.small_caps);
    CHECK_FALSE(runs[0].style.capitals_for_small);
    CHECK(text.substr(runs[0].begin, runs[0].end - runs[0].begin) == "Andrei Tarkovsky, «");
    CHECK(runs[1].style.capitals_for_small);
    // Punctuation and figures stay with the letters before them.
    CHECK(text.substr(runs[1].begin, runs[1].end - runs[1].begin) == "Андрей Тарковский», 1975");
    CHECK(diagnostics.all().empty());
}

TEST_CASE("small caps: capitals to small capitals (c2sc) fall back alike", "[typeset][small-caps]") {
    auto fonts = fonts_of("linux-libertine/LinLibertine_R.otf");
    REQUIRE(fonts);
    base::Diagnostics diagnostics;
    Shaper shaper(*fonts, diagnostics);
    const std::string latin = "TARKOVSKY";
    const auto drawn = shaper.shape_with_fallback(latin, 0, latin.size(), small_caps(true));
    REQUIRE(drawn.size() == 1);
    CHECK_FALSE(drawn[0].style.capitals_for_small);
    const std::string cyrillic = "ТАРКОВСКИЙ";
    const auto capitals = shaper.shape_with_fallback(cyrillic, 0, cyrillic.size(), small_caps(true));
    REQUIRE(capitals.size() == 1);
    CHECK(capitals[0].style.capitals_for_small);
    // Without c2sc a capital is a capital: only lower case falls back, as
    // "Andrei" keeps its full-size A before small capitals.
    const auto plain_capitals = shaper.shape_with_fallback(cyrillic, 0, cyrillic.size(), small_caps(false));
    REQUIRE(plain_capitals.size() == 1);
    CHECK_FALSE(plain_capitals[0].style.capitals_for_small);
    const std::string name = "Андрей";
    const auto initial = shaper.shape_with_fallback(name, 0, name.size(), small_caps(false));
    REQUIRE(initial.size() == 2);
    CHECK(name.substr(initial[0].begin, initial[0].end) == "А");
    CHECK_FALSE(initial[0].style.capitals_for_small);
    CHECK(initial[0].style.size == 10);
    CHECK(initial[1].style.capitals_for_small);
}

TEST_CASE("small caps: a face with Cyrillic small capitals draws them", "[typeset][small-caps]") {
    auto fonts = fonts_of("charis-sil/CharisSIL-Regular.ttf");
    REQUIRE(fonts);
    base::Diagnostics diagnostics;
    Shaper shaper(*fonts, diagnostics);
    const std::string text = "Андрей Тарковский";
    const auto runs = shaper.shape_with_fallback(text, 0, text.size(), small_caps());
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].style.small_caps);
    CHECK_FALSE(runs[0].style.capitals_for_small);
}

TEST_CASE("small caps: a piece shaped again in the stand-in style is capitals too", "[typeset][small-caps]") {
    // The line builder reshapes the two sides of a hyphenation break in
    // their run's style; the stand-in style must give capitals there too.
    auto fonts = fonts_of("linux-libertine/LinLibertine_R.otf");
    REQUIRE(fonts);
    base::Diagnostics diagnostics;
    Shaper shaper(*fonts, diagnostics);
    const std::string text = "тарковский";
    const auto runs = shaper.shape_with_fallback(text, 0, text.size(), small_caps());
    REQUIRE(runs.size() == 1);
    const auto piece = shaper.shape("тарков", runs[0].style);
    TextStyle capitals;
    capitals.size = runs[0].style.size;
    capitals.tracking = runs[0].style.tracking;
    CHECK(ids(piece) == ids(shaper.shape("ТАРКОВ", capitals)));
}
