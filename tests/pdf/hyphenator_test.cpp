// Hyphenation points and the manifest's exception list.

#include <catch2/catch.hpp>

#include "hyphenator.hpp"
#include "support/process.hpp"

using cinefolio::typeset::Hyphenator;

namespace {
const std::string& patterns() {
    static const std::string bytes = cinefolio::test::slurp("/usr/share/hyphen/hyph_en_US.dic");
    return bytes;
}
}  // namespace

TEST_CASE("words break where the patterns allow, 2 letters left and 3 right", "[typeset][hyphenation]") {
    REQUIRE_FALSE(patterns().empty());
    Hyphenator hyphenator(patterns());
    auto points = hyphenator.points("hyphenation");
    CHECK_FALSE(points.empty());
    for (auto point : points) {
        CHECK(point >= 2);
        CHECK(point <= std::string("hyphenation").size() - 3);
    }
    // A capitalised word is a name or a title: whole, unless names may break.
    CHECK(hyphenator.points("Photography").empty());
    const Hyphenator names(patterns(), {}, true);
    CHECK(names.points("Photography") == names.points("photography"));  // capitals are lowered for the patterns
    CHECK_FALSE(names.points("Photography").empty());
    // An exception still says where a name breaks.
    const Hyphenator editor(patterns(), {"Po-lit-kov-skaya"});
    CHECK(editor.points("Politkovskaya") == std::vector<std::size_t>{2, 5, 8});
}

TEST_CASE("words in the exception list are never hyphenated, whatever their case", "[typeset][hyphenation]") {
    Hyphenator hyphenator(patterns(), {"photography", "Hyphenation"});
    CHECK(hyphenator.points("Photography").empty());
    CHECK(hyphenator.points("HYPHENATION").empty());
    CHECK_FALSE(hyphenator.points("demonstration").empty());
}

TEST_CASE("an exception written with hyphens breaks only there, as in TeX", "[typeset][hyphenation]") {
    Hyphenator hyphenator(patterns(), {"Po-lit-kov-skaya", "pho-tography"});
    CHECK(hyphenator.points("Politkovskaya") == std::vector<std::size_t>{2, 5, 8});
    CHECK(hyphenator.points("POLITKOVSKAYA") == std::vector<std::size_t>{2, 5, 8});  // whatever the case
    CHECK(hyphenator.points("photography") == std::vector<std::size_t>{3});
}

TEST_CASE("without patterns nothing is hyphenated", "[typeset][hyphenation]") {
    Hyphenator hyphenator("");
    CHECK_FALSE(hyphenator.enabled());
    CHECK(hyphenator.points("hyphenation").empty());
}
