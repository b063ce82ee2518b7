// `cinefolio booklets`: one EPUB and PDF per film with its own front matter,
// cover and index, in the booklet design, padded to whole sheets; --films,
// and --shard slices whose union is the unsharded run byte for byte.

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>

#include "cli_fixture.hpp"
#include "epub_reader.hpp"
#include "support/pdf_text.hpp"
#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;
namespace fs = std::filesystem;

namespace {

int page_count(const std::string& pdf) {
    auto pages = run_tool("qpdf", "--show-npages " + quote(pdf));
    return pages.exit_code == 0 ? std::stoi(pages.output) : -1;
}

// Every file of a folder by name, with its bytes.
std::map<std::string, std::string> files_of(const std::string& folder) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file())  // not the build cache's folder
            files[entry.path().filename().string()] = slurp(entry.path().string());
    return files;
}

std::string generate_corpus(const ScratchDir& work, int films) {
    auto corpus = make_corpus(quote(work / "book") + " --films " + std::to_string(films));
    REQUIRE(corpus.exit_code == 0);
    return work / "book/book.yaml";
}

}  // namespace

TEST_CASE("booklets: the sample's film as a valid A5 booklet padded to whole sheets", "[cli][booklets]") {
    ScratchDir out("booklets-sample");
    auto made = run(quote(CINEFOLIO_BINARY) + " booklets books/closeness/book.yaml -o " + quote(out.path().string()));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    const auto epub = out / "closeness-452008.epub";
    const auto pdf = out / "closeness-452008.pdf";
    // Only the booklet: the anthology is `build`'s.
    CHECK(files_of(out.path().string()).size() == 2);
    CHECK(made.output.find("wrote " + epub + " (") != std::string::npos);
    CHECK(made.output.find("wrote " + pdf + " (") != std::string::npos);

    auto check = epubcheck(quote(epub));
    INFO(check.output);
    CHECK(check.output.find("No errors or warnings detected") != std::string::npos);
    auto qpdf = run_tool("qpdf", "--check " + quote(pdf));
    INFO(qpdf.output);
    CHECK(qpdf.exit_code == 0);
    // booklets.pad_to defaults to 4; the trim is classic's booklet design's, A5.
    const int pages = page_count(pdf);
    CHECK(pages > 0);
    CHECK(pages % 4 == 0);
    auto info = run_tool("pdfinfo", "" + quote(pdf));
    CHECK(info.output.find("419.528 x 595.276 pts") != std::string::npos);

    // The title page: the film, its director and year, the lenses, the anthology.
    auto front = normalized(run_tool("pdftotext", "-f 1 -l 4 " + quote(pdf) + " -").output);
    INFO(front);
    CHECK(front.find("directed by kantemir balagov, 2017") != std::string::npos);
    // Letter-spaced small capitals come back from pdftotext torn apart
    // ("Signifi e r"): the whole line is checked in the EPUB below.
    CHECK(front.find("metacritic \u00b7 realism \u00b7") != std::string::npos);
    CHECK(front.find("from closeness") != std::string::npos);
    CHECK(front.find("the cinefolio editors") != std::string::npos);
    CHECK(front.find("\u00a9 2026 the authors") != std::string::npos);
    auto title_page = zip_entries(epub)["OEBPS/text/title-page.xhtml"];
    CHECK(title_page.find("directed by Kantemir Balagov, 2017") != std::string::npos);
    CHECK(title_page.find("Metacritic \u00b7 Realism \u00b7 Signifier \u00b7 Press") != std::string::npos);
    // The generated cover names the film (its alt text says what it shows).
    auto cover = zip_entries(epub)["OEBPS/text/cover.xhtml"];
    CHECK(cover.find("alt=\"Cover: Closeness. directed by Kantemir Balagov, 2017.") != std::string::npos);
    // And the booklet ends on its index.
    auto all = normalized(run_tool("pdftotext", "" + quote(pdf) + " -").output);
    CHECK(all.find("index") != std::string::npos);
}

TEST_CASE("booklets --shard K/N: disjoint slices whose union is the unsharded run, byte for byte",
          "[cli][booklets][shard]") {
    ScratchDir work("booklets-shard");
    const auto manifest = generate_corpus(work, 10);
    const auto booklets = quote(CINEFOLIO_BINARY) + " booklets " + quote(manifest) + " -q -o ";
    auto whole = run(booklets + quote(work / "whole"));
    INFO(whole.output);
    REQUIRE(whole.exit_code == 0);
    const auto expected = files_of(work / "whole");
    CHECK(expected.size() == 20);  // ten films, an EPUB and a PDF each

    std::map<std::string, std::string> union_of_shards;
    for (const char* shard : {"1/3", "2/3", "3/3"}) {
        const std::string folder = work / ("shard-" + std::string(1, shard[0]));
        auto slice = run(booklets + quote(folder) + " --shard " + shard);
        INFO(shard << ": " << slice.output);
        REQUIRE(slice.exit_code == 0);
        const auto files = files_of(folder);
        // Round robin: 4, 3 and 3 films.
        CHECK(files.size() == (shard[0] == '1' ? 8u : 6u));
        for (const auto& [name, bytes] : files) {
            INFO(name);
            CHECK(union_of_shards.emplace(name, bytes).second);  // in no other slice
        }
    }
    CHECK(union_of_shards == expected);
    for (const auto& [name, bytes] : expected) {
        // `<slug>-<movieId>`: lower-case ASCII, then the id.
        CHECK(std::regex_match(name, std::regex("[a-z0-9]+(-[a-z0-9]+)*-1[0-9]{5}\\.(epub|pdf)")));
    }

    // More slices than films: the empty ones write nothing and succeed.
    auto empty = run(booklets + quote(work / "empty") + " --films 100000 --shard 2/2");
    CHECK(empty.exit_code == 0);
    CHECK_FALSE(fs::exists(work / "empty"));
}

