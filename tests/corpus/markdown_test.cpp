// Markdown bodies: the cmark-gfm tree copied into model blocks, raw HTML
// dropped, footnotes numbered, sections normalised.

#include "cinefolio/corpus/markdown.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace cinefolio;
using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

namespace {

struct Parsed {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    base::FileId file = -1;
    corpus::MarkdownBody body;
};

Parsed parse(const std::string& text, std::size_t body_begin = 0) {
    Parsed parsed;
    parsed.file = parsed.sources.add("essay.md", text);
    parsed.body = corpus::parse_markdown(parsed.sources, parsed.file, body_begin, parsed.diagnostics);
    return parsed;
}

std::string plain(const std::vector<Inline>& inlines) {
    return model::plain_text(inlines);
}

// Top-level headings as "level text", the outline the book's contents show.
std::vector<std::string> outline(const corpus::MarkdownBody& body) {
    std::vector<std::string> lines;
    for (const auto& block : body.blocks) {
        if (block.kind == BlockKind::heading) lines.push_back(std::to_string(block.level) + " " + plain(block.inlines));
    }
    return lines;
}

base::LineColumn where(const Parsed& parsed, const base::Span& span) {
    return parsed.sources.position(span.file, span.begin);
}

const Block& only_paragraph(const Parsed& parsed) {
    REQUIRE(parsed.body.blocks.size() == 1);
    REQUIRE(parsed.body.blocks[0].kind == BlockKind::paragraph);
    return parsed.body.blocks[0];
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The sample essays live in the sample book; the shared seed folder is the
// fallback while the book is being put together.
std::string sample(const std::string& book_name, const std::string& seed_name) {
    std::filesystem::path in_book = std::filesystem::path(CINEFOLIO_SOURCE_DIR) / "books/closeness/essays" / book_name;
    if (std::filesystem::exists(in_book)) return read_file(in_book);
    std::filesystem::path seed = std::filesystem::path("/work/shared/seeds") / seed_name;
    REQUIRE(std::filesystem::exists(seed));
    return read_file(seed);
}

// Where the body starts after `---` front matter (0 without one).
std::size_t body_after_front_matter(const std::string& text) {
    if (!text.starts_with("---\n")) return 0;
    auto close = text.find("\n---\n", 3);
    REQUIRE(close != std::string::npos);
    return close + 5;
}

}  // namespace

TEST_CASE("inline kinds are copied", "[markdown]") {
    auto parsed = parse(
        "Some *em* and **strong** and ~~gone~~ and `x < y`,\n"
        "a [link](https://example.org/a) and ![alt *text*](cover.png)  \n"
        "next line.\n");
    const auto& inlines = only_paragraph(parsed).inlines;
    std::vector<InlineKind> kinds;
    for (const auto& item : inlines) kinds.push_back(item.kind);
    CHECK(kinds == std::vector<InlineKind>{InlineKind::text, InlineKind::emphasis, InlineKind::text, InlineKind::strong,
                                           InlineKind::text, InlineKind::strikethrough, InlineKind::text,
                                           InlineKind::code, InlineKind::text, InlineKind::soft_break, InlineKind::text,
                                           InlineKind::link, InlineKind::text, InlineKind::image,
                                           InlineKind::hard_break, InlineKind::text});
    CHECK(plain(inlines[1].children) == "em");
    CHECK(plain(inlines[5].children) == "gone");
    CHECK(inlines[7].text == "x < y");
    CHECK(inlines[11].url == "https://example.org/a");
    CHECK(plain(inlines[11].children) == "link");
    CHECK(inlines[13].url == "cover.png");
    REQUIRE(inlines[13].children.size() == 2);
    CHECK(inlines[13].children[1].kind == InlineKind::emphasis);
    CHECK(plain(inlines[13].children) == "alt text");
    CHECK(parsed.diagnostics.all().empty());
}

TEST_CASE("autolinks become links", "[markdown]") {
    auto parsed = parse("See www.example.org and https://example.com/x.\n");
    const auto& inlines = only_paragraph(parsed).inlines;
    REQUIRE(inlines.size() == 5);
    CHECK(inlines[1].kind == InlineKind::link);
    CHECK(inlines[1].url == "http://www.example.org");
    CHECK(inlines[3].url == "https://example.com/x");
}

TEST_CASE("block kinds are copied", "[markdown]") {
    auto parsed = parse(
        "- one\n- two\n\n"
        "3. three\n\n4. four\n\n"
        "> quoted\n\n"
        "```cpp extra words\nint x;\n\nint y;\n```\n\n"
        "---\n\n"
        "    indented code\n");
    const auto& blocks = parsed.body.blocks;
    REQUIRE(blocks.size() == 6);
    CHECK(blocks[0].kind == BlockKind::bullet_list);
    CHECK(blocks[0].tight);
    REQUIRE(blocks[0].children.size() == 2);
    CHECK(blocks[0].children[0].kind == BlockKind::list_item);
    REQUIRE(blocks[0].children[1].children.size() == 1);
    CHECK(plain(blocks[0].children[1].children[0].inlines) == "two");

    CHECK(blocks[1].kind == BlockKind::ordered_list);
    CHECK(blocks[1].start == 3);
    CHECK_FALSE(blocks[1].tight);
    CHECK(blocks[1].children.size() == 2);

    CHECK(blocks[2].kind == BlockKind::block_quote);
    REQUIRE(blocks[2].children.size() == 1);
    CHECK(plain(blocks[2].children[0].inlines) == "quoted");

    CHECK(blocks[3].kind == BlockKind::code_block);
    CHECK(blocks[3].text == "int x;\n\nint y;");
    CHECK(blocks[3].info == "cpp");

    CHECK(blocks[4].kind == BlockKind::thematic_break);
    CHECK(blocks[5].kind == BlockKind::code_block);
    CHECK(blocks[5].text == "indented code");
    CHECK(blocks[5].info.empty());
}

TEST_CASE("smart punctuation gives curly quotes and dashes in one text", "[markdown]") {
    auto parsed = parse("\"Quoted\" and 'single', it's 1999--2001 --- done...\n");
    const auto& inlines = only_paragraph(parsed).inlines;
    REQUIRE(inlines.size() == 1);  // cmark splits the text; the copy merges it
    CHECK(inlines[0].text == "\u201cQuoted\u201d and \u2018single\u2019, it\u2019s 1999\u20132001 \u2014 done\u2026");
}

TEST_CASE("entities are decoded", "[markdown]") {
    auto parsed = parse("Fish &amp; chips &eacute;t&#233;\n");
    CHECK(only_paragraph(parsed).inlines.at(0).text == "Fish & chips \u00e9t\u00e9");
}

TEST_CASE("raw HTML is dropped with a warning at its line", "[markdown]") {
    auto parsed = parse(
        "First paragraph.\n"
        "\n"
        "<div class=\"x\">\n"
        "<script>alert(1)</script>\n"
        "</div>\n"
        "\n"
        "Some <b>bold</b> words.\n");
    REQUIRE(parsed.body.blocks.size() == 2);
    CHECK(plain(parsed.body.blocks[1].inlines) == "Some bold words.");
    for (const auto& block : parsed.body.blocks) {
        for (const auto& item : block.inlines) CHECK(item.text.find('<') == std::string::npos);
    }
    const auto& all = parsed.diagnostics.all();
    REQUIRE(all.size() == 3);
    CHECK(parsed.diagnostics.warning_count() == 3);
    CHECK_FALSE(parsed.diagnostics.has_errors());
    // A block is dropped up to its blank line, and its span covers it all.
    CHECK(all[0].message == "raw HTML dropped (lines 3-5, up to a blank line)");
    CHECK(parsed.sources.position(all[0].span.file, all[0].span.end - 1).line == 5);
    CHECK(all[0].hint == "write it in Markdown, or remove it");
    CHECK(where(parsed, all[0].span).line == 3);
    CHECK(where(parsed, all[0].span).column == 1);
    CHECK(where(parsed, all[1].span).line == 7);
    CHECK(where(parsed, all[1].span).column == 6);
    CHECK(where(parsed, all[2].span).line == 7);
}

TEST_CASE("a bold-only paragraph becomes a heading", "[markdown][sections]") {
    auto parsed = parse("**1. The Nexus**\n\nText.\n\n**2. The *Curation***\n\nMore text.\n");
    CHECK(parsed.body.title.empty());
    REQUIRE(parsed.body.blocks.size() == 4);
    const auto& heading = parsed.body.blocks[2];
    CHECK(heading.kind == BlockKind::heading);
    CHECK(heading.level == 1);
    REQUIRE(heading.inlines.size() == 2);
    CHECK(heading.inlines[0].text == "2. The ");
    CHECK(heading.inlines[1].kind == InlineKind::emphasis);
    CHECK(outline(parsed.body) == std::vector<std::string>{"1 1. The Nexus", "1 2. The Curation"});
}

TEST_CASE("a bold lead-in stays a paragraph marked as run-in", "[markdown][sections]") {
    auto parsed = parse(
        "**Louise Bourgeois (Artist, 1911-2010)**\nThe mother is a spider.\n\n"
        "**The consent debate:** A significant thread.\n\n"
        "**The fixation on the video** (The Criticism) mirrors the anxiety.\n\n"
        "- **In a list:** too.\n");
    const auto& blocks = parsed.body.blocks;
    REQUIRE(blocks.size() == 4);
    CHECK(outline(parsed.body).empty());
    CHECK(blocks[0].kind == BlockKind::paragraph);
    CHECK(blocks[0].run_in_lead);
    CHECK(blocks[0].inlines[0].kind == InlineKind::strong);
    CHECK(blocks[1].run_in_lead);
    CHECK_FALSE(blocks[2].run_in_lead);  // bold words inside a sentence
    CHECK(blocks[3].children.at(0).children.at(0).run_in_lead);
}

TEST_CASE("heading levels are renumbered from 1 without gaps", "[markdown][sections]") {
    SECTION("### and #### become 1 and 2") {
        auto parsed = parse("### Intro\n\nText.\n\n#### Detail\n\nText.\n\n### End\n");
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 Intro", "2 Detail", "1 End"});
    }
    SECTION("a leading # heading is the title") {
        auto parsed = parse("# The Title\n\n## One\n\ntext\n\n## Two\n");
        CHECK(plain(parsed.body.title) == "The Title");
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 One", "1 Two"});
    }
    SECTION("a setext title is a title too") {
        auto parsed = parse("The *Title*\n=====\n\nBody text.\n");
        REQUIRE(parsed.body.title.size() == 2);
        CHECK(parsed.body.title[1].kind == InlineKind::emphasis);
        CHECK(parsed.body.blocks.size() == 1);
    }
    SECTION("a # heading after other text is not the title") {
        auto parsed = parse("Lead paragraph.\n\n# Part\n\n### Sub\n");
        CHECK(parsed.body.title.empty());
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 Part", "2 Sub"});
    }
    SECTION("skipped levels are closed") {
        auto parsed = parse("## A\n\n#### B\n\n###### C\n\n## D\n\n### E\n\n# F\n");
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 A", "2 B", "3 C", "1 D", "2 E", "1 F"});
    }
}

TEST_CASE("bold headings nest by structure and style", "[markdown][sections]") {
    SECTION("a bold title heading no text of its own") {
        auto parsed = parse(
            "**Analysis of *Film* (2017)**\n\n**Introduction: A**\n\ntext\n\n"
            "**Body: B**\n\n**Point one**\n\ntext\n\n**Point two**\n\ntext\n\n"
            "**Conclusion: C**\n\ntext\n");
        CHECK(plain(parsed.body.title) == "Analysis of Film (2017)");
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 Introduction: A", "1 Body: B", "2 Point one",
                                                               "2 Point two", "1 Conclusion: C"});
    }
    SECTION("bold headings sit under the ATX heading before them") {
        auto parsed = parse("## Part\n\ntext\n\n**Aside**\n\ntext\n\n**Another**\n\ntext\n\n## Next\n");
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 Part", "2 Aside", "2 Another", "1 Next"});
    }
    SECTION("bold headings before the first ATX heading are its siblings") {
        auto parsed = parse("text\n\n**Preface**\n\ntext\n\n### One\n\n#### Sub\n");
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 Preface", "1 One", "2 Sub"});
    }
    SECTION("numbers with more parts sit deeper") {
        auto parsed = parse("**1. A**\n\ntext\n\n**1.1 B**\n\ntext\n\n**1.2 C**\n\ntext\n\n**2. D**\n\ntext\n");
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 1. A", "2 1.1 B", "2 1.2 C", "1 2. D"});
    }
    SECTION("consecutive headings written alike are siblings") {
        auto parsed = parse("**1. A**\n\n**2. B**\n\ntext\n");
        CHECK(parsed.body.title.empty());  // numbered: a section, not a title
        CHECK(outline(parsed.body) == std::vector<std::string>{"1 1. A", "1 2. B"});
    }
}

