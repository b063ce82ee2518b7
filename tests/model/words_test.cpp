// The book's words: one table per language, phrases with a place for their
// value, and the one way names are joined.

#include "cinefolio/model/words.hpp"

#include <catch2/catch.hpp>

using namespace cinefolio;

TEST_CASE("a language finds its table by its primary subtag, else English", "[model][words]") {
    const model::Words& english = model::words_for("en");
    CHECK(english.contents == "Contents");
    CHECK(&model::words_for("en-GB") == &english);
    CHECK(&model::words_for("EN-us") == &english);
    // No other table yet: a book in another language still gets words.
    CHECK(&model::words_for("fr") == &english);
    CHECK(&model::words_for("") == &english);
}

TEST_CASE("every phrase of the English table has a place for its value", "[model][words]") {
    const model::Words& words = model::words_for("en");
    for (std::string_view phrase : {words.edited_by_names, words.cover_of, words.directed_by, words.published_by,
                                    words.isbn, words.built, words.set_in, words.film_number, words.index_note_print}) {
        INFO(phrase);
        CHECK(phrase.find("{}") != std::string_view::npos);
    }
    CHECK(model::fill(words.isbn, "978-0-306-40615-7") == "ISBN 978-0-306-40615-7");
    CHECK(model::fill(words.set_in, "Linux Libertine O") == "Set in Linux Libertine O with cinefolio");
    CHECK(model::fill("Contents", "ignored") == "Contents");
    auto parts = model::around(words.directed_by);
    CHECK(parts.before == "directed by ");
    CHECK(parts.after.empty());
}

TEST_CASE("names are joined one way: A, A and B, A, B and C", "[model][words]") {
    const model::Words& words = model::words_for("en");
    CHECK(model::join_names({}, words).empty());
    CHECK(model::join_names({"A"}, words) == "A");
    CHECK(model::join_names({"A", "B"}, words) == "A and B");
    CHECK(model::join_names({"A", "B", "C"}, words) == "A, B and C");
}
