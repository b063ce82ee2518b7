// The sample book's EPUB index: every locator leads to an anchor placed
// where the entry's term (or one of its forms) is written, and the entries
// the issue names are there with the right lenses.

#include <catch2/catch.hpp>

#include "cinefolio/base/text.hpp"
#include "epub_fixture.hpp"
#include "support/process.hpp"
#include "support/sample_index.hpp"
#include "support/tools.hpp"

using namespace cinefolio;
using namespace cinefolio::test;

namespace {

// The sample built by the real binary, unpacked.
const Unpacked& built_sample() {
    static const Unpacked files = [] {
        ScratchDir out("index-sample");
        auto build = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml -q --format epub -o " +
                         quote(out.path().string()));
        REQUIRE(build.exit_code == 0);
        return unpack(slurp(out / "closeness.epub"));
    }();
    return files;
}

// Text of a node, text nodes included.
std::string node_text(pugi::xml_node node) {
    if (node.type() == pugi::node_pcdata) return node.value();
    std::string text;
    for (pugi::xml_node child : node.children()) text += node_text(child);
    return text;
}

// The words that follow an anchor in its paragraph.
std::string text_after(pugi::xml_node anchor) {
    std::string text;
    for (pugi::xml_node node = anchor; node && text.size() < 120; node = node.next_sibling()) text += node_text(node);
    pugi::xml_node parent = anchor.parent();
    for (pugi::xml_node up = parent;
         up && text.size() < 120 && std::string(up.name()) != "p" && std::string(up.name()) != "li"; up = up.parent()) {
        for (pugi::xml_node node = up.next_sibling(); node && text.size() < 120; node = node.next_sibling())
            text += node_text(node);
    }
    return text;
}

}  // namespace

TEST_CASE("every index locator lands on its term", "[epub][index]") {
    const auto& files = built_sample();
    auto index = parse(files.files.at("OEBPS/text/index.xhtml"));
    auto locators = index.select_nodes("//a[@epub:type='index-locator']");
    REQUIRE(locators.size() > 50);
    std::map<std::string, pugi::xml_document> chapters;
    for (const auto& found : locators) {
        pugi::xml_node link = found.node();
        std::string href = link.attribute("href").value();
        auto hash = href.find('#');
        REQUIRE(hash != std::string::npos);
        std::string file = "OEBPS/text/" + href.substr(0, hash);
        std::string id = href.substr(hash + 1);
        REQUIRE(files.files.count(file));
        if (!chapters.count(file)) chapters[file] = parse(files.files.at(file));
        pugi::xml_node anchor = chapters[file].select_node(("//*[@id='" + id + "']").c_str()).node();
        INFO(href);
        REQUIRE(anchor);
        pugi::xml_node entry = link.parent();
        std::string heading = all_text(entry.select_node("*[@epub:type='index-term']").node());
        auto after = text_after(anchor);
        INFO(heading << " -> " << after.substr(0, 60));
        CHECK(sample_forms(heading).starts(after));
    }
}

TEST_CASE("the sample index has the entries and lenses the issue names", "[epub][index]") {
    auto index = parse(built_sample().files.at("OEBPS/text/index.xhtml"));
    auto sigla_of = [&](const std::string& heading) {
        std::string sigla;
        for (const auto& found : index.select_nodes("//li[@epub:type='index-entry']")) {
            pugi::xml_node entry = found.node();
            if (all_text(entry.select_node("*[@epub:type='index-term']").node()) != heading) continue;
            for (const auto& siglum : entry.select_nodes("abbr[@class='index-siglum']"))
                sigla += all_text(siglum.node());
        }
        return sigla;
    };
    CHECK(sigla_of("Sontag, Susan") == "R");
    CHECK(sigla_of("Bourgeois, Louise") == "R");
    CHECK(sigla_of("Politkovskaya, Anna") == "R");
    CHECK(sigla_of("Levinas, Emmanuel") == "R");
    CHECK(sigla_of("Balagov, Kantemir") == "MRSP");
    CHECK(sigla_of("Ilana") == "MRSP");
    CHECK(sigla_of("Regarding the Pain of Others") == "R");
    CHECK(sigla_of("Variety") == "M");
    CHECK(sigla_of("4:3 aspect ratio") == "MRS");
    CHECK(sigla_of("Nalchik") == "RSP");
    // Ila is a see-reference to Ilana.
    auto ila = index.select_node("//li[span[@epub:type='index-term']='Ila']").node();
    REQUIRE(ila);
    CHECK(all_text(ila).find("See Ilana") != std::string::npos);
}

TEST_CASE("the index is in the spine, the nav and the landmarks", "[epub][index]") {
    const auto& files = built_sample();
    const auto& opf = files.files.at("OEBPS/content.opf");
    CHECK(opf.find("idref=\"page-index\"") != std::string::npos);
    const auto& nav = files.files.at("OEBPS/nav.xhtml");
    CHECK(nav.find("epub:type=\"index\" href=\"text/index.xhtml\"") != std::string::npos);
}

TEST_CASE("the index document passes epubcheck's EPUB Indexes profile", "[epub][index]") {
    // `epubcheck --profile idx BOOK.epub` treats every document of the book
    // as an index (epubcheck 4.2.6 applies its index rules to all XHTML
    // under that profile), so the chapters cannot pass it; the index page
    // is checked under that profile on its own, and in the book the OPF
    // declares it (`properties="index"`), which makes the default profile
    // apply the same index rules to it.
    const auto& files = built_sample();
    CHECK(files.files.at("OEBPS/content.opf")
              .find("href=\"text/index.xhtml\" media-type=\"application/xhtml+xml\" "
                    "properties=\"index\"") != std::string::npos);
    ScratchDir scratch("index-idx");
    const std::string page = scratch.write("index.xhtml", files.files.at("OEBPS/text/index.xhtml"));
    auto check = epubcheck("--mode xhtml -v 3.0 --profile idx " + quote(page));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("0 fatals / 0 errors / 0 warnings / 0 infos") != std::string::npos);
}
