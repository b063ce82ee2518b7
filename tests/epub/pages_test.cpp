// What the EPUB's documents say: language, escaping, package metadata,
// chapter structure, footnotes, links and navigation.

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cinefolio/epub/epub.hpp"
#include "epub_fixture.hpp"
#include "sample_book.hpp"
#include "support/golden.hpp"

using namespace cinefolio::test;
namespace epub = cinefolio::epub;
namespace model = cinefolio::model;
using cinefolio::base::Diagnostics;

TEST_CASE("every content document declares lang and xml:lang", "[epub][a11y]") {
    for (const auto& [name, content] : sample_files().files) {
        if (!name.ends_with(".xhtml")) continue;
        INFO(name);
        pugi::xml_document document = parse(content);
        pugi::xml_node html = document.child("html");
        CHECK(std::string(html.attribute("lang").value()) == "en");
        CHECK(std::string(html.attribute("xml:lang").value()) == "en");
        CHECK_FALSE(text_of(html.child("head").child("title")).empty());
    }
    pugi::xml_document package = parse(sample_files().files.at("OEBPS/content.opf"));
    CHECK(std::string(package.child("package").attribute("xml:lang").value()) == "en");
}

TEST_CASE("markup-looking text is escaped, not interpreted", "[epub][escaping]") {
    const auto& files = sample_files().files;
    const std::string& title_page = files.at("OEBPS/text/title-page.xhtml");
    CHECK(title_page.find("<script>") == std::string::npos);
    pugi::xml_document document = parse(title_page);
    CHECK(text_of(document.select_node("//h1").node()) == sample_title);
    CHECK(all_text(document.select_node("//p[@class='creators']").node()) == "Edited by Ada Critic and Ben <Editor>");

    pugi::xml_document package = parse(files.at("OEBPS/content.opf"));
    CHECK(text_of(package.select_node("//*[local-name()='title' and @id='title']").node()) == sample_title);

    pugi::xml_document chapter = parse(files.at(chapter_file("f452008-realism")));
    CHECK(all_text(chapter.select_node("//p[@role='doc-subtitle']").node()) == "Streets of Rome & <Ruin>");
    CHECK(text_of(chapter.select_node("//pre/code").node()) == "if (a < b && c > d) {\n    return \"</pre>\";\n}\n");
    CHECK(std::string(chapter.select_node("//pre/code").node().attribute("class").value()) == "language-c");
}

TEST_CASE("package metadata follows the book", "[epub][opf]") {
    pugi::xml_document package = parse(sample_files().files.at("OEBPS/content.opf"));
    pugi::xml_node root = package.child("package");
    CHECK(std::string(root.attribute("unique-identifier").value()) == "book-id");
    CHECK(text_of(package.select_node("//*[local-name()='identifier' and @id='book-id']").node()) ==
          sample_book().metadata.identifier);
    CHECK(text_of(package.select_node("//*[@property='dcterms:modified']").node()) == sample_modified);
    CHECK(text_of(package.select_node("//*[@refines='#subtitle' and @property='title-type']").node()) == "subtitle");
    CHECK(package.select_nodes("//*[local-name()='creator']").size() == 2);
    CHECK(text_of(package.select_node("//*[@refines='#creator-2' and @property='role']").node()) == "edt");
    CHECK(text_of(package.select_node("//*[local-name()='date']").node()) == "2024-05-01");

    std::vector<std::string> spine;
    for (const pugi::xpath_node& ref : package.select_nodes("//*[local-name()='itemref']")) {
        std::string idref = ref.node().attribute("idref").value();
        spine.push_back(package.select_node(("//*[@id='" + idref + "']").c_str()).node().attribute("href").value());
    }
    std::vector<std::string> expected = {
        "text/cover.xhtml",
        "text/half-title.xhtml",   "text/title-page.xhtml",      "text/copyright.xhtml", "text/contents.xhtml",
        "text/part-f452008.xhtml", "text/f452008-realism.xhtml", "text/f452008-sound.xhtml",
        "text/part-f17.xhtml",     "text/f17-realism.xhtml",     "text/f17-film-noir.xhtml"};
    CHECK(spine == expected);
}

