// Real-world input, second round: images by absolute path, nothing dropped
// unseen, checks where they belong. Each case pins its message at its
// exact file:line:col and the exit status, as bad_input_test.cpp does.

#include <catch2/catch.hpp>

#include "cli_fixture.hpp"
#include "epub_reader.hpp"

using cinefolio::test::Book;
using cinefolio::test::CommandResult;
using cinefolio::test::essay;
using cinefolio::test::slurp;
using cinefolio::test::zip_entries;

namespace {

const std::string kManifest = "title: Test Book\nessays:\n  - essays/\n";
const std::string kPng = slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/tests/fixtures/images/frame.png");

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// `check` (and `build` for what only it shows) with the output in the log.
CommandResult run(const Book& book, const std::string& command, const std::string& extra = "") {
    auto result = book.run(command, extra);
    UNSCOPED_INFO(result.output);
    return result;
}

}  // namespace

// --- Images by absolute path ----------------------------------------------

TEST_CASE("an image path opening with / is read from the book's root", "[cli][real-input][images]") {
    Book book("root-image");
    book.write("book.yaml", kManifest + "id: book\n");
    book.write("img/still.png", kPng);
    book.write("essays/a.md", essay("REALISM", "![A still](/img/still.png)\n\n![Gone](/img/gone.png)\n"));
    auto result = run(book, "build", "-o out --format epub");
    CHECK(result.exit_code == 0);
    CHECK_FALSE(has(result.output, "outside the book's root"));
    CHECK(has(result.output,
              "essays/a.md:9:1: warning: image `/img/gone.png` not found (looked for img/gone.png); "
              "its alt text stands in"));
    CHECK(has(result.output, "hint: a path opening with `/` is read from the book's root `.`"));
    auto entries = zip_entries(book.path("out/book.epub"));
    CHECK(entries.count("OEBPS/images/figure-still.png") == 1);
    CHECK(has(entries["OEBPS/text/f452008-realism.xhtml"], "<img src=\"../images/figure-still.png\" alt=\"A still\""));
    CHECK(has(entries["OEBPS/text/f452008-realism.xhtml"], "<span class=\"image-alt\">Gone</span>"));
}

TEST_CASE("with --root / an absolute image path is a missing image, not an error", "[cli][real-input][images]") {
    Book book("root-slash");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", essay("REALISM", "![foo](/url)\n"));
    auto result = run(book, "check", "--root /");
    CHECK(result.exit_code == 0);
    CHECK(has(result.output, "essays/a.md:7:1: warning: image `/url` not found (looked for /url)"));
}

TEST_CASE("a hint never suggests --root /", "[cli][real-input][images]") {
    Book book("no-root-slash");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", essay("REALISM", "![x](../../../../../../../../../../usr/share/x.png)\n"));
    auto result = run(book, "check");
    CHECK(result.exit_code == 1);
    CHECK(has(result.output,
              "essays/a.md:7:1: error: image `../../../../../../../../../../usr/share/x.png` is "
              "outside the book's root `.`"));
    CHECK(has(result.output, "hint: a book reads only files under its root; copy the file into `.`"));
    CHECK_FALSE(has(result.output, "--root /"));
}

// --- Nothing dropped unseen -------------------------------------------------

TEST_CASE("essays the films selection leaves out are listed in a note", "[cli][real-input]") {
    Book book("films-selection");
    book.write("book.yaml", kManifest + "films:\n  - 1\n");
    book.write("essays/a.md", essay("REALISM", "Kept.\n", "1"));
    book.write("essays/b.md", essay("REALISM", "Left out.\n", "2"));
    book.write("essays/c.md", essay("SIGNIFIER", "Left out too.\n", "3"));
    auto result = run(book, "check");
    CHECK(result.exit_code == 0);
    CHECK(has(result.output,
              "book.yaml:5:5: note: 2 essay(s) left out, their films not listed under `films:`: "
              "essays/b.md (film 2), essays/c.md (film 3)"));
    CHECK(has(result.output, "hint: add a film's id under `films:` to include its essays"));
    CHECK(has(result.output, "1 film(s), 1 essay(s), no errors"));
}

