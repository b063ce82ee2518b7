// End to end: the French and Russian sample books build with their
// language's words, quotation marks and hyphenation, with no warning (no
// line outside tolerance), and pass epubcheck, qpdf, pdffonts and pdftotext.

#include <catch2/catch.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "epub_reader.hpp"
#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

namespace {

struct SampleBook {
    std::string id;
    std::vector<std::string> printed;  // in the PDF's text
    std::string nav_title;             // the EPUB's contents page
    std::string hyphenated;            // a word hyphenated at a line's end
    std::string narrow_quote;          // in the EPUB's text, as written (U+202F and all)
};

void check_sample(const SampleBook& book) {
    ScratchDir out("languages-" + book.id);
    // Not quiet: every warning the build prints is on its output.
    auto build =
        run(quote(CINEFOLIO_BINARY) + " build books/" + book.id + "/book.yaml -o " + quote(out.path().string()));
    INFO(build.output);
    REQUIRE(build.exit_code == 0);
    CHECK(build.output.find("warning") == std::string::npos);
    CHECK(build.output.find("tolerance") == std::string::npos);
    CHECK(build.output.find("no hyphenation patterns") == std::string::npos);
    const auto epub = out / (book.id + ".epub");
    const auto pdf = out / (book.id + ".pdf");

    auto check = epubcheck(quote(epub));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("No errors or warnings detected") != std::string::npos);

    auto qpdf = run_tool("qpdf", "--check " + quote(pdf));
    INFO(qpdf.output);
    CHECK(qpdf.exit_code == 0);
    CHECK(qpdf.output.find("WARNING") == std::string::npos);

    // Every font embedded (Libertine covers Cyrillic: no fallback face).
    auto fonts = run_tool("pdffonts", quote(pdf));
    INFO(fonts.output);
    REQUIRE(fonts.exit_code == 0);
    CHECK(fonts.output.find("LinLibertineO") != std::string::npos);
    CHECK(fonts.output.find("DejaVu") == std::string::npos);
    std::istringstream lines(fonts.output);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
        CHECK(std::regex_search(line, std::regex("\\s+yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+$")));
    }

    auto text = run_tool("pdftotext", "-enc UTF-8 " + quote(pdf) + " -");
    REQUIRE(text.exit_code == 0);
    // Words as they run, across line ends (U+202F is no space to regex).
    const std::string running = std::regex_replace(text.output, std::regex("[\\s\\x0c]+"), " ");
    for (const auto& words : book.printed) {
        INFO(words);
        CHECK(running.find(words) != std::string::npos);
    }
    // pdftotext joins hyphenated words unless it keeps the layout, and
    // `-layout` pads no line: the hyphen ends it.
    auto layout = run_tool("pdftotext", "-layout -enc UTF-8 " + quote(pdf) + " -");
    REQUIRE(layout.exit_code == 0);
    CHECK(layout.output.find(book.hyphenated + "-\n") != std::string::npos);

    const std::string nav = zip_entries(epub).at("OEBPS/nav.xhtml");
    CHECK(nav.find("<title>" + book.nav_title + "</title>") != std::string::npos);
    // The PDF draws no space glyphs, so pdftotext shows U+202F as a space;
    // the EPUB carries the character itself.
    std::string chapters;
    for (const auto& [name, bytes] : zip_entries(epub))
        if (name.rfind("OEBPS/text/f", 0) == 0) chapters += bytes;
    CHECK(chapters.find(book.narrow_quote) != std::string::npos);
}

}  // namespace

TEST_CASE("the French sample book builds in French", "[cli][languages]") {
    check_sample({"cleo",
                  {"Table des matières", "sous la direction de", "réalisé par Agnès Varda", "Notes", "Index",
                   // « » with narrow no-break spaces inside, “ ” within them, apostrophes ’.
                   "« documentaire sur une fiction »", "amie qui dit “je ne sais pas” »", "d’un", "Florence. Voir Cléo",
                   "Réa Réalisme"},
                  "Table des matières",
                  "éprou",
                  "«\u202Fdocumentaire sur une fiction\u202F»"});
}

TEST_CASE("the Russian sample book builds in Russian", "[cli][languages]") {
    check_sample({"zerkalo",
                  {"Содержание", "Указатель", "Примечания", "редакция", "режиссёр Андрей Тарковский",
                   // «ёлочки», with „лапки“ inside them.
                   "«документом внутренней жизни»", "«Мама сказала мне: „Это про нас“»"},
                  "Содержание",
                  "воспомина",
                  "«Мама сказала мне: „Это про нас“»"});
}