TEST_CASE("chapter pages keep block ids, headings and footnotes", "[epub][chapter]") {
    model::Book book = sample_book();
    const model::Chapter& source = book.parts[0].chapters[0];
    pugi::xml_document chapter = parse(sample_files().files.at(chapter_file(source.id)));
    std::set<std::string> ids = ids_of(chapter);

    // Every block, at any depth, keeps its id.
    std::vector<const model::Block*> pending;
    for (const auto& block : source.blocks) pending.push_back(&block);
    for (const auto& note : source.footnotes)
        for (const auto& block : note.blocks) pending.push_back(&block);
    while (!pending.empty()) {
        const model::Block* block = pending.back();
        pending.pop_back();
        INFO(block->id);
        CHECK(ids.count(block->id) == 1);
        for (const auto& child : block->children) pending.push_back(&child);
    }

    pugi::xml_node section = chapter.select_node("//section").node();
    CHECK(std::string(section.attribute("role").value()) == "doc-chapter");
    CHECK(text_of(section.select_node("header/h1").node()) == "Realism");
    CHECK(std::string(chapter.select_node("//*[@id='f452008-realism-h1']").node().name()) == "h2");
    CHECK(std::string(chapter.select_node("//*[@id='f452008-realism-h2']").node().name()) == "h3");
    CHECK(all_text(chapter.select_node("//p[@class='byline']").node()) == "Ada Critic");
    CHECK(chapter.select_node("//p[@class='run-in' and @id='f452008-realism-p1']"));
    CHECK(std::string(chapter.select_node("//ol").node().attribute("start").value()) == "3");

    auto refs = chapter.select_nodes("//a[@role='doc-noteref']");
    CHECK(refs.size() == 4);
    std::set<std::string> ref_ids;
    for (const auto& ref : refs) {
        CHECK(std::string(ref.node().attribute("epub:type").value()) == "noteref");
        ref_ids.insert(ref.node().attribute("id").value());
    }
    CHECK(ref_ids.size() == 4);
    auto notes = chapter.select_nodes("//aside[@role='doc-footnote']");
    REQUIRE(notes.size() == 2);
    for (const auto& note : notes) {
        CHECK(std::string(note.node().attribute("epub:type").value()) == "footnote");
        pugi::xml_node back = note.node().select_node(".//a[@role='doc-backlink']").node();
        CHECK(ref_ids.count(std::string(back.attribute("href").value()).substr(1)) == 1);
    }
}

TEST_CASE("only web and mail links are kept", "[epub][links]") {
    pugi::xml_document chapter = parse(sample_files().files.at(chapter_file("f452008-realism")));
    std::vector<std::string> hrefs;
    for (const auto& link : chapter.select_nodes("//p//a[not(@role)]")) hrefs.push_back(link.node().attribute("href").value());
    CHECK(hrefs == std::vector<std::string>{"https://example.org/a%20b?x=1&y=2", "mailto:ada@example.org"});
    std::string text = all_text(chapter.select_node("//*[@id='f452008-realism-p2']").node());
    CHECK(text.find("script link") != std::string::npos);
    CHECK(text.find("relative link") != std::string::npos);
    CHECK(text.find("a still of the bicycle") != std::string::npos);
}

