// The word memo (word_shapes.hpp) must give the glyphs whole-run shaping
// gives: same ids, clusters, advances and unsafe-to-break flags.

#include <catch2/catch.hpp>

#include "cinefolio/typeset/fonts.hpp"
#include "face.hpp"
#include "shaper.hpp"
#include "support/process.hpp"

using namespace cinefolio;
using namespace cinefolio::typeset;

namespace {

const char* const kText =
    "Kantemir Balagov\u2019s Closeness (2017) \u2014 a film of fifty-one “takes”, affine flights, "
    "Wolves, Tavern, AV, To Ye, office ffl... 1911\u20132010. T. V. Yakovlev; F. Ovchinnikov’s “Vow”  end.";

std::optional<FontSet> fonts_of(const std::string& face) {
    const std::string bytes = test::slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/fonts/" + face);
    base::Diagnostics diagnostics;
    return FontSet::load({bytes, {}, {}, {}, {}, {}}, diagnostics);
}

/// The memo's glyphs are the whole run's, one by one.
void check_same_glyphs(const ShapedRun& found, const ShapedRun& expected) {
    REQUIRE(found.glyphs.size() == expected.glyphs.size());
    for (std::size_t g = 0; g < expected.glyphs.size(); ++g) {
        INFO("glyph " << g);
        CHECK(found.glyphs[g].id == expected.glyphs[g].id);
        CHECK(found.glyphs[g].cluster == expected.glyphs[g].cluster);
        CHECK(found.glyphs[g].advance == expected.glyphs[g].advance);
        CHECK(found.glyphs[g].x_offset == expected.glyphs[g].x_offset);
        CHECK(found.glyphs[g].y_offset == expected.glyphs[g].y_offset);
        CHECK(found.glyphs[g].unsafe_to_break == expected.glyphs[g].unsafe_to_break);
    }
}

}  // namespace

TEST_CASE("word shapes: memoized words shape as the whole run does, in every bundled face", "[typeset][shaper]") {
    for (const char* face : {"linux-libertine/LinLibertine_R.otf", "linux-libertine/LinLibertine_RI.otf",
                             "linux-libertine/LinLibertine_RB.otf", "linux-libertine/LinLibertine_M.otf",
                             "charis-sil/CharisSIL-Regular.ttf", "charis-sil/CharisSIL-Italic.ttf",
                             "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSansMono.ttf"}) {
        INFO(face);
        auto fonts = fonts_of(face);
        REQUIRE(fonts);
        base::Diagnostics diagnostics;
        Shaper whole(*fonts, diagnostics);
        Shaper memoized(*fonts, diagnostics, std::make_shared<WordShapes>());
        for (TextStyle style : {TextStyle{}, [] { TextStyle s; s.small_caps = s.caps_to_small = true; s.tracking = 0.05; return s; }(),
                                [] { TextStyle s; s.oldstyle = true; s.size = 9; return s; }()}) {
            for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the memo
                check_same_glyphs(memoized.shape(kText, style), whole.shape(kText, style));
            }
        }
    }
}

TEST_CASE("word shapes: the classic style's faces take the memo", "[typeset][shaper]") {
    // Linux Libertine has no rule reading the space, so its words are
    // memoized; were that to change, the build would only be slower.
    auto fonts = fonts_of("linux-libertine/LinLibertine_R.otf");
    REQUIRE(fonts);
    CHECK(fonts->face(FontStyle::regular).space_is_inert());
}

TEST_CASE("word shapes: one memo for several languages and scripts gives each what its whole run gives",
          "[typeset][shaper]") {
    // Cyrillic runs shape as Cyrillic; Serbian and Macedonian ask for their
    // own italic forms (locl) where a face has them, Turkish for its dotted
    // i in small capitals: a word's glyphs are remembered per language and
    // script, never lent to another.
    const std::string text = "Теснота (2017) — фильм Кантемира Балагова; бгдпт «Closeness», fifi İstanbul.";
    for (const char* face : {"linux-libertine/LinLibertine_RI.otf", "charis-sil/CharisSIL-Italic.ttf"}) {
        INFO(face);
        auto fonts = fonts_of(face);
        REQUIRE(fonts);
        base::Diagnostics diagnostics;
        auto memo = std::make_shared<WordShapes>();
        TextStyle caps;
        caps.small_caps = true;
        for (int pass = 0; pass < 2; ++pass) {
            for (const char* language : {"en", "ru", "sr", "mk", "tr"}) {
                for (const TextStyle& style : {TextStyle{}, caps}) {
                    INFO(language << " pass " << pass << " small caps " << style.small_caps);
                    Shaper whole(*fonts, diagnostics);
                    Shaper memoized(*fonts, diagnostics, memo);
                    whole.set_language(language);
                    memoized.set_language(language);
                    check_same_glyphs(memoized.shape(text, style), whole.shape(text, style));
                }
            }
        }
    }
}
