// The screen profile's tagged structure, read back with libqpdf: the
// elements a screen reader walks, in reading order, for the hand-made book
// of every block kind and for the sample book as the command line builds it.

#include <catch2/catch.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cinefolio/typeset/typeset.hpp"
#include "sample_book.hpp"
#include "support/process.hpp"

using namespace cinefolio;

namespace {

/// One structure element met in a depth-first walk.
struct Element {
    std::string type;
    std::string language;  // its /Lang, if any
    std::string alt;       // its /Alt, if any
    int marked = 0;        // marked-content sequences it holds itself
    std::set<std::string> pages;  // the pages those sequences are on
};

struct Tree {
    std::vector<Element> elements;
    std::string language;  // the catalog's /Lang
    bool marked = false;   // /MarkInfo << /Marked true >>
    std::vector<std::string> types() const {
        std::vector<std::string> out;
        for (const auto& element : elements) out.push_back(element.type);
        return out;
    }
};

/// A marked-content reference in an element's /K: an integer (on the
/// element's /Pg) or a dictionary with /MCID and maybe its own /Pg.
void count_marked(QPDFObjectHandle kid, const std::string& page, Element& element) {
    if (kid.isInteger()) {
        ++element.marked;
        element.pages.insert(page);
    } else if (kid.isDictionary() && kid.hasKey("/MCID")) {
        ++element.marked;
        element.pages.insert(kid.hasKey("/Pg") ? kid.getKey("/Pg").unparse() : page);
    }
}

void walk(QPDFObjectHandle node, Tree& tree, int depth) {
    REQUIRE(depth < 64);  // a cycle would be a bug; never loop forever
    if (node.isArray()) {
        for (auto& child : node.getArrayAsVector()) walk(child, tree, depth + 1);
        return;
    }
    if (!node.isDictionary() || !node.getKey("/S").isName()) return;  // marked content
    Element element;
    element.type = node.getKey("/S").getName().substr(1);
    if (node.getKey("/Lang").isString()) element.language = node.getKey("/Lang").getUTF8Value();
    if (node.getKey("/Alt").isString()) element.alt = node.getKey("/Alt").getUTF8Value();
    const std::string page = node.getKey("/Pg").unparse();
    auto kids = node.getKey("/K");
    const std::size_t index = tree.elements.size();
    tree.elements.push_back(element);
    if (kids.isArray()) {
        for (auto& kid : kids.getArrayAsVector()) count_marked(kid, page, tree.elements[index]);
    } else {
        count_marked(kids, page, tree.elements[index]);
    }
    if (kids.isArray() || kids.isDictionary()) walk(kids, tree, depth + 1);
}

Tree structure_of(const std::string& bytes) {
    QPDF pdf;
    pdf.processMemoryFile("book.pdf", bytes.data(), bytes.size());
    Tree tree;
    auto root = pdf.getRoot();
    if (root.getKey("/Lang").isString()) tree.language = root.getKey("/Lang").getUTF8Value();
    tree.marked = root.getKey("/MarkInfo").isDictionary() && root.getKey("/MarkInfo").getKey("/Marked").isBool() &&
                  root.getKey("/MarkInfo").getKey("/Marked").getBoolValue();
    walk(root.getKey("/StructTreeRoot").getKey("/K"), tree, 0);
    return tree;
}

std::size_t first(const std::vector<std::string>& types, const std::string& type, std::size_t from = 0) {
    return static_cast<std::size_t>(std::find(types.begin() + static_cast<std::ptrdiff_t>(from), types.end(), type) -
                                    types.begin());
}

std::size_t count(const std::vector<std::string>& types, const std::string& type) {
    return static_cast<std::size_t>(std::count(types.begin(), types.end(), type));
}

std::string listed(const Tree& tree) {
    std::string out;
    for (const auto& element : tree.elements) out += element.type + " ";
    return out;
}

/// Every element that holds text itself marks it: a paragraph whose text
/// is not marked content (Cairo 1.16 marks only childless elements) would
/// be silent to a screen reader.
void check_text_is_marked(const Tree& tree) {
    for (const auto& element : tree.elements) {
        if (element.type != "P" && element.type[0] != 'H' && element.type != "Lbl" && element.type != "TOCI")
            continue;
        INFO(element.type);
        CHECK(element.marked > 0);
    }
}

/// What the outside tools say: pdfinfo calls it tagged, qpdf --check
/// finds nothing wrong and warns about nothing.
void check_with_tools(const std::string& pdf) {
    const auto info = test::run("pdfinfo " + test::quote(pdf));
    INFO(info.output);
    const std::size_t tagged = info.output.find("Tagged:");
    REQUIRE(tagged != std::string::npos);
    CHECK(info.output.substr(tagged, info.output.find('\n', tagged) - tagged).find("yes") != std::string::npos);
    const auto check = test::run("qpdf --check " + test::quote(pdf));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(check.output.find("WARNING") == std::string::npos);
}

}  // namespace