TEST_CASE("an unknown front-matter key is a warning naming the nearest key", "[cli][real-input]") {
    Book book("front-matter-key");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md",
               "---\nmovieId: 1\nmovieTitle: Closeness\ncategoryName: REALISM\nautor: Ann Critic\n"
               "authors: Two\n---\n\nText.\n");
    auto result = run(book, "check");
    CHECK(result.exit_code == 0);
    CHECK(has(result.output, "essays/a.md:5:1: warning: unknown key `autor` in front matter; it is ignored\n"));
    CHECK(has(result.output, "hint: did you mean `author`?"));
    // A twin edit distance would not find.
    CHECK(has(result.output, "essays/a.md:6:1: warning: unknown key `authors` in front matter"));
    CHECK(run(book, "check", "--strict").exit_code == 1);
}

TEST_CASE("language in front matter marks the essay's section in the EPUB", "[cli][real-input]") {
    Book book("front-matter-language");
    book.write("book.yaml", kManifest + "id: book\n");
    book.write("essays/a.md",
               "---\nmovieId: 1\nmovieTitle: Closeness\ncategoryName: REALISM\nlanguage: fr\n---\n\n"
               "Un texte.\n");
    book.write("essays/b.md",
               "---\nmovieId: 1\nmovieTitle: Closeness\ncategoryName: SIGNIFIER\nlang: de-CH\n---\n\n"
               "Ein Text.\n");
    book.write("essays/c.md", essay("METACRITIC", "In the book's own language.\n", "1"));
    auto result = run(book, "build", "-o out --format epub");
    REQUIRE(result.exit_code == 0);
    auto entries = zip_entries(book.path("out/book.epub"));
    CHECK(has(entries["OEBPS/text/f1-realism.xhtml"], "id=\"f1-realism\" lang=\"fr\" xml:lang=\"fr\""));
    CHECK(has(entries["OEBPS/text/f1-signifier.xhtml"], "lang=\"de-CH\" xml:lang=\"de-CH\""));
    CHECK_FALSE(has(entries["OEBPS/text/f1-metacritic.xhtml"], "<section lang"));
    CHECK(has(run(book, "dump").output, "      language fr\n"));

    book.write("essays/a.md",
               "---\nmovieId: 1\nmovieTitle: Closeness\ncategoryName: REALISM\nlanguage: français\n"
               "---\n\nUn texte.\n");
    auto bad = run(book, "check");
    CHECK(bad.exit_code == 1);
    CHECK(has(bad.output, "essays/a.md:5:11: error: `language` must be a BCP 47 language tag, found `français`"));
}

TEST_CASE("a path with a space is a warning suggesting angle brackets", "[cli][real-input]") {
    Book book("spaced-path");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md",
               essay("REALISM", "A frame: ![still](Film Stills/zone.png).\n\nSee [the notes](my notes.md).\n"));
    auto result = run(book, "check");
    CHECK(result.exit_code == 0);
    CHECK(has(result.output,
              "essays/a.md:7:19: warning: `Film Stills/zone.png` holds a space, so this is not read "
              "as an image: it prints as written"));
    CHECK(has(result.output, "hint: put the path in angle brackets: `![still](<Film Stills/zone.png>)`"));
    CHECK(has(result.output, "essays/a.md:9:17: warning: `my notes.md` holds a space, so this is not read as a link"));
    CHECK(has(result.output, "hint: put the target in angle brackets: `[the notes](<my notes.md>)`"));
}

TEST_CASE("the raw HTML warning quotes the whole block it drops", "[cli][real-input]") {
    Book book("html-block");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", essay("REALISM",
                                    "Before.\n\n<div class=\"aside\">\nThe line after it is swallowed.\n\n"
                                    "After.\n"));
    auto result = run(book, "check");
    CHECK(result.exit_code == 0);
    CHECK(has(result.output,
              "essays/a.md:9:1: warning: raw HTML dropped (lines 9-10, up to a blank line)\n"
              "  <div class=\"aside\">\n"
              "  The line after it is swallowed.\n"
              "  hint: write it in Markdown, or remove it\n"));
}