TEST_CASE("source spans point into the file after front matter", "[markdown][spans]") {
    auto check = [](const std::string& newline) {
        std::string front = "---" + newline + "movieId: 1" + newline + "---" + newline;
        std::string text = front + newline + "### Heading" + newline + newline + "Para *one*" + newline +
                           "continues <br> here." + newline + newline + "> - item" + newline;
        auto parsed = parse(text, front.size());
        CHECK(parsed.diagnostics.warning_count() == 1);
        const auto& blocks = parsed.body.blocks;
        REQUIRE(blocks.size() == 3);
        CHECK(where(parsed, blocks[0].source).line == 5);
        CHECK(where(parsed, blocks[0].source).column == 1);
        CHECK(blocks[0].source.file == parsed.file);
        CHECK(where(parsed, blocks[1].source).line == 7);
        CHECK(where(parsed, blocks[2].source).line == 10);
        const auto& item = blocks[2].children.at(0).children.at(0);
        CHECK(where(parsed, item.source).line == 10);
        CHECK(where(parsed, item.source).column == 3);
        CHECK(where(parsed, item.children.at(0).source).column == 5);
        const auto& html = parsed.diagnostics.all().at(0);
        CHECK(where(parsed, html.span).line == 8);
        CHECK(where(parsed, html.span).column == 11);
    };
    SECTION("LF") {
        check("\n");
    }
    SECTION("CRLF") {
        check("\r\n");
    }
}

