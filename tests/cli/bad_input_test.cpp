// Every kind of bad input named in the foundation issue: a clear
// "file:line:col: error: ..." message, exit status 1, and no output.

#include <catch2/catch.hpp>

#include "cli_fixture.hpp"

using cinefolio::test::Book;
using cinefolio::test::essay;

namespace {

const std::string kManifest = "title: Test Book\nessays:\n  - essays/\n";

/// `where`: the location and the message; `words`: more of what the user
/// must see (the hint, the quoted line and its caret, the value found).
void expect_failure(const Book& book, const std::string& where, const std::string& words) {
    // An empty fragment is found in any output: the check could never fail.
    REQUIRE_FALSE(words.empty());
    auto result = book.run("build");
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(result.output.find(where) != std::string::npos);
    CHECK(result.output.find(words) != std::string::npos);
    CHECK_FALSE(book.has_output());
}

}  // namespace

TEST_CASE("a missing manifest is an error", "[cli][bad-input]") {
    Book book("missing-manifest");
    auto result = book.run("build");
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(result.output.find("book.yaml: error: cannot read the manifest") != std::string::npos);
    CHECK_FALSE(book.has_output());
}

TEST_CASE("a YAML syntax error in the manifest names its line", "[cli][bad-input]") {
    Book book("manifest-yaml");
    book.write("book.yaml", "title: Test\nessays:\n  - essays/\n  bad: [unclosed\n");
    book.write("essays/a.md", essay("REALISM"));
    expect_failure(book, "book.yaml:4:", "error: invalid YAML");
}

TEST_CASE("a manifest without a title is an error", "[cli][bad-input]") {
    Book book("no-title");
    book.write("book.yaml", "subtitle: Only a subtitle\nessays:\n  - essays/\n");
    book.write("essays/a.md", essay("REALISM"));
    expect_failure(book, "book.yaml", "error: the manifest has no `title`");
}

TEST_CASE("a YAML syntax error in front matter names the file's line", "[cli][bad-input]") {
    Book book("front-matter-yaml");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", "---\nmovieId: 1\nmovieTitle: [oops\ncategoryName: REALISM\n---\n\nText.\n");
    expect_failure(book, "essays/a.md:", "error: invalid YAML in front matter");
}

TEST_CASE("unclosed front matter is an error at line 1", "[cli][bad-input]") {
    Book book("unclosed");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", "---\nmovieId: 1\nmovieTitle: Closeness\ncategoryName: REALISM\n\nText.\n");
    expect_failure(book, "essays/a.md:1:1: error: front matter is never closed", "hint:");
}

TEST_CASE("a missing required field is an error", "[cli][bad-input]") {
    Book book("missing-field");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", "---\nmovieId: 1\nmovieTitle: Closeness\n---\n\nText.\n");
    expect_failure(book, "essays/a.md:2:1: error: front matter has no `categoryName`",
                   "hint: every essay needs movieId, movieTitle and categoryName");
}

TEST_CASE("an ill-typed movieId is an error at its value", "[cli][bad-input]") {
    Book book("ill-typed");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", "---\nmovieId: twelve\nmovieTitle: Closeness\ncategoryName: REALISM\n---\n\nText.\n");
    expect_failure(book, "essays/a.md:2:10: error: `movieId` must be a positive whole number", "`twelve`");
}

TEST_CASE("an essay file that does not exist is an error at its entry", "[cli][bad-input]") {
    Book book("missing-essay");
    book.write("book.yaml", "title: T\nessays:\n  - essays/gone.md\n");
    expect_failure(book, "book.yaml:3:5: error: essay file `essays/gone.md` not found (looked for essays/gone.md)",
                   "hint: paths under `essays:` are relative to the manifest's folder");
}

TEST_CASE("an import that does not exist is an error at its entry", "[cli][bad-input]") {
    Book book("missing-import");
    book.write("book.yaml",
               "title: T\nimports:\n  - file: gone.txt\n    movieId: 1\n    movieTitle: X\n    categoryName: PRESS\n");
    expect_failure(book, "book.yaml:3:5: error: imported file `gone.txt` not found (looked for gone.txt)",
                   "hint: paths under `imports:` are relative to the manifest's folder");
}

TEST_CASE("an undeclared lens is an error naming the nearest declared lens", "[cli][bad-input]") {
    Book book("undeclared-lens");
    book.write("book.yaml", kManifest + "lenses: [REALISM, SIGNIFIER]\n");
    book.write("essays/a.md", essay("REALSIM"));
    book.write("essays/b.md", essay("REALISM", "Text.\n", "1"));
    expect_failure(book, "essays/a.md:4:15: error: lens `REALSIM` is not declared", "did you mean `REALISM`?");
}

TEST_CASE("two essays for one film and lens name both files", "[cli][bad-input]") {
    Book book("duplicate");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", essay("REALISM"));
    book.write("essays/b.md", essay("REALISM"));
    expect_failure(book, "essays/b.md:4:15: error: a second essay for film 452008 and lens `REALISM`",
                   "the first is essays/a.md");
}

TEST_CASE("invalid UTF-8 names the line", "[cli][bad-input]") {
    Book book("utf8");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", essay("REALISM", "Fine line.\n\nCaf\xE9 au lait.\n"));
    expect_failure(book, "essays/a.md:9:4: error: invalid UTF-8 on line 9", "Caf\xEF\xBF\xBD au lait");
}

TEST_CASE("an empty essay is an error", "[cli][bad-input]") {
    Book book("empty");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", essay("REALISM", "\n  \n"));
    expect_failure(book, "essays/a.md:6:1: error: the essay is empty",
                   "hint: write its text below the front matter, or drop it from the book");
    book.write("essays/a.md", "");
    expect_failure(book, "essays/a.md", "error: the essay is empty");
}

TEST_CASE("an essay without front matter outside imports is an error", "[cli][bad-input]") {
    Book book("no-front-matter");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", "Just text.\n");
    expect_failure(book, "essays/a.md:1:1: error: the essay has no front matter", "imports:");
}

TEST_CASE("warnings print with file and line and do not stop the build, --strict makes them errors",
          "[cli][warnings]") {
    Book book("warnings");
    book.write("book.yaml", kManifest + "subtitel: Typo\n");
    book.write("essays/a.md", essay("REALISM", "Text with <b>raw</b> HTML.\n"));
    auto check = book.run("check");
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("book.yaml:4:1: warning: unknown key `subtitel`") != std::string::npos);
    CHECK(check.output.find("did you mean `subtitle`?") != std::string::npos);
    CHECK(check.output.find("essays/a.md:7:11: warning: raw HTML dropped") != std::string::npos);
    auto strict = book.run("build", "--strict");
    CHECK(strict.exit_code == 1);
    CHECK_FALSE(book.has_output());
}

