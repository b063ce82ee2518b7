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
    // A language without a table still gets words: English.
    CHECK(&model::words_for("nl") == &english);
    CHECK(&model::words_for("") == &english);
    CHECK(&model::words_for("fr-CA") == &model::words_for("fr"));
    CHECK(&model::words_for("RU") == &model::words_for("ru-RU"));
    CHECK(&model::words_for("fr") != &english);
}

TEST_CASE("each language has its own words for the book's pages", "[model][words]") {
    struct Expected {
        std::string_view language, contents, index, notes, edited_by, untitled, see_also, and_;
    };
    for (const Expected& expected : {
             Expected{"fr", "Table des matières", "Index", "Notes", "sous la direction de", "Sans titre", "Voir aussi",
                      " et "},
             Expected{"de", "Inhalt", "Register", "Anmerkungen", "herausgegeben von", "Ohne Titel", "Siehe auch",
                      " und "},
             Expected{"es", "Índice", "Índice alfabético", "Notas", "edición de", "Sin título", "Véase también", " y "},
             Expected{"it", "Indice", "Indice analitico", "Note", "a cura di", "Senza titolo", "Vedi anche", " e "},
             Expected{"ru", "Содержание", "Указатель", "Примечания", "редакция", "Без названия", "См. также", " и "},
         }) {
        INFO(expected.language);
        const model::Words& words = model::words_for(expected.language);
        CHECK(words.contents == expected.contents);
        CHECK(words.index == expected.index);
        CHECK(words.notes == expected.notes);
        CHECK(words.edited_by == expected.edited_by);
        CHECK(words.untitled == expected.untitled);
        CHECK(words.see_also == expected.see_also);
        CHECK(model::join_names({"A", "B", "C"}, words) ==
              "A, B" + std::string(expected.and_) + "C");
        // Every phrase keeps its place for the value, in every language.
        for (std::string_view phrase :
             {words.edited_by_names, words.cover_of, words.directed_by, words.published_by, words.isbn, words.isbn_print, words.isbn_ebook,
              words.set_in, words.film_number, words.index_note_print}) {
            INFO(phrase);
            CHECK(phrase.find("{}") != std::string_view::npos);
        }
    }
    CHECK(model::fill(model::words_for("fr").directed_by, "Agnès Varda") == "réalisé par Agnès Varda");
    CHECK(model::fill(model::words_for("ru").directed_by, "Андрей Тарковский") == "режиссёр Андрей Тарковский");
    CHECK(model::fill(model::words_for("de").edited_by_names, "A und B") == "Herausgegeben von A und B");
}

TEST_CASE("each language has its quotation marks", "[model][words]") {
    auto quoted = [](std::string_view language, bool inner) {
        const model::Words& words = model::words_for(language);
        return std::string(inner ? words.inner_open : words.quote_open) + "x" +
               std::string(inner ? words.inner_close : words.quote_close);
    };
    CHECK(quoted("en", false) == "“x”");
    CHECK(quoted("en", true) == "‘x’");
    CHECK(quoted("fr", false) == "«\u202Fx\u202F»");  // narrow no-break spaces inside
    CHECK(quoted("fr", true) == "“x”");
    CHECK(quoted("de", false) == "„x“");
    CHECK(quoted("de", true) == "‚x‘");
    CHECK(quoted("es", false) == "«x»");
    CHECK(quoted("es", true) == "“x”");
    CHECK(quoted("it", false) == "«x»");
    CHECK(quoted("it", true) == "“x”");
    CHECK(quoted("ru", false) == "«x»");
    CHECK(quoted("ru", true) == "„x“");
}

TEST_CASE("every phrase of the English table has a place for its value", "[model][words]") {
    const model::Words& words = model::words_for("en");
    for (std::string_view phrase : {words.edited_by_names, words.cover_of, words.directed_by, words.published_by,
                                    words.isbn, words.isbn_print, words.isbn_ebook, words.set_in, words.film_number, words.index_note_print}) {
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
