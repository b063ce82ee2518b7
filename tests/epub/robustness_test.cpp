// Input the model should never produce but the backend must survive: bad
// ids, clashing ids, dangling note references, control characters, invalid
// UTF-8, an empty book. It warns and still writes an EPUB epubcheck
// accepts. (The metadata is the manifest's to check: tests/manifest.)

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "cinefolio/epub/epub.hpp"
#include "epub_fixture.hpp"
#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;
namespace epub = cinefolio::epub;
namespace model = cinefolio::model;
using cinefolio::base::Diagnostics;
using model::Block;
using model::BlockKind;
using model::InlineKind;

namespace {

Block block(BlockKind kind, std::string id, std::string text = {}) {
    Block made;
    made.kind = kind;
    made.id = std::move(id);
    if (!text.empty()) made.inlines = {{InlineKind::text, std::move(text), {}, {}, {}}};
    return made;
}

// Two films with the same odd id, each with two copies of an odd chapter.
model::Book odd_book() {
    model::Book book;
    book.metadata.title = "Odd";
    book.metadata.language = "fr-CA";
    book.metadata.identifier = "urn:uuid:6f1c2a3b-4d5e-5f60-8a7b-9c0d1e2f3a4b";
    model::Chapter chapter;
    chapter.id = "1-starts-with-digit";
    Block deep = block(BlockKind::heading, "dup", "Deep\x01 heading, \xff bad UTF-8 \xef\xbf\xbe");
    deep.level = 9;
    Block dangling = block(BlockKind::paragraph, "dup");
    dangling.inlines = {{InlineKind::footnote_ref, "9", "nowhere", {}, {}},
                        {InlineKind::link, {}, "HTTPS://EXAMPLE.org/\xc3\xa4 b", {{InlineKind::text, "caps", {}, {}, {}}}, {}}};
    Block stray = block(BlockKind::list_item, "stray-item");
    stray.children = {block(BlockKind::paragraph, "has space", "x")};
    chapter.blocks = {deep, dangling, stray, block(BlockKind::bullet_list, "empty-list"),
                      block(BlockKind::table, "empty-table"), block(BlockKind::table_row, "stray-row", "y")};
    chapter.footnotes = {{"dup", "1", {}}};  // clashes with the block ids, and wins
    model::Part part;
    part.id = "\xc3\x9cnicode film!";
    part.film_id = 9;
    part.chapters = {chapter, chapter};
    book.parts = {part, part};
    return book;
}

epub::Options plain_options() {
    epub::Options options;
    options.modified = sample_modified;
    options.stylesheet = "p { margin: 0 }";
    return options;
}

}  // namespace

TEST_CASE("an odd book is written with warnings and every page stays valid", "[epub][robustness][epubcheck]") {
    Diagnostics diagnostics;
    auto written = epub::write(odd_book(), plain_options(), diagnostics);
    REQUIRE(written);
    CHECK_FALSE(diagnostics.has_errors());
    std::set<std::string> messages;
    for (const auto& item : diagnostics.all()) messages.insert(item.message);
    CHECK(messages.count("footnote reference `nowhere` has no footnote in its chapter") == 1);
    CHECK(messages.count("id `dup` appears twice on one EPUB page; the second is left out") == 1);
    CHECK(messages.count("id `has space` is not an XML name, so the EPUB leaves it out") == 1);

    Unpacked unpacked = unpack(*written);
    // Film ids are reduced to ASCII for file names and made unique.
    CHECK(unpacked.files.count("OEBPS/text/part-nicode-film.xhtml") == 1);
    CHECK(unpacked.files.count("OEBPS/text/part-nicode-film-2.xhtml") == 1);
    CHECK(unpacked.files.count("OEBPS/text/1-starts-with-digit-4.xhtml") == 1);
    for (const auto& [name, content] : unpacked.files) {
        if (!name.ends_with(".xhtml")) continue;
        INFO(name);
        pugi::xml_document page = parse(content);
        CHECK(std::string(page.child("html").attribute("xml:lang").value()) == "fr-CA");
    }
    pugi::xml_document chapter = parse(unpacked.files.at("OEBPS/text/1-starts-with-digit.xhtml"));
    CHECK(std::string(chapter.select_node("//*[@id='dup']").node().name()) == "aside");
    CHECK(text_of(chapter.select_node("//h6").node()) == "Deep heading, \xef\xbf\xbd bad UTF-8 ");
    CHECK(std::string(chapter.select_node("//a[not(@role)]").node().attribute("href").value()) ==
          "https://example.org/%C3%A4%20b");

    ScratchDir scratch("epub-odd");
    auto result = epubcheck(quote(scratch.write("odd.epub", *written)));
    INFO(result.output);
    CHECK(result.output.find("No errors or warnings detected") != std::string::npos);
}

TEST_CASE("a book without films still has its front matter and navigation", "[epub][robustness]") {
    model::Book empty;
    empty.metadata.title = "Empty";
    empty.metadata.identifier = "urn:uuid:6f1c2a3b-4d5e-5f60-8a7b-9c0d1e2f3a4b";
    Diagnostics diagnostics;
    auto written = epub::write(empty, plain_options(), diagnostics);
    REQUIRE(written);
    CHECK(diagnostics.all().empty());
    Unpacked unpacked = unpack(*written);
    CHECK(unpacked.files.count("OEBPS/text/contents.xhtml") == 1);
    pugi::xml_document nav = parse(unpacked.files.at("OEBPS/nav.xhtml"));
    CHECK(nav.select_nodes("//nav[@epub:type='toc']/ol/li").size() == 3);
    CHECK_FALSE(nav.select_node("//a[@epub:type='bodymatter']"));
}
