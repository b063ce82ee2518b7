// French spaces before ; : ! ? and inside « »: whatever the author typed
// there becomes the one convention (U+202F before ; ! ? and inside the
// guillemets, U+00A0 before the colon); what is not prose stays as typed.

#include "punctuation_spaces.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/corpus/markdown.hpp"
#include "cinefolio/model/words.hpp"

using namespace cinefolio;
using model::InlineKind;

namespace {

const std::string narrow = "\u202F";  // before ; ! ? and inside « »
const std::string word = "\u00A0";    // before :

corpus::MarkdownBody parsed(const std::string& text, std::string_view language) {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    const base::FileId file = sources.add("essay.md", text);
    return corpus::parse_markdown(sources, file, 0, diagnostics, language);
}

// The plain text of the first block of `text` parsed in `language`.
std::string spaced(const std::string& text, std::string_view language = "fr") {
    const auto body = parsed(text, language);
    REQUIRE(!body.blocks.empty());
    return model::plain_text(body.blocks[0].inlines);
}

// Every way an author types the space before a sign, or none.
const std::vector<std::string> typed_spaces = {"", " ", "\u00A0", "\u202F", "\u2009", "  "};

}  // namespace

TEST_CASE("each high sign takes its space, whatever was typed before it", "[corpus][spaces]") {
    for (const std::string& typed : typed_spaces) {
        INFO("typed space: [" << typed << "]");
        CHECK(spaced("Est-ce vrai" + typed + "? Oui.") == "Est-ce vrai" + narrow + "? Oui.");
        CHECK(spaced("Quel film" + typed + "! Enfin.") == "Quel film" + narrow + "! Enfin.");
        CHECK(spaced("Elle chante" + typed + "; il attend.") == "Elle chante" + narrow + "; il attend.");
        CHECK(spaced("Elle le dit" + typed + ": il attend.") == "Elle le dit" + word + ": il attend.");
        CHECK(spaced("La fin" + typed + "?") == "La fin" + narrow + "?");
    }
}

TEST_CASE("guillemets take the narrow space inside, whatever was typed", "[corpus][spaces]") {
    for (const std::string& typed : typed_spaces) {
        INFO("typed space: [" << typed << "]");
        CHECK(spaced("Il dit «" + typed + "non" + typed + "» et part.") ==
              "Il dit «" + narrow + "non" + narrow + "» et part.");
        CHECK(spaced("Le titre ‹" + typed + "Cléo" + typed + "›.") == "Le titre ‹" + narrow + "Cléo" + narrow + "›.");
    }
    // Straight quotes become « » with the space already (quotes.cpp); a
    // sign before the closing mark takes its own space too.
    CHECK(spaced("Il demande \"vrai?\" puis: \"non!\"") == "Il demande «" + narrow + "vrai" + narrow + "?" + narrow +
                                                               "» puis" + word + ": «" + narrow + "non" + narrow + "!" +
                                                               narrow + "»");
    CHECK(spaced("« »") == "« »");
}

TEST_CASE("a sign after emphasis, a link or a note reads the text before it", "[corpus][spaces]") {
    CHECK(spaced("As-tu vu *Cléo*?") == "As-tu vu Cléo" + narrow + "?");
    CHECK(spaced("As-tu vu **Cléo** ?") == "As-tu vu Cléo" + narrow + "?");
    CHECK(spaced("Voir «*Cléo*».") == "Voir «" + narrow + "Cléo" + narrow + "».");
    CHECK(spaced("C'est `ls`?") == "C’est ls" + narrow + "?");
    CHECK(spaced("Vrai[^1] ?\n\n[^1]: Note.") == "Vrai" + narrow + "?");
    CHECK(spaced("Vrai ?[^1]\n\n[^1]: Note.") == "Vrai" + narrow + "?");
    const auto body = parsed("Voir [le film](https://example.fr/a?b=1#c:d) ?", "fr");
    const auto& inlines = body.blocks.at(0).inlines;
    CHECK(model::plain_text(inlines) == "Voir le film" + narrow + "?");
    REQUIRE(inlines.size() >= 2);
    CHECK(inlines[1].kind == InlineKind::link);
    CHECK(inlines[1].url == "https://example.fr/a?b=1#c:d");
}

