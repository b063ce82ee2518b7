// The EPUB as a container: the real validator (epubcheck), the OCF rules for
// the ZIP, byte-for-byte determinism, links that land, and bad options.

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "cinefolio/epub/epub.hpp"
#include "epub_fixture.hpp"
#include "sample_book.hpp"
#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;
namespace epub = cinefolio::epub;
namespace model = cinefolio::model;
using cinefolio::base::Diagnostics;

TEST_CASE("epubcheck finds no errors or warnings", "[epub][epubcheck]") {
    ScratchDir scratch("epub");
    std::string path = scratch.write("sample.epub", sample_epub());
    auto result = epubcheck(quote(path));
    INFO(result.output);
    CHECK(result.exit_code == 0);
    CHECK(result.output.find("No errors or warnings detected") != std::string::npos);
}

TEST_CASE("mimetype is the first entry, stored and uncompressed", "[epub][ocf]") {
    const std::string& bytes = sample_epub();
    REQUIRE(bytes.size() > 60);
    CHECK(bytes.compare(0, 4, "PK\x03\x04") == 0);
    auto u16 = [&](std::size_t at) { return read_u16(bytes, at); };
    CHECK(u16(8) == 0);    // compression method: stored
    CHECK(u16(26) == 8);   // name length
    CHECK(u16(28) == 0);   // no extra field before the content
    CHECK(bytes.compare(30, 8, "mimetype") == 0);
    CHECK(bytes.compare(38, 20, "application/epub+zip") == 0);
}

TEST_CASE("entries come in a fixed order with the given time", "[epub][ocf]") {
    const Unpacked& unpacked = sample_files();
    std::vector<std::string> expected = {"mimetype",
                                         "META-INF/container.xml",
                                         "OEBPS/content.opf",
                                         "OEBPS/nav.xhtml",
                                         "OEBPS/toc.ncx",
                                         "OEBPS/styles/book.css",
                                         "OEBPS/text/cover.xhtml",
                                         "OEBPS/text/half-title.xhtml",
                                         "OEBPS/text/title-page.xhtml",
                                         "OEBPS/text/copyright.xhtml",
                                         "OEBPS/text/contents.xhtml",
                                         "OEBPS/text/part-f452008.xhtml",
                                         "OEBPS/text/f452008-realism.xhtml",
                                         "OEBPS/text/f452008-sound.xhtml",
                                         "OEBPS/text/part-f17.xhtml",
                                         "OEBPS/text/f17-realism.xhtml",
                                         "OEBPS/text/f17-film-noir.xhtml",
                                         "OEBPS/images/cover.png",
                                         "OEBPS/fonts/linux-libertine/LinLibertine_R.otf",
                                         "OEBPS/fonts/linux-libertine/LinLibertine_RI.otf",
                                         "OEBPS/fonts/linux-libertine/LinLibertine_RB.otf",
                                         "OEBPS/fonts/linux-libertine/LinLibertine_RBI.otf",
                                         "OEBPS/fonts/linux-libertine/LinLibertine_M.otf",
                                         "OEBPS/images/still.png"};
    CHECK(unpacked.order == expected);

    // Walk the local headers: every entry carries the DOS time of `modified`.
    const std::string& bytes = sample_epub();
    std::vector<DosStamp> stamps = local_header_times(bytes);
    CHECK(stamps.size() == expected.size());
    for (const DosStamp& stamp : stamps) {
        CHECK(stamp.time == expected_dos_time);
        CHECK(stamp.date == expected_dos_date);
    }
}

TEST_CASE("build times outside the DOS range are clamped, malformed ones refused", "[epub][ocf]") {
    epub::Options options;
    Diagnostics diagnostics;
    options.modified = "1970-01-01T00:00:00Z";  // SOURCE_DATE_EPOCH=0
    auto early = epub::write(sample_book(), options, diagnostics);
    REQUIRE(early);
    for (const DosStamp& stamp : local_header_times(*early)) {
        CHECK(stamp.time == 0);
        CHECK(stamp.date == ((1u << 5) | 1u));  // 1980-01-01, the DOS epoch
    }
    for (const char* wrong : {"2023-02-29T00:00:00Z", "2023-11-14T24:00:00Z", "2023-11-14T22:13:20+01:00", ""}) {
        options.modified = wrong;
        Diagnostics refused;
        CHECK_FALSE(epub::write(sample_book(), options, refused));
        CHECK(refused.error_count() == 1);
    }
}