TEST_CASE("every kind of link points at its own line and column", "[markdown][spans]") {
    // cmark-gfm 0.29 numbers an autolink's column from the paragraph's start
    // and gives GFM's bare autolinks none; the copier finds them in the line.
    auto parsed = parse("First line [inline](https://a.example) here,\n"
                        "then <https://b.example/x> and <https://b.example/x> twice,\n"
                        "> a quote with www.c.example in it\n");
    const auto& blocks = parsed.body.blocks;
    REQUIRE(blocks.size() == 2);
    std::vector<base::LineColumn> found;
    for (const auto& item : blocks[0].inlines)
        if (item.kind == InlineKind::link) found.push_back(where(parsed, item.source));
    for (const auto& item : blocks[1].children.at(0).inlines)
        if (item.kind == InlineKind::link) found.push_back(where(parsed, item.source));
    REQUIRE(found.size() == 4);
    CHECK((found[0].line == 1 && found[0].column == 12));
    CHECK((found[1].line == 2 && found[1].column == 6));
    CHECK((found[2].line == 2 && found[2].column == 32));
    CHECK((found[3].line == 3 && found[3].column == 16));
}

TEST_CASE("a body starting mid-line and after a byte order mark keeps file columns", "[markdown][spans]") {
    SECTION("mid-line") {
        std::string text = "xxxx# Title\n\nPara\n";
        auto parsed = parse(text, 4);
        CHECK(plain(parsed.body.title) == "Title");
        REQUIRE(parsed.body.blocks.size() == 1);
        CHECK(where(parsed, parsed.body.blocks[0].source).line == 3);
    }
    SECTION("BOM before front matter") {
        std::string front = "\xEF\xBB\xBF---\nmovieId: 1\n---\n";
        auto parsed = parse(front + "Para\n", front.size());
        REQUIRE(parsed.body.blocks.size() == 1);
        CHECK(where(parsed, parsed.body.blocks[0].source).line == 4);
        CHECK(where(parsed, parsed.body.blocks[0].source).column == 1);
    }
    SECTION("BOM at the body start") {
        auto parsed = parse("\xEF\xBB\xBFPara\n");
        CHECK(plain(only_paragraph(parsed).inlines) == "Para");
    }
}

