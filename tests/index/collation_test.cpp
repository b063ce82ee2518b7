// Index collation against hand-written Chicago (18th ed.) examples.

#include <catch2/catch.hpp>

#include "cinefolio/index/index.hpp"

using cinefolio::index::collation_order;
using cinefolio::index::invert_name;

namespace {

std::vector<std::string> sorted(const std::vector<std::string>& headings, const std::vector<bool>& titles = {},
                                const std::string& language = "en") {
    std::vector<std::string> out;
    for (auto i : collation_order(headings, titles, language)) out.push_back(headings[i]);
    return out;
}

}  // namespace

TEST_CASE("word by word: a space sorts before any letter", "[index][collation]") {
    // Chicago 15.68: New York before Newark; old age before oldfangled.
    CHECK(sorted({"Newark", "Newman", "New York", "new deal"}) ==
          std::vector<std::string>{"new deal", "New York", "Newark", "Newman"});
    CHECK(sorted({"oldfangled", "old age", "Old Testament"}) ==
          std::vector<std::string>{"old age", "Old Testament", "oldfangled"});
}

TEST_CASE("an inverted name's comma ends the first unit", "[index][collation]") {
    // Chicago 15.69: London, Jack before London Bridge.
    CHECK(sorted({"London Bridge", "London, Jack", "Londonderry"}) ==
          std::vector<std::string>{"London, Jack", "London Bridge", "Londonderry"});
    CHECK(sorted({"Louise, Anne", "Louis, Édouard", "Louis XIV"}) ==
          std::vector<std::string>{"Louis, Édouard", "Louis XIV", "Louise, Anne"});
}

TEST_CASE("diacritics and case are ignored at the first level", "[index][collation]") {
    CHECK(sorted({"Egypt", "Édouard", "Eden"}) == std::vector<std::string>{"Eden", "Édouard", "Egypt"});
    CHECK(sorted({"Ćirić, Ana", "Cirillo, Bea", "Chekhov, Anton"}) ==
          std::vector<std::string>{"Chekhov, Anton", "Ćirić, Ana", "Cirillo, Bea"});
    CHECK(sorted({"snuff film", "Sokurov, Alexander", "Secondhand Time"}) ==
          std::vector<std::string>{"Secondhand Time", "snuff film", "Sokurov, Alexander"});
}

TEST_CASE("a work's leading article is ignored, a person's name is not", "[index][collation]") {
    CHECK(sorted({"The End of Eddy", "Eden", "A Small Corner of Hell", "Sontag, Susan", "The Guardian"},
                 {true, false, true, false, true}) ==
          std::vector<std::string>{"Eden", "The End of Eddy", "The Guardian", "A Small Corner of Hell", "Sontag, Susan"});
    // French articles for a French book.
    CHECK(sorted({"Le Mépris", "Lola", "La Jetée"}, {true, false, true}, "fr") ==
          std::vector<std::string>{"La Jetée", "Lola", "Le Mépris"});
}

TEST_CASE("numerals come before letters", "[index][collation]") {
    CHECK(sorted({"Abraham", "4:3 aspect ratio", "1999 massacre"}) ==
          std::vector<std::string>{"1999 massacre", "4:3 aspect ratio", "Abraham"});
}

TEST_CASE("names are inverted for the heading", "[index]") {
    CHECK(invert_name("Louise Bourgeois") == "Bourgeois, Louise");
    CHECK(invert_name("Simone de Beauvoir") == "Beauvoir, Simone de");
    CHECK(invert_name("Emmanuel  Levinas") == "Levinas, Emmanuel");
    CHECK(invert_name("Plato") == "Plato");
}