TEST_CASE("the same book and options give the same bytes", "[epub][determinism]") {
    Diagnostics diagnostics;
    auto again = epub::write(sample_with_image(), sample_options(), diagnostics);
    REQUIRE(again);
    CHECK(*again == sample_epub());
}

TEST_CASE("every internal link and manifest entry resolves", "[epub][links]") {
    const Unpacked& unpacked = sample_files();
    std::map<std::string, std::set<std::string>> ids;
    std::map<std::string, pugi::xml_document> pages;
    for (const auto& [name, content] : unpacked.files) {
        if (!name.ends_with(".xhtml")) continue;
        pages[name] = parse(content);
        ids[name] = ids_of(pages[name]);
    }
    std::size_t checked = 0;
    for (const auto& [name, document] : pages) {
        for (const char* query : {"//*[@href]", "//*[@src]"}) {
            for (const pugi::xpath_node& found : document.select_nodes(query)) {
                pugi::xml_node element = found.node();
                std::string target = element.attribute("href") ? element.attribute("href").value() : element.attribute("src").value();
                if (is_external(target)) continue;
                INFO(name << " -> " << target);
                std::string file = target.substr(0, target.find('#'));
                std::string fragment = target.find('#') == std::string::npos ? "" : target.substr(target.find('#') + 1);
                std::string path = file.empty() ? name : resolve(folder_of(name), file);
                REQUIRE(unpacked.files.count(path) == 1);
                if (!fragment.empty()) CHECK(ids[path].count(fragment) == 1);
                ++checked;
            }
        }
    }
    CHECK(checked > 30);

    // The package lists every file but the container's own, and nothing else.
    pugi::xml_document package = parse(unpacked.files.at("OEBPS/content.opf"));
    std::set<std::string> listed;
    for (const pugi::xpath_node& item : package.select_nodes("//*[local-name()='item']"))
        listed.insert(resolve("OEBPS/", item.node().attribute("href").value()));
    std::set<std::string> packed;
    for (const auto& [name, content] : unpacked.files)
        if (name.starts_with("OEBPS/") && name != "OEBPS/content.opf") packed.insert(name);
    CHECK(listed == packed);

    pugi::xml_document ncx = parse(unpacked.files.at("OEBPS/toc.ncx"));
    for (const pugi::xpath_node& content : ncx.select_nodes("//*[local-name()='content']"))
        CHECK(unpacked.files.count(resolve("OEBPS/", content.node().attribute("src").value())) == 1);
}

TEST_CASE("bad options are reported, not written", "[epub][errors]") {
    SECTION("a malformed build time") {
        epub::Options options;
        options.modified = "2023-11-14 22:13:20";
        Diagnostics diagnostics;
        CHECK_FALSE(epub::write(sample_book(), options, diagnostics));
        CHECK(diagnostics.has_errors());
    }
    SECTION("a resource escaping the package folder") {
        epub::Options options;
        options.resources.push_back({"../evil.otf", "font/otf", "x"});
        Diagnostics diagnostics;
        CHECK_FALSE(epub::write(sample_book(), options, diagnostics));
        CHECK(diagnostics.has_errors());
    }
    SECTION("a stylesheet naming a file that is not a resource") {
        epub::Options options;
        options.stylesheet = "/* url(ignored.otf) */ @font-face { src: url('../fonts/missing.otf'); }";
        Diagnostics diagnostics;
        CHECK_FALSE(epub::write(sample_book(), options, diagnostics));
        REQUIRE(diagnostics.error_count() == 1);
        CHECK(diagnostics.all()[0].message.find("../fonts/missing.otf") != std::string::npos);
    }
}
