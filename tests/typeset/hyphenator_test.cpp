// Hyphenation in other languages: Debian's pattern files in their own
// character sets (German ISO8859-1, Russian KOI8-R), breaks counted by
// character, and the letters each language keeps at a word's edges.

#include "hyphenator.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

using namespace cinefolio;

namespace {

// The patterns scripts/setup.sh installs (hyphen-fr, hyphen-de, …).
std::string patterns(const std::string& name) {
    const std::string path = "/usr/share/hyphen/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) FAIL("no " << path << ": scripts/setup.sh installs Debian's hyphen-* packages");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The word with a hyphen at each place it may break.
std::string shown(const typeset::Hyphenator& hyphenator, const std::string& word) {
    std::string out;
    std::size_t from = 0;
    for (std::size_t point : hyphenator.points(word)) {
        out += word.substr(from, point - from) + "-";
        from = point;
    }
    return out + word.substr(from);
}

}  // namespace

TEST_CASE("Russian patterns in KOI8-R hyphenate UTF-8 words between letters", "[typeset][hyphenation]") {
    const typeset::Hyphenator russian(patterns("hyph_ru_RU.dic"), {}, false, "ru");
    REQUIRE(russian.enabled());
    CHECK(shown(russian, "наполовину") == "напо-лови-ну");
    CHECK(shown(russian, "называют") == "на-зы-вают");
    CHECK(shown(russian, "действительно") == "дей-стви-тель-но");
    CHECK(russian.left_minimum() == 2);
    CHECK(russian.right_minimum() == 2);
}

TEST_CASE("German patterns in ISO8859-1 read umlauts", "[typeset][hyphenation]") {
    const typeset::Hyphenator german(patterns("hyph_de_DE.dic"), {}, false, "de");
    REQUIRE(german.enabled());
    CHECK(shown(german, "übersetzung") == "über-set-zung");
    CHECK(shown(german, "größenordnung") == "grö-ßen-ord-nung");
}

TEST_CASE("French keeps three letters after a break, as its typography asks", "[typeset][hyphenation]") {
    // hyph_fr.dic says RIGHTHYPHENMIN 2; French typography wants 3.
    const typeset::Hyphenator french(patterns("hyph_fr.dic"), {}, false, "fr-CA");
    REQUIRE(french.enabled());
    CHECK(french.left_minimum() == 2);
    CHECK(french.right_minimum() == 3);
    CHECK(shown(french, "matières") == "ma-tières");
    CHECK(shown(french, "cinématographique") == "ci-né-ma-to-gra-phique");
    CHECK(shown(french, "cinéma") == "ci-néma");  // never "ciné-ma"
    // Italian and Spanish take their patterns' own minimums.
    CHECK(typeset::Hyphenator(patterns("hyph_it_IT.dic"), {}, false, "it").right_minimum() == 2);
    CHECK(typeset::Hyphenator(patterns("hyph_es_ES.dic"), {}, false, "es").right_minimum() == 2);
}

TEST_CASE("English keeps its minimums of two and three letters", "[typeset][hyphenation]") {
    const typeset::Hyphenator english(patterns("hyph_en_US.dic"));
    REQUIRE(english.enabled());
    CHECK(english.left_minimum() == 2);
    CHECK(english.right_minimum() == 3);
    CHECK(shown(english, "hyphenation") == "hy-phen-ation");
}

TEST_CASE("a pattern repeated in the file: the last one counts, as in libhyphen", "[typeset][hyphenation]") {
    // Debian's French and German files repeat patterns; libhyphen keeps the
    // last (and leaks the first, which the sanitizer pass would catch).
    const typeset::Hyphenator first_wins(std::string("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nb1a\n\nb2a\n"), {},
                                         false, "und");
    REQUIRE(first_wins.enabled());
    CHECK(shown(first_wins, "abababa") == "abababa");
    const typeset::Hyphenator last_wins(std::string("UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\nb2a\n\nb1a\n"), {},
                                        false, "und");
    CHECK(shown(last_wins, "abababa") == "ab-ab-aba");
}