// Issue 7: the rest of the kinds of bad input, one test each.

TEST_CASE("a manifest that is not a map is an error", "[cli][bad-input]") {
    Book book("manifest-list");
    book.write("book.yaml", "- essays/\n- title\n");
    expect_failure(book, "book.yaml", "error: the manifest must be a map of keys");
}

TEST_CASE("a manifest value of the wrong shape names its line", "[cli][bad-input]") {
    Book book("manifest-shape");
    book.write("book.yaml", "title: T\nessays: {a: 1}\n");
    expect_failure(book, "book.yaml:2:9: error: `essays`: expected a list, found a map", "hint:");
}

TEST_CASE("a malformed language, date or id names its line", "[cli][bad-input]") {
    Book book("manifest-values");
    book.write("essays/a.md", essay("REALISM"));
    book.write("book.yaml", kManifest + "language: \"english!\"\n");
    expect_failure(book, "book.yaml:4:11: error: `language` must be a BCP 47 tag, found `english!`",
                   "hint: e.g. `en`, `en-GB`, `fr`");
    book.write("book.yaml", kManifest + "date: 22/11/2026\n");
    // No hint here: the caret under the value shows what to fix.
    expect_failure(book, "book.yaml:4:7: error: `date` must look like 2026-11-22, found `22/11/2026`",
                   "  date: 22/11/2026\n        ^");
    book.write("book.yaml", kManifest + "id: my book\n");
    expect_failure(
        book, "book.yaml:4:5: error: `id` must be a file name of letters, digits, `.`, `_` and `-`, found `my book`",
        "hint: set `id:` in the manifest, e.g. `id: closeness`");
}

TEST_CASE("a mistyped ISBN is an error at its check digit", "[cli][bad-input]") {
    Book book("manifest-isbn");
    book.write("essays/a.md", essay("REALISM"));
    book.write("book.yaml", kManifest + "isbn: 978-0-306-40615-3\n");
    expect_failure(book, "book.yaml:4:23: error: `isbn` has check digit 3, expected 7",
                   "hint: the last digit follows from the others");
    book.write("book.yaml", kManifest + "identifier: \"urn:isbn:0-306-40615-3\"\n");
    expect_failure(book, "book.yaml:4:35: error: the ISBN in `identifier` has check digit 3, expected 2",
                   "identifier: \"urn:isbn:0-306-40615-3\"");
    book.write("book.yaml", kManifest + "isbn: 978-0-306\n");
    expect_failure(book, "book.yaml:4:7: error: `isbn` must be an ISBN-13 or ISBN-10, found 7 digits",
                   "hint: 13 digits, or 10 of which the last may be X");
}