TEST_CASE("booklets --films picks films, pad_to and trim come from `booklets:`", "[cli][booklets]") {
    ScratchDir work("booklets-films");
    const auto manifest = generate_corpus(work, 3);
    {
        std::ofstream append(manifest, std::ios::app);
        append << "booklets:\n  trim: 5.5x8.5in\n  pad_to: 8\n";
    }
    auto made = run(quote(CINEFOLIO_BINARY) + " booklets " + quote(manifest) + " -q --format pdf --films 100014 -o " +
                    quote(work / "out"));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    const auto files = files_of(work / "out");
    REQUIRE(files.size() == 1);
    const auto pdf = work / ("out/" + files.begin()->first);
    CHECK(files.begin()->first.find("-100014.pdf") != std::string::npos);
    CHECK(page_count(pdf) % 8 == 0);
    CHECK(run_tool("pdfinfo", "" + quote(pdf)).output.find(" 396 x 612 pts") != std::string::npos);
    // The padding is blank to the end: the last page holds no text.
    const auto last = std::to_string(page_count(pdf));
    auto text = run_tool("pdftotext", "-f " + last + " -l " + last + " " + quote(pdf) + " -").output;
    CHECK(normalized(text).empty());

    auto unknown = run(quote(CINEFOLIO_BINARY) + " booklets " + quote(manifest) + " --films 42 -o " +
                       quote(work / "none"));
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.output.find("error: --films names 42, which is no film of this book") != std::string::npos);
    CHECK(unknown.output.find("hint: its films are 100000 (") != std::string::npos);
    CHECK_FALSE(fs::exists(work / "none"));
}

TEST_CASE("a film's own cover and an accented title", "[cli][booklets]") {
    Book book("booklets-cover");
    book.write("cover.png", slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/tests/fixtures/images/frame.png"));
    book.write("essays/a.md", "---\nmovieId: 7\nmovieTitle: \"S\u00e1t\u00e1ntang\u00f3: \u0141\u00f3d\u017a Don\u2019t\"\n"
                              "categoryName: REALISM\n---\n\nSome text about the film.\n");
    book.write("book.yaml", "title: Covers\nessays: [essays/]\nfilms:\n  - {id: 7, cover: cover.png}\n");
    auto made = book.run("booklets", "-q --format epub -o out");
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    const auto epub = book.path("out/satantango-lodz-dont-7.epub");
    REQUIRE(fs::exists(epub));
    auto entries = zip_entries(epub);
    REQUIRE(entries.count("OEBPS/images/cover.png") == 1);
    CHECK(entries["OEBPS/images/cover.png"] ==
          slurp(book.path("cover.png")));
}

TEST_CASE("booklets: bad values of --shard, --films and `booklets:`", "[cli][booklets][usage]") {
    for (const std::string shard : {"0/3", "4/3", "3", "a/b", "1/0"}) {
        auto result = run(quote(CINEFOLIO_BINARY) + " booklets book.yaml --shard " + shard);
        INFO(shard << ": " << result.output);
        CHECK(result.exit_code == 2);
        CHECK(result.output.find("--shard takes K/N with 1 <= K <= N") != std::string::npos);
        CHECK(result.output.find("usage: cinefolio booklets BOOK.yaml") != std::string::npos);
    }
    auto films = run(quote(CINEFOLIO_BINARY) + " booklets book.yaml --films 1,,2");
    CHECK(films.exit_code == 2);
    auto typo = run(quote(CINEFOLIO_BINARY) + " booklets book.yaml --shrad 1/2");
    CHECK(typo.exit_code == 2);
    CHECK(typo.output.find("hint: did you mean `--shard`?") != std::string::npos);

    Book book("booklets-bad");
    book.write("essays/a.md", essay("REALISM"));
    book.write("book.yaml", "title: T\nessays: [essays/]\nbooklets:\n  pad_to: 3.5\n  style: nosuch\n  trim: 6x9\n");
    auto bad = book.run("booklets", "-o out");
    INFO(bad.output);
    CHECK(bad.exit_code == 1);
    CHECK(bad.output.find("book.yaml:4:11: error: `booklets.pad_to`") != std::string::npos);
    CHECK(bad.output.find("book.yaml:6:9: error: `trim`: expected a page size") != std::string::npos);
    CHECK_FALSE(book.has_output());
    book.write("book.yaml", "title: T\nessays: [essays/]\nbooklets:\n  pad_to: 0\n");
    auto zero = book.run("booklets", "-o out");
    CHECK(zero.output.find("book.yaml:4:11: error: `booklets.pad_to` must be between 1 and 32, found `0`") !=
          std::string::npos);
    book.write("book.yaml", "title: T\nessays: [essays/]\nbooklets:\n  style: nosuch\n");
    auto style = book.run("booklets", "-o out");
    CHECK(style.exit_code == 1);
    CHECK(style.output.find("book.yaml:4:10: error: style `nosuch` not found; the styles are `classic`, `modern`") != std::string::npos);
}