namespace {

// A French essay whose high punctuation arrives in every state: after a
// word space, after none, after U+00A0 and after U+202F.
std::string french_essay() {
    std::string body = "## Pourquoi?\n\n";
    const char* const states[] = {" ", "", "\u00A0", "\u202F"};
    for (int sentence = 0; sentence < 48; ++sentence) {
        const std::string space = states[sentence % 4];
        body += "Est-ce vraiment le film de Varda" + space + "? Peut-être" + space + "; ou bien non" + space +
                "! Elle le dit" + space + ": «" + space + "Cléo attend" + space + "» à 10:30 au format 1:1.66. ";
    }
    body += "Voir <https://example.fr/cleo?x=1> ou `a ? b`.\n";
    return "---\nmovieId: 499\nmovieTitle: Cléo de 5 à 7\ncategoryName: REALISM\ntitle: Le temps\n---\n\n" + body;
}

}  // namespace

TEST_CASE("a French book sets its spaces before high punctuation and keeps each sign on its word's line",
          "[cli][languages][spaces]") {
    ScratchDir book("french-spaces");
    book.write("book.yaml",
               "title: Espaces\nlanguage: fr\nid: espaces\ndate: 2026-11-22\nessays:\n  - essays/\n"
               "films:\n  - id: 499\n    title: Cléo de 5 à 7\n    year: 1962\n    director: Agnès Varda\n"
               "lenses:\n  - {name: REALISM, label: Réalisme}\n  - {name: SIGNIFIER, label: Signifiant}\n");
    book.write("essays/temps.md", french_essay());
    // An English essay in the French book keeps English spacing.
    book.write("essays/english.md",
               "---\nmovieId: 499\nmovieTitle: Cleo\ncategoryName: SIGNIFIER\nlanguage: en\ntitle: Time\n---\n\n"
               "Is it true? Yes: quite; really!\n");
    auto build = run(quote(CINEFOLIO_BINARY) + " build " + quote(book / "book.yaml") + " -o " + quote(book / "out"));
    INFO(build.output);
    REQUIRE(build.exit_code == 0);
    CHECK(build.output.find("warning") == std::string::npos);
    const std::string epub = book / "out/espaces.epub";
    const std::string pdf = book / "out/espaces.pdf";

    auto check = epubcheck(quote(epub));
    INFO(check.output);
    CHECK(check.output.find("No errors or warnings detected") != std::string::npos);
    auto qpdf = run_tool("qpdf", "--check " + quote(pdf));
    INFO(qpdf.output);
    CHECK(qpdf.exit_code == 0);
    CHECK(qpdf.output.find("WARNING") == std::string::npos);

    auto entries = zip_entries(epub);
    const std::string& french = entries.at("OEBPS/text/f499-realism.xhtml");
    CHECK(french.find("Pourquoi\u202F?") != std::string::npos);
    CHECK(
        french.find("Varda\u202F? Peut-être\u202F; ou bien non\u202F! Elle le dit\u00A0: «\u202FCléo attend\u202F»") !=
        std::string::npos);
    CHECK(french.find("Varda ?") == std::string::npos);
    CHECK(french.find("Varda?") == std::string::npos);
    CHECK(french.find("10:30 au format 1:1.66") != std::string::npos);
    CHECK(french.find("href=\"https://example.fr/cleo?x=1\"") != std::string::npos);
    CHECK(french.find("a ? b</code>") != std::string::npos);
    const std::string& english = entries.at("OEBPS/text/f499-signifier.xhtml");
    CHECK(english.find("Is it true? Yes: quite; really!") != std::string::npos);

    // pdftotext writes each printed line as a line (U+202F as a space): no
    // line may start with a sign or a closing guillemet, or end with an
    // opening one.
    auto text = run_tool("pdftotext", "-enc UTF-8 " + quote(pdf) + " -");
    REQUIRE(text.exit_code == 0);
    std::istringstream lines(text.output);
    std::string line;
    int signs = 0;
    int colons = 0;
    while (std::getline(lines, line)) {
        INFO("line: " << line);
        const auto first = line.find_first_not_of(" \t\f");
        if (first == std::string::npos) continue;
        for (const std::string sign : {"?", "!", ";", ":", "»"}) CHECK(line.compare(first, sign.size(), sign) != 0);
        const auto last = line.find_last_not_of(" \t\f");
        CHECK_FALSE(line.substr(0, last + 1).ends_with("«"));
        for (std::size_t at = line.find("Varda ?"); at != std::string::npos; at = line.find("Varda ?", at + 1)) ++signs;
        for (std::size_t at = line.find("dit :"); at != std::string::npos; at = line.find("dit :", at + 1)) ++colons;
        CHECK(line.find("Varda?") == std::string::npos);
    }
    // Every sign is there, spaced and on its word's line, whichever way
    // it was typed (48 sentences, four ways).
    CHECK(signs == 48);
    CHECK(colons == 48);
}