TEST_CASE("a space across a line of the source becomes the sign's", "[corpus][spaces]") {
    const auto body = parsed("Est-ce vrai\n? Oui.", "fr");
    const auto& inlines = body.blocks.at(0).inlines;
    CHECK(model::plain_text(inlines) == "Est-ce vrai" + narrow + "? Oui.");
    for (const auto& node : inlines) CHECK(node.kind != InlineKind::soft_break);
    // A soft break elsewhere stays one.
    const auto other = parsed("Est-ce\nvrai ?", "fr").blocks.at(0).inlines;
    CHECK(
        std::any_of(other.begin(), other.end(), [](const auto& node) { return node.kind == InlineKind::soft_break; }));
}

TEST_CASE("groups of signs take one space before them and none inside", "[corpus][spaces]") {
    CHECK(spaced("Vraiment?!") == "Vraiment" + narrow + "?!");
    CHECK(spaced("Vraiment ?!") == "Vraiment" + narrow + "?!");
    CHECK(spaced("Vraiment !?") == "Vraiment" + narrow + "!?");
    CHECK(spaced("Vraiment ? !") == "Vraiment" + narrow + "?!");
    CHECK(spaced("Non!!!") == "Non" + narrow + "!!!");
    // After an ellipsis, as typed: tight, or the narrow space.
    CHECK(spaced("Et alors...?") == "Et alors…?");
    CHECK(spaced("Et alors... ?") == "Et alors…" + narrow + "?");
}

TEST_CASE("times, ratios, addresses, code and emoticons stay as typed", "[corpus][spaces]") {
    CHECK(spaced("La séance de 10:30 ; le format 1:1.85 et le 2,35:1.") ==
          "La séance de 10:30" + narrow + "; le format 1:1.85 et le 2,35:1.");
    CHECK(spaced("Le site http://example.fr/page?id=3 et www.example.fr/a?b !") ==
          "Le site http://example.fr/page?id=3 et www.example.fr/a?b" + narrow + "!");
    CHECK(spaced("Voir <https://example.fr/?q=1> ou <https://example.fr/x:y>.") ==
          "Voir https://example.fr/?q=1 ou https://example.fr/x:y.");
    CHECK(spaced("Ouvrez mailto:nous@example.fr ou C:\\films.") == "Ouvrez mailto:nous@example.fr ou C:\\films.");
    CHECK(spaced("Le code `a ? b: c;` et `x!`.") == "Le code a ? b: c; et x!.");
    CHECK(spaced("Drôle :) et ;-) et :D et :-( et ;P.") == "Drôle :) et ;-) et :D et :-( et ;P.");
    CHECK(spaced("Le signe (?) et [!].") == "Le signe (?) et [!].");
    CHECK(spaced("La classe std::vector ou a::b.") == "La classe std::vector ou a::b.");
    CHECK(spaced("? ouvre la ligne.") == "? ouvre la ligne.");
    const auto block = parsed("```\nvrai ? non: «x»\n```\n", "fr").blocks.at(0);
    CHECK(block.kind == model::BlockKind::code_block);
    CHECK(block.text == "vrai ? non: «x»");
}

TEST_CASE("only French text is spaced", "[corpus][spaces]") {
    const std::string text = "Is it true? Yes: «quite»; really!";
    CHECK(spaced(text, "") == text);
    CHECK(spaced(text, "en") == text);
    CHECK(spaced(text, "en-GB") == text);
    CHECK(spaced(text, "de") == text);
    CHECK(spaced(text, "ru") == text);
    const std::string french = "Is it true" + narrow + "? Yes" + word + ": «" + narrow + "quite" + narrow + "»" +
                               narrow + "; really" + narrow + "!";
    // Every region of French alike (see src/model/words.cpp for why fr-CH too).
    for (std::string_view language : {"fr", "fr-FR", "fr-CA", "fr-CH", "fr-BE"})
        CHECK(spaced(text, language) == french);
}

