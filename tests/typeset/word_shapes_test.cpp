// The word memo (word_shapes.hpp) must give the glyphs whole-run shaping
// gives: same ids, clusters, advances and unsafe-to-break flags.

#include <catch2/catch.hpp>

#include "cinefolio/typeset/fonts.hpp"
#include "cinefolio/typeset/typeset.hpp"
#include "face.hpp"
#include "shaper.hpp"
#include "support/process.hpp"
#include "text_cache.hpp"

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


namespace {

// A memo that has shaped kText in three styles and hyphenated its words.
std::shared_ptr<TextCache> filled_memo(const FontSet& fonts, const Settings& settings) {
    auto memo = make_text_cache(settings, "en");
    base::Diagnostics diagnostics;
    Shaper shaper(fonts, diagnostics, memo->words);
    TextStyle italic;
    italic.font = FontStyle::italic;
    for (const TextStyle& style : {TextStyle{}, italic}) shaper.shape(kText, style);
    for (const char* word : {"hyphenation", "Closeness", "affine", "typographical", "office"})
        memo->hyphenator.points(word);
    return memo;
}

}  // namespace

TEST_CASE("text memo: restored from its bytes it shapes and hyphenates as it did, and saves the same bytes",
          "[typeset][shaper][cache]") {
    const std::string regular = test::slurp(CINEFOLIO_SOURCE_DIR "/fonts/linux-libertine/LinLibertine_R.otf");
    const std::string italic = test::slurp(CINEFOLIO_SOURCE_DIR "/fonts/linux-libertine/LinLibertine_RI.otf");
    base::Diagnostics diagnostics;
    auto fonts = FontSet::load({regular, italic, {}, {}, {}, {}}, diagnostics);
    REQUIRE(fonts);
    Settings settings;
    settings.hyphenation_patterns = test::slurp("/usr/share/hyphen/hyph_en_US.dic");
    REQUIRE_FALSE(settings.hyphenation_patterns.empty());
    auto memo = filled_memo(*fonts, settings);
    const std::string bytes = save_text_cache(*memo);
    REQUIRE(text_cache_size(*memo) > 30);

    auto restored = make_text_cache(settings, "en");
    REQUIRE(restore_text_cache(*restored, bytes));
    CHECK(text_cache_size(*restored) == text_cache_size(*memo));
    CHECK(save_text_cache(*restored) == bytes);
    // Its answers are the ones shaping and hyphenating give.
    CHECK(restored->hyphenator.points("hyphenation") == memo->hyphenator.points("hyphenation"));
    CHECK_FALSE(restored->hyphenator.points("typographical").empty());
    Shaper whole(*fonts, diagnostics);
    Shaper from_memo(*fonts, diagnostics, restored->words);
    check_same_glyphs(from_memo.shape(kText, TextStyle{}), whole.shape(kText, TextStyle{}));
    CHECK(text_cache_size(*restored) == text_cache_size(*memo));  // nothing was shaped again

    // Restoring twice adds nothing.
    REQUIRE(restore_text_cache(*restored, bytes));
    CHECK(save_text_cache(*restored) == bytes);
}

TEST_CASE("text memo: cut, padded or foreign bytes are refused whole", "[typeset][cache]") {
    const std::string regular = test::slurp(CINEFOLIO_SOURCE_DIR "/fonts/linux-libertine/LinLibertine_R.otf");
    base::Diagnostics diagnostics;
    auto fonts = FontSet::load({regular, {}, {}, {}, {}, {}}, diagnostics);
    REQUIRE(fonts);
    Settings settings;
    settings.hyphenation_patterns = test::slurp("/usr/share/hyphen/hyph_en_US.dic");
    const std::string bytes = save_text_cache(*filled_memo(*fonts, settings));
    // Refusing takes nothing, so one empty memo serves every try.
    auto fresh = make_text_cache(settings, "en");
    auto refused = [&](const std::string& damaged) {
        const bool taken = restore_text_cache(*fresh, damaged);
        return !taken && text_cache_size(*fresh) == 0;
    };
    // Every cut short of the whole.
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        INFO("cut to " << size << " of " << bytes.size() << " bytes");
        REQUIRE(refused(bytes.substr(0, size)));
    }
    CHECK(refused(bytes + '\0'));
    CHECK(refused("cinefolio text memo 0\n" + bytes.substr(22)));
    // A count too large for the bytes that follow.
    std::string huge = bytes;
    huge[22] = huge[23] = huge[24] = huge[25] = '\xff';
    CHECK(refused(huge));
    // Another language's memo (the section names its hyphenator).
    auto french = make_text_cache(settings, "fr");
    CHECK_FALSE(restore_text_cache(*french, bytes));
    // Noise.
    std::string noise(4096, '\0');
    std::uint32_t state = 12345;
    for (char& byte : noise) byte = static_cast<char>((state = state * 1103515245 + 12345) >> 24);
    CHECK(refused(noise));
    CHECK(refused(std::string("cinefolio text memo 1\n") + noise));
}