TEST_CASE("the nav nests films and their chapters and has landmarks", "[epub][nav]") {
    pugi::xml_document nav = parse(sample_files().files.at("OEBPS/nav.xhtml"));
    pugi::xml_node toc = nav.select_node("//nav[@epub:type='toc']").node();
    REQUIRE(toc);
    auto films = toc.select_nodes("ol/li[ol]");
    REQUIRE(films.size() == 2);
    CHECK(all_text(films[0].node().child("a")) == "Bicycle Thieves (1948)");
    // The film's title in italic, the year upright.
    CHECK(all_text(films[0].node().child("a").child("i")) == "Bicycle Thieves");
    auto chapters = films[0].node().select_nodes("ol/li/a");
    REQUIRE(chapters.size() == 2);
    // Each essay by its own title (with its emphasis), then its lens and
    // author, inside the one link an entry may hold; by its lens without one.
    CHECK(all_text(chapters[0].node()) == "Streets of Rome & <Ruin> \u2014 Realism \u00B7 Ada Critic");
    CHECK(all_text(chapters[0].node().child("em")) == "Rome & <Ruin>");
    CHECK(all_text(chapters[1].node()) == "Sound");
    // Every entry is one link, then at most a list (the nav's content model).
    for (const auto& item : toc.select_nodes(".//li")) {
        std::vector<std::string> children;
        for (pugi::xml_node child : item.node().children())
            if (child.type() == pugi::node_element) children.push_back(child.name());
        CHECK((children == std::vector<std::string>{"a"} || children == std::vector<std::string>{"a", "ol"}));
    }
    // The NCX labels the same entries in plain text.
    pugi::xml_document ncx = parse(sample_files().files.at("OEBPS/toc.ncx"));
    std::vector<std::string> labels;
    for (const auto& text : ncx.select_nodes("//navPoint/navLabel/text")) labels.push_back(all_text(text.node()));
    CHECK(std::find(labels.begin(), labels.end(), "Streets of Rome & <Ruin> \u2014 Realism \u00B7 Ada Critic") !=
          labels.end());
    std::set<std::string> landmarks;
    for (const auto& link : nav.select_nodes("//nav[@epub:type='landmarks']//a"))
        landmarks.insert(link.node().attribute("epub:type").value());
    CHECK(landmarks == std::set<std::string>{"cover", "titlepage", "toc", "bodymatter"});
}

// Golden text of the package, the nav and one chapter, read in a diff when
// the output changes (support/golden.hpp says how to accept a change).
TEST_CASE("the sample's package, nav and chapter match the golden text", "[epub][golden]") {
    const auto& files = sample_files().files;
    std::string actual;
    for (const char* name : {"OEBPS/content.opf", "OEBPS/nav.xhtml", "OEBPS/toc.ncx", "OEBPS/text/f452008-realism.xhtml"})
        actual += std::string("==> ") + name + " <==\n" + files.at(name);
    check_golden(CINEFOLIO_SOURCE_DIR "/tests/epub/golden/sample.txt", actual);
}

namespace {

// The contents page's essay entries as "title | detail" lines.
std::vector<std::string> contents_entries(const epub::Options& options) {
    Diagnostics diagnostics;
    auto bytes = epub::write(sample_with_image(), options, diagnostics);
    REQUIRE(bytes);
    pugi::xml_document page = parse(unpack(*bytes).files.at("OEBPS/text/contents.xhtml"));
    std::vector<std::string> entries;
    for (const auto& item : page.select_nodes("//li[@class='contents-chapter']")) {
        entries.push_back(all_text(item.node().child("a")) + " | " +
                          all_text(item.node().select_node("span[@class='contents-detail']").node()));
    }
    return entries;
}

}  // namespace

TEST_CASE("the contents page lists each essay's title, lens and author as the design shows", "[epub][nav]") {
    epub::Options options = sample_options();
    auto entries = contents_entries(options);
    REQUIRE(entries.size() >= 2);
    CHECK(entries[0] == "Streets of Rome & <Ruin> | Realism \u00B7 Ada Critic");
    CHECK(entries[1] == "Sound | ");
    pugi::xml_document page = parse(sample_files().files.at("OEBPS/text/contents.xhtml"));
    // The film in italic, its year upright; the byline in a span of its
    // own, never run on after the title.
    CHECK(all_text(page.select_node("//li[@class='contents-part']/a/i").node()) == "Bicycle Thieves");
    CHECK(all_text(page.select_node("//span[@class='contents-author']").node()) == "Ada Critic");

    options.contents.author = false;
    CHECK(contents_entries(options)[0] == "Streets of Rome & <Ruin> | Realism");
    options.contents.lens = false;
    CHECK(contents_entries(options)[0] == "Streets of Rome & <Ruin> | ");
    options.contents = {false, true, true};  // no title: the lens is the title line, not repeated
    CHECK(contents_entries(options)[0] == "Realism | Ada Critic");
}