namespace {

/// What a reader sees of a file's order besides its text: each page's
/// label, and the outline with each entry's page.
std::string reading_order(const std::string& bytes) {
    QPDF pdf;
    pdf.processMemoryFile("order.pdf", bytes.data(), bytes.size());
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    std::map<QPDFObjGen, std::size_t> index;
    for (std::size_t p = 0; p < pages.size(); ++p) index[pages[p].getObjectHandle().getObjGen()] = p;
    QPDFPageLabelDocumentHelper labels(pdf);
    std::string out;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        out += "page " + std::to_string(p) + " " + labels.getLabelForPage(static_cast<long long>(p)).unparse() + "\n";
    }
    QPDFOutlineDocumentHelper outlines(pdf);
    std::vector<QPDFOutlineObjectHelper> stack = outlines.getTopLevelOutlines();
    std::function<void(std::vector<QPDFOutlineObjectHelper>, int)> walk = [&](auto items, int depth) {
        for (auto& item : items) {
            auto page = item.getDestPage();
            out += std::string(static_cast<std::size_t>(depth), ' ') + item.getTitle() + " -> " +
                   (page.isNull() ? std::string("none") : std::to_string(index.at(page.getObjGen()))) + "\n";
            walk(item.getKids(), depth + 1);
        }
    };
    walk(stack, 0);
    return out;
}

}  // namespace

TEST_CASE("painting the body while it is set gives the book in its order", "[pdf][structure]") {
    base::Diagnostics diagnostics;
    const auto streamed = test::print_pdf(test::sample_book(), test::sample_options(), diagnostics, true);
    const auto whole = test::print_pdf(test::sample_book(), test::sample_options(), diagnostics, false);
    REQUIRE(streamed);
    REQUIRE(whole);
    // The body was painted first, the front matter after it: the finishing
    // pass puts pages, labels and elements back in the book's order.
    const std::string order = reading_order(*streamed);
    INFO(order);
    CHECK(order == reading_order(*whole));
    CHECK(order.find("page 0 << /P (i) /St 1 >>") == 0);
    const Tree tree = structure_of(*streamed);
    CHECK(listed(tree) == listed(structure_of(*whole)));
    const auto types = tree.types();
    CHECK(first(types, "TOC") < first(types, "Part"));
    test::ScratchDir dir("structure-streamed");
    const std::string path = dir / "streamed.pdf";
    const std::string whole_path = dir / "whole.pdf";
    std::ofstream(path, std::ios::binary) << *streamed;
    std::ofstream(whole_path, std::ios::binary) << *whole;
    check_with_tools(path);
    // Page by page (a form feed between pages), the same text.
    const auto text = test::run("pdftotext -layout " + test::quote(path) + " -");
    const auto whole_text = test::run("pdftotext -layout " + test::quote(whole_path) + " -");
    REQUIRE(text.exit_code == 0);
    // The contents on a front-matter page (roman: i to vi), not after the body.
    const std::size_t contents = text.output.find("Contents");
    REQUIRE(contents != std::string::npos);
    CHECK(std::count(text.output.begin(), text.output.begin() + static_cast<std::ptrdiff_t>(contents), '\f') < 6);
    CHECK(text.output == whole_text.output);
}

TEST_CASE("the screen PDF's structure tree follows the book", "[pdf][structure]") {
    base::Diagnostics diagnostics;
    const auto pdf = test::print_pdf(test::sample_book(), test::sample_options(), diagnostics);
    REQUIRE(pdf);
    const Tree tree = structure_of(*pdf);
    INFO(listed(tree));
    CHECK(tree.language == "en");
    CHECK(tree.marked);
    const auto types = tree.types();
    REQUIRE(!types.empty());
    CHECK(types[0] == "Document");
    for (const char* type : {"Part", "Sect", "H1", "H2", "H3", "H4", "P", "L", "LI", "Lbl", "LBody", "BlockQuote",
                             "Code", "Table", "TR", "TH", "TD", "Note", "Link", "TOC", "TOCI"}) {
        INFO(type);
        CHECK(first(types, type) < types.size());
    }
    // Reading order: the contents, the part, its first essay's title, its
    // first paragraph, the heading inside it, the list after it, the notes last.
    CHECK(first(types, "TOC") < first(types, "Part"));
    CHECK(first(types, "Part") < first(types, "Sect"));
    const std::size_t essay = first(types, "Sect");
    CHECK(first(types, "H1", essay) < first(types, "H2", essay));
    CHECK(first(types, "H1", essay) < first(types, "P", first(types, "H1", essay)));
    CHECK(first(types, "H2", essay) < first(types, "L", essay));
    CHECK(first(types, "L", essay) < first(types, "H3", essay));
    CHECK(first(types, "H3", essay) < first(types, "BlockQuote", essay));
    CHECK(first(types, "BlockQuote", essay) < first(types, "H4", essay));
    CHECK(first(types, "H4", essay) < first(types, "Table", essay));
    CHECK(first(types, "Table", essay) < first(types, "Note", essay));
    // A label reads before its item's body.
    const std::size_t item = first(types, "LI", essay);
    CHECK(types.at(item + 1) == "Lbl");
    CHECK(types.at(item + 2) == "LBody");
    CHECK(count(types, "Sect") == 3);  // three essays
    CHECK(count(types, "Part") == 2);  // two films
    CHECK(count(types, "TOCI") == 5);  // two films and three essays
    CHECK(count(types, "LI") == 6);
    CHECK(count(types, "TH") == 2);
    CHECK(count(types, "TD") == 4);
    CHECK(count(types, "Note") == 1);
    check_text_is_marked(tree);
    // A paragraph that turns the page stays one element, marked on both.
    const bool turns = std::any_of(tree.elements.begin(), tree.elements.end(),
                                   [](const Element& element) { return element.type == "P" && element.pages.size() > 1; });
    CHECK(turns);
}