TEST_CASE("a film or import entry missing what it needs names its line", "[cli][bad-input]") {
    Book book("entries");
    book.write("essays/a.md", essay("REALISM"));
    book.write("book.yaml", kManifest + "films: [{title: X}]\n");
    expect_failure(book, "book.yaml:4:9: error: a film needs an `id` (its movieId)",
                   "  films: [{title: X}]\n          ^");
    book.write("book.yaml", kManifest + "imports:\n  - file: a.txt\n");
    expect_failure(book, "book.yaml:5:5: error: an import needs `movieId`",
                   "hint: an import names `file`, `movieId`, `movieTitle` and `categoryName`");
}

TEST_CASE("a manifest with no essays is an error", "[cli][bad-input]") {
    Book book("no-essays");
    book.write("book.yaml", "title: T\nessays: []\n");
    expect_failure(book, "book.yaml:1:1: error: the book has no essays", "hint:");
}

TEST_CASE("YAML nested ten thousand deep is an error, not a crash", "[cli][bad-input]") {
    Book book("deep-yaml");
    book.write("book.yaml", "title: T\nessays: " + std::string(10000, '[') + std::string(10000, ']') + "\n");
    expect_failure(book, "book.yaml:2:", "error: invalid YAML");
    // The quoted line is cut to a window around the column.
    auto result = book.run("check");
    CHECK(result.output.size() < 2000);
}

TEST_CASE("NUL bytes and invalid UTF-8 in the manifest name the line", "[cli][bad-input]") {
    Book book("manifest-bytes");
    book.write("book.yaml", std::string("title: T\0\nessays: [essays/]\n", 28));
    expect_failure(book, "book.yaml:1:9: error: the file contains a NUL byte", "hint: is it a text file?");
    book.write("book.yaml", "title: T\xFF\nessays: [essays/]\n");
    expect_failure(book, "book.yaml:1:9: error: invalid UTF-8 on line 1",
                   "hint: save the file as UTF-8 (e.g. `iconv -f windows-1252 -t utf-8`)");
}

TEST_CASE("front matter that is not a map is an error", "[cli][bad-input]") {
    Book book("front-matter-list");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", "---\n- movieId\n- 1\n---\n\nText.\n");
    expect_failure(book, "essays/a.md:2:1: error: front matter must be a map with movieId, movieTitle and categoryName",
                   "hint: e.g. `movieId: 452008`");
}

TEST_CASE("a malformed SOURCE_DATE_EPOCH is an error", "[cli][bad-input]") {
    Book book("epoch");
    book.write("book.yaml", kManifest);
    book.write("essays/a.md", essay("REALISM"));
    auto result = cinefolio::test::run("cd " + cinefolio::test::quote(book.path("")) +
                                       " && SOURCE_DATE_EPOCH=yesterday " + cinefolio::test::quote(CINEFOLIO_BINARY) +
                                       " build book.yaml");
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(result.output.find("error: SOURCE_DATE_EPOCH must be a whole number of seconds, found `yesterday`") !=
          std::string::npos);
    CHECK_FALSE(book.has_output());
}

TEST_CASE("control characters in messages never reach the terminal", "[cli][bad-input]") {
    Book book("terminal");
    book.write("book.yaml", kManifest + "bogus\x1b[2J: 1\n");
    book.write("essays/a.md", essay("REALISM"));
    auto result = book.run("check");
    INFO(result.output);
    CHECK(result.exit_code == 0);
    CHECK(result.output.find("unknown key `bogus\xEF\xBF\xBD[2J`") != std::string::npos);
    CHECK(result.output.find('\x1b') == std::string::npos);
}

TEST_CASE("an invalid index pattern names its line and column and ICU's reason", "[cli][bad-input][index]") {
    Book book("index-pattern");
    book.write("book.yaml", kManifest + "index: index.yaml\n");
    book.write("essays/a.md", essay("REALISM", "A [boxed] frame.\n"));
    book.write("index.yaml", "entries:\n  - heading: frame\n    patterns:\n      - \"[boxed\"\n");
    expect_failure(book, "index.yaml:4:15: error: invalid index pattern `[boxed`: a `[` set without its `]`",
                   "U_REGEX_MISSING_CLOSE_BRACKET");
}