TEST_CASE("footnotes are numbered by first reference", "[markdown][footnotes]") {
    auto parsed = parse(
        "Alpha[^zeta] and beta[^alpha] and again[^zeta] and [^missing].\n"
        "\n"
        "[^alpha]: Note on alpha with its own[^inner].\n"
        "[^zeta]: Note on zeta.\n"
        "\n"
        "    Second paragraph of zeta.\n"
        "[^inner]: Inner.\n"
        "[^unused]: Never referenced.\n");
    const auto& inlines = only_paragraph(parsed).inlines;
    std::vector<std::pair<std::string, std::string>> refs;
    for (const auto& item : inlines) {
        if (item.kind == InlineKind::footnote_ref) refs.emplace_back(item.text, item.url);
    }
    CHECK(refs == std::vector<std::pair<std::string, std::string>>{{"1", "zeta"}, {"2", "alpha"}, {"1", "zeta"}});
    // A reference to nothing stays as the author wrote it.
    CHECK(inlines.back().kind == InlineKind::text);
    CHECK(inlines.back().text == " and [^missing].");

    const auto& notes = parsed.body.footnotes;
    REQUIRE(notes.size() == 3);
    CHECK(notes[0].number == "1");
    CHECK(notes[0].id == "zeta");
    CHECK(notes[0].blocks.size() == 2);
    CHECK(notes[1].number == "2");
    CHECK(notes[1].id == "alpha");
    CHECK(notes[2].number == "3");
    CHECK(notes[2].id == "inner");
    CHECK(where(parsed, notes[1].blocks.at(0).source).line == 3);

    REQUIRE(parsed.diagnostics.all().size() == 2);
    const auto& warning = parsed.diagnostics.all()[0];
    CHECK(warning.severity == base::Severity::warning);
    CHECK(warning.message.find("[^unused]") != std::string::npos);
    CHECK(where(parsed, warning.span).line == 8);
    CHECK(where(parsed, warning.span).column == 1);
    // The reference to nothing is named where it stands.
    const auto& undefined = parsed.diagnostics.all()[1];
    CHECK(undefined.message == "footnote [^missing] is referenced but never defined; it is printed as written");
    CHECK(where(parsed, undefined.span).line == 1);
    CHECK(where(parsed, undefined.span).column == 52);
}