TEST_CASE("an essay in another language inside a French book keeps its own spacing", "[corpus][spaces]") {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    const auto english = sources.add("en.md",
                                     "---\nmovieId: 1\nmovieTitle: Cleo\ncategoryName: REALISM\n"
                                     "title: 'Why Cleo?'\nlanguage: en\n---\nIs it true? Yes: quite.\n");
    const auto in_english = corpus::load_essay(sources, english, diagnostics, "fr");
    REQUIRE(in_english);
    CHECK(model::plain_text(in_english->title) == "Why Cleo?");
    CHECK(model::plain_text(in_english->body.blocks.at(0).inlines) == "Is it true? Yes: quite.");
    const auto french = sources.add("fr.md",
                                    "---\nmovieId: 1\nmovieTitle: Cleo\ncategoryName: REALISM\n"
                                    "title: 'Pourquoi Cléo?'\nlanguage: fr\n---\nVrai? Oui: tout à fait.[^n]\n\n"
                                    "[^n]: Une note; la voici!\n");
    const auto in_french = corpus::load_essay(sources, french, diagnostics, "en");
    REQUIRE(in_french);
    CHECK(model::plain_text(in_french->title) == "Pourquoi Cléo" + narrow + "?");
    CHECK(model::plain_text(in_french->body.blocks.at(0).inlines) ==
          "Vrai" + narrow + "? Oui" + word + ": tout à fait.");
    REQUIRE(in_french->body.footnotes.size() == 1);
    CHECK(model::plain_text(in_french->body.footnotes[0].blocks.at(0).inlines) ==
          "Une note" + narrow + "; la voici" + narrow + "!");
    CHECK(model::plain_text(corpus::parse_inline_markdown("Qu'est-ce que le cinéma?", "fr")) ==
          "Qu’est-ce que le cinéma" + narrow + "?");
    // The manifest's plain titles alike.
    CHECK(corpus::space_punctuation_in("Cléo : de 5 à 7?", "fr") == "Cléo" + word + ": de 5 à 7" + narrow + "?");
    CHECK(corpus::space_punctuation_in("Cleo: from 5 to 7?", "en") == "Cleo: from 5 to 7?");
}

TEST_CASE("headings, lists, quotations, tables and image descriptions are spaced", "[corpus][spaces]") {
    const auto body = parsed(
        "## Pourquoi?\n\n- Un: deux\n\n> Cité!\n\n| A | B |\n|---|---|\n| oui? | non; |\n\n![Cléo?](cleo.png)\n", "fr");
    std::string all;
    const std::function<void(const std::vector<model::Block>&)> collect = [&](const auto& blocks) {
        for (const auto& block : blocks) {
            all += model::plain_text(block.inlines) + "|";
            collect(block.children);
        }
    };
    collect(body.blocks);
    CHECK(all.find("Pourquoi" + narrow + "?") != std::string::npos);
    CHECK(all.find("Un" + word + ": deux") != std::string::npos);
    CHECK(all.find("Cité" + narrow + "!") != std::string::npos);
    CHECK(all.find("oui" + narrow + "?") != std::string::npos);
    CHECK(all.find("non" + narrow + ";") != std::string::npos);
    CHECK(all.find("Cléo" + narrow + "?") != std::string::npos);
}

TEST_CASE("spacing twice changes nothing", "[corpus][spaces]") {
    // Through the model, markup and all: the pass run again over its own
    // result leaves every inline as it was.
    const std::string text =
        "Est-ce vrai? Il dit: «non» ; puis \"*Cléo*!\" et ?! et... ? à 10:30 (1:1.85) sur http://x.fr/?a :) "
        "et `a ?` puis\n? enfin.[^1]\n\n[^1]: Vrai !";
    auto body = parsed(text, "fr");
    const model::Words& french = model::words_for("fr");
    auto dump = [](const std::vector<model::Block>& blocks) {
        std::string out;
        for (const auto& block : blocks) out += model::plain_text(block.inlines) + "|";
        return out;
    };
    const std::string once = dump(body.blocks) + dump(body.footnotes.at(0).blocks);
    CHECK(once.find(narrow + "?") != std::string::npos);
    corpus::space_punctuation(body.blocks, french);
    corpus::space_punctuation(body.footnotes.at(0).blocks, french);
    CHECK(dump(body.blocks) + dump(body.footnotes.at(0).blocks) == once);
    // Text typed in the convention already is left exactly as it is.
    const std::string set = "Vrai" + narrow + "? Dit" + word + ": «" + narrow + "non" + narrow + "»" + narrow + "!";
    CHECK(spaced(set) == set);
    std::vector<model::Inline> inlines(1);
    inlines[0].text = set;
    corpus::space_punctuation(inlines, french);
    CHECK(inlines[0].text == set);
}