// --- Checks where they belong -----------------------------------------------

TEST_CASE("check validates the style and lists the styles there are", "[cli][real-input]") {
    Book book("fancy-style");
    book.write("book.yaml", kManifest + "style: fancy\n");
    book.write("essays/a.md", essay("REALISM"));
    auto result = run(book, "check");
    CHECK(result.exit_code == 1);
    CHECK(has(result.output, "book.yaml:4:8: error: style `fancy` not found; the styles are `classic`, `modern`"));
    book.write("book.yaml", kManifest + "style: modren\n");
    CHECK(has(run(book, "check").output, "hint: did you mean `modern`?"));
}

TEST_CASE("a lens misspelt in lenses is reported at the manifest, not the essay", "[cli][real-input]") {
    Book book("manifest-lens-typo");
    book.write("book.yaml", kManifest + "lenses: [REALISM, RECEPTON]\n");
    book.write("essays/a.md", essay("REALISM"));
    book.write("essays/b.md", essay("RECEPTION"));
    auto result = run(book, "check");
    CHECK(result.exit_code == 1);
    CHECK(has(result.output,
              "book.yaml:4:19: error: lens `RECEPTON` in `lenses` is used by no essay, but "
              "essays/b.md uses `RECEPTION`"));
    CHECK(has(result.output,
              "hint: did you mean `RECEPTION`? correct the spelling under `lenses:` (or the essay's "
              "`categoryName`, if `RECEPTON` is right)"));
    CHECK(has(result.output, "essays/b.md:4:15: note: `RECEPTION` is used here"));
    CHECK_FALSE(has(result.output, "did you mean `RECEPTON`"));
}

TEST_CASE("exclude leaves out files an essays folder holds", "[cli][real-input]") {
    Book book("exclude");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", essay("REALISM"));
    book.write("essays/TODO.txt", "Ask about the rights to the stills.\n");
    book.write("essays/drafts/b.md", "not even front matter\n");
    auto stray = run(book, "check");
    CHECK(stray.exit_code == 1);
    CHECK(has(stray.output, "essays/TODO.txt:1:1: error: the essay has no front matter"));
    CHECK(has(stray.output, "or leave it out of the book with `exclude:`"));

    book.write("book.yaml",
               "title: Test Book\nessays:\n  - essays/\n  - essays/drafts/*.md\n"
               "exclude:\n  - essays/TODO.txt\n  - essays/drafts\n  - essays/nothing-*.md\n");
    auto result = run(book, "check");
    CHECK(result.exit_code == 0);
    CHECK(has(result.output, "1 film(s), 1 essay(s), no errors"));
    CHECK(has(result.output,
              "book.yaml:8:5: warning: `exclude` entry `essays/nothing-*.md` leaves out no file of "
              "`essays:`"));
}

TEST_CASE("a manifest key with an obvious twin names it", "[cli][real-input]") {
    Book book("manifest-twin");
    book.write("book.yaml", "title: Test Book\nauthor: Ann Editor\nessays:\n  - essays/\n");
    book.write("essays/a.md", essay("REALISM"));
    auto result = run(book, "check");
    CHECK(result.exit_code == 0);
    CHECK(has(result.output, "book.yaml:2:1: warning: unknown key `author` in the manifest\n"));
    CHECK(has(result.output, "hint: did you mean `creators`?"));
}

TEST_CASE("a quoted value never closed is an error at its opening quote", "[cli][real-input]") {
    Book book("unclosed-quote");
    book.write("book.yaml", "title: \"Broken\nessays: [essays\n");
    book.write("essays/a.md", essay("REALISM"));
    auto result = run(book, "check");
    CHECK(result.exit_code == 1);
    CHECK(has(result.output,
              "book.yaml:1:8: error: the quoted text opened here with \" is never closed; it runs to "
              "the end of the file"));
    CHECK_FALSE(has(result.output, "the book has no essays"));
    book.write("book.yaml", "title: 'It''s closed'\nsubtitle: \"a \\\" quote\"\nessays: [essays]\n");
    CHECK(run(book, "check").exit_code == 0);
}