TEST_CASE("a second definition of a footnote label is dropped with a warning", "[markdown][footnotes]") {
    auto parsed = parse("Text[^a].\n\n[^a]: One.\n[^A]: Two.\n");
    REQUIRE(parsed.body.footnotes.size() == 1);
    CHECK(plain(parsed.body.footnotes[0].blocks.at(0).inlines) == "One.");
    REQUIRE(parsed.diagnostics.all().size() == 1);
    CHECK(parsed.diagnostics.all()[0].message.find("defined twice") != std::string::npos);
    CHECK(where(parsed, parsed.diagnostics.all()[0].span).line == 4);
}

TEST_CASE("tables keep their header row and alignment", "[markdown][tables]") {
    auto parsed = parse(
        "| Film | Year | Score | Note |\n"
        "|:-----|:----:|------:|------|\n"
        "| *Closeness* | 2017 | 8 | x |\n"
        "| Beanpole | 2019 | 9 |\n");
    REQUIRE(parsed.body.blocks.size() == 1);
    const auto& table = parsed.body.blocks[0];
    CHECK(table.kind == BlockKind::table);
    REQUIRE(table.children.size() == 3);
    const auto& header = table.children[0];
    CHECK(header.kind == BlockKind::table_row);
    REQUIRE(header.children.size() == 4);
    CHECK(plain(header.children[0].inlines) == "Film");
    CHECK(header.children[0].align == model::Align::left);
    CHECK(header.children[1].align == model::Align::center);
    CHECK(header.children[2].align == model::Align::right);
    CHECK(header.children[3].align == model::Align::none);
    const auto& row = table.children[1];
    CHECK(row.children.at(0).kind == BlockKind::table_cell);
    CHECK(row.children.at(0).inlines.at(0).kind == InlineKind::emphasis);
    CHECK(row.children.at(2).align == model::Align::right);
    CHECK(where(parsed, table.children[2].source).line == 4);
}