TEST_CASE("a figure carries its alt text and an essay its language", "[typeset][structure]") {
    auto book = test::sample_book();
    auto& chapter = book.parts.at(0).chapters.at(1);
    chapter.language = "fr";
    model::Inline alt{model::InlineKind::text, "A still of the hunt", {}, {}, {}};
    model::Block figure;
    figure.kind = model::BlockKind::paragraph;
    figure.id = "f1-formalism-figure";
    figure.inlines = {{model::InlineKind::image, {}, "images/still.png", {alt}, {}}};
    chapter.blocks.insert(chapter.blocks.begin(), figure);

    base::Diagnostics diagnostics;
    auto fonts = test::sample_fonts(diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.images["images/still.png"] = {400, 300, {}};
    const auto document = typeset::typeset(book, settings, *fonts, diagnostics);
    REQUIRE(document);
    std::string figure_element;
    for (const auto& page : document->pages)
        for (const auto& image : page.images)
            if (image.name == "images/still.png") figure_element = image.structure;
    REQUIRE(!figure_element.empty());
    const std::string last = figure_element.substr(figure_element.rfind('/') + 1);
    CHECK(last.rfind("Figure#", 0) == 0);
    CHECK(document->structure_attributes.at(last).alt == "A still of the hunt");
    const std::string section = figure_element.substr(0, figure_element.rfind('/'));
    const std::string sect = section.substr(section.rfind('/') + 1);
    CHECK(sect.rfind("Sect#", 0) == 0);
    CHECK(document->structure_attributes.at(sect).language == "fr");
}

TEST_CASE("the sample book's screen PDF is tagged in reading order", "[pdf][structure][cli]") {
    test::ScratchDir dir("structure-sample");
    const auto result = test::run(test::quote(CINEFOLIO_BINARY) + " build " +
                                  test::quote(std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/book.yaml") +
                                  " --format pdf -q -o " + test::quote(dir.path().string()));
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    const std::string pdf = dir / "closeness.pdf";
    check_with_tools(pdf);

    const Tree tree = structure_of(test::slurp(pdf));
    INFO(listed(tree));
    CHECK(tree.language == "en");
    CHECK(tree.marked);
    const auto types = tree.types();
    // One film, four essays; the contents and the index around them.
    CHECK(count(types, "Part") == 1);
    CHECK(count(types, "Sect") == 4);
    CHECK(count(types, "TOC") == 1);
    CHECK(count(types, "Index") == 1);
    CHECK(first(types, "TOC") < first(types, "Part"));
    CHECK(first(types, "Part") < first(types, "Index"));
    // The first essay (Metacritic): its title, its "###" sub-headings as
    // H2 and "####" as H3, paragraphs, and the list under its second H3.
    const std::size_t essay = first(types, "Sect");
    const std::size_t title = first(types, "H1", essay);
    CHECK(title == essay + 2);  // after the kicker's P
    const std::size_t introduction = first(types, "H2", title);
    CHECK(introduction == title + 1);  // the essay has no subtitle or byline
    const std::size_t body = first(types, "H2", introduction + 1);
    CHECK(first(types, "P", introduction) < body);
    const std::size_t shock = first(types, "H3", body);
    CHECK(shock == body + 1);
    const std::size_t list = first(types, "L", shock);
    CHECK(list < first(types, "H3", shock + 1));
    CHECK(types.at(list + 1) == "LI");
    CHECK(count(types, "H1") == 4 + 2);  // essays, contents and index
    CHECK(count(types, "P") > 60);
    check_text_is_marked(tree);
}

TEST_CASE("the print profile's tags leave the file sound", "[pdf][structure][cli]") {
    test::ScratchDir dir("structure-print");
    const auto result = test::run(test::quote(CINEFOLIO_BINARY) + " build " +
                                  test::quote(std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/book.yaml") +
                                  " --format pdf --profile print -q -o " + test::quote(dir.path().string()));
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    const std::string pdf = dir / "closeness.pdf";
    check_with_tools(pdf);
    const Tree tree = structure_of(test::slurp(pdf));
    const auto types = tree.types();
    CHECK(count(types, "Sect") == 4);
    CHECK(count(types, "Link") == 0);  // a print file has no annotations
    check_text_is_marked(tree);
}