TEST_CASE("degenerate input never crashes", "[markdown][robust]") {
    SECTION("empty and blank bodies") {
        CHECK(parse("").body.blocks.empty());
        CHECK(parse("   \n\n\t\n").body.blocks.empty());
        auto at_end = parse("---\nx: 1\n---\n", 14);
        CHECK(at_end.body.blocks.empty());
        CHECK(parse("abc", 100).body.blocks.empty());
    }
    SECTION("10,000 nested quotes are flattened with one warning") {
        auto parsed = parse(std::string(10000, '>') + " deep\n");
        CHECK(parsed.diagnostics.warning_count() == 1);
        int depth = 0;
        const Block* block = &parsed.body.blocks.at(0);
        while (!block->children.empty()) {
            block = &block->children.front();
            ++depth;
        }
        CHECK(depth < 64);
        CHECK(plain(block->inlines) == "deep");
    }
    SECTION("10,000 nested list items") {
        std::string text;
        for (int i = 0; i < 10000; ++i) text += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- x\n";
        auto parsed = parse(text);
        CHECK(parsed.diagnostics.warning_count() == 1);
        CHECK(parsed.body.blocks.at(0).kind == BlockKind::bullet_list);
    }
    SECTION("deep emphasis keeps its words") {
        auto parsed = parse("a " + std::string(10000, '*') + "word" + std::string(10000, '*') + "\n");
        CHECK(parsed.diagnostics.warning_count() == 1);
        CHECK(plain(only_paragraph(parsed).inlines) == "a word");
    }
    SECTION("NUL and invalid UTF-8 are replaced") {
        auto parsed = parse(std::string("a\0b \xff c\n", 8));
        CHECK(plain(only_paragraph(parsed).inlines) == "a\uFFFDb \uFFFD c");
    }
}

TEST_CASE("one-line Markdown parses to inlines", "[markdown][inline]") {
    auto title = corpus::parse_inline_markdown("\"Closeness\" -- a *film*");
    REQUIRE(title.size() == 2);
    CHECK(title[0].text == "\u201cCloseness\u201d \u2013 a ");
    CHECK(title[1].kind == InlineKind::emphasis);
    CHECK(plain(corpus::parse_inline_markdown("1. The Nexus")) == "1. The Nexus");
    CHECK(plain(corpus::parse_inline_markdown("# Not a heading")) == "# Not a heading");
    CHECK(plain(corpus::parse_inline_markdown("*lead* two\nlines")) == "lead two lines");
    CHECK(corpus::parse_inline_markdown("   ").empty());
    CHECK(corpus::parse_inline_markdown("<b>x</b>").at(0).text == "x");
}

TEST_CASE("the sample essays give the expected outlines", "[markdown][samples]") {
    auto parse_sample = [](const std::string& book_name, const std::string& seed_name) {
        auto text = sample(book_name, seed_name);
        return parse(text, body_after_front_matter(text));
    };
    SECTION("metacritic: ### and #### headings") {
        auto parsed = parse_sample("closeness-metacritic.md", "000_a663802b46257f8d.txt");
        CHECK(parsed.body.title.empty());
        CHECK(outline(parsed.body) == std::vector<std::string>{
                                          "1 Introduction: The Revelation",
                                          "1 Body: The Investigation",
                                          "2 The Ontological Shock",
                                          "2 The Shadow of the Caliphate",
                                          "2 The Ethics of Appropriation",
                                          "1 Conclusion: The Impact",
                                      });
        CHECK(parsed.diagnostics.all().empty());
        CHECK(where(parsed, parsed.body.blocks.at(0).source).line == 7);
    }
    SECTION("realism: numbered bold sections and run-in leads") {
        auto parsed = parse_sample("closeness-realism.md", "001_45c7da2b977ac965.txt");
        CHECK(outline(parsed.body) ==
              std::vector<std::string>{"1 1. The Nexus", "1 2. The Curation", "1 3. The Horizon"});
        int leads = 0;
        for (const auto& block : parsed.body.blocks) leads += block.run_in_lead ? 1 : 0;
        CHECK(leads == 10);
        CHECK(parsed.diagnostics.all().empty());
    }
    SECTION("signifier: bold title, labelled sections, plain subsections") {
        auto parsed = parse_sample("closeness-signifier.md", "002_112ebd03f0e30984.txt");
        CHECK(plain(parsed.body.title) == "Analysis of Closeness (2017)");
        CHECK(outline(parsed.body) == std::vector<std::string>{
                                          "1 Introduction: The Revelation",
                                          "1 Body: The Evidence",
                                          "2 The Architecture of Suffocation",
                                          "2 Visceral Consumption of Death",
                                          "2 Sex as Violent Exorcism",
                                          "1 Conclusion: The Impact",
                                      });
        CHECK(parsed.diagnostics.all().empty());
    }
    SECTION("press: a scraped article has no headings") {
        auto parsed = parse_sample("closeness-press.txt", "003_fa9ed34879a3d424.txt");
        CHECK(outline(parsed.body).empty());
        CHECK(parsed.body.blocks.size() == 14);  // one per paragraph
        CHECK(parsed.diagnostics.all().empty());
    }
}
