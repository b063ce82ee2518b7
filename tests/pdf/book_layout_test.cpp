// The book around the paragraphs, checked over the typeset pages of the
// sample and of a generated 10-film corpus: recto openings, running heads
// that name the film, a contents whose folios are the openings' pages,
// hyphenation a book wants, and an index whose ranges hold together.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>

#include "cinefolio/typeset/typeset.hpp"
#include "cli.hpp"
#include "sample_book.hpp"
#include "support/process.hpp"

using namespace cinefolio;

namespace {

struct Laid {
    model::Book book;
    std::vector<std::string> exceptions;  // the manifest's hyphenation_exceptions
    typeset::PagedDocument document;
};

// Loads a book as the command line does and typesets it with its design
// (names hyphenated when `names`, as `hyphenation: {names: true}` asks).
Laid lay_out(const std::string& manifest_path, bool names = false) {
    Laid laid;
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto loaded = cli::load_book(manifest_path, sources, diagnostics);
    REQUIRE(loaded);
    laid.book = loaded->book;
    laid.exceptions = loaded->manifest.hyphenation_exceptions;
    auto fonts = test::sample_fonts(diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.design = loaded->design;
    settings.hyphenation_patterns = test::slurp("/usr/share/hyphen/hyph_en_US.dic");
    settings.hyphenation_exceptions = loaded->manifest.hyphenation_exceptions;
    settings.hyphenate_names = names || loaded->manifest.hyphenate_names;
    auto document = typeset::typeset(laid.book, settings, *fonts, diagnostics);
    REQUIRE(document);
    laid.document = std::move(*document);
    return laid;
}

const Laid& sample() {
    static const Laid laid = lay_out(std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/book.yaml");
    return laid;
}

const test::ScratchDir& corpus_dir() {
    static const test::ScratchDir dir("book-layout-corpus");
    static const bool made = [] {
        const auto book = (dir.path() / "book").string();
        const auto result = test::run("python3 " + test::quote(std::string(CINEFOLIO_SOURCE_DIR) + "/tests/bench/make_corpus.py") +
                                      " " + test::quote(book) + " --films 10 --index");
        REQUIRE(result.exit_code == 0);
        return true;
    }();
    (void)made;
    return dir;
}

std::string corpus_manifest() { return (corpus_dir().path() / "book/book.yaml").string(); }

const Laid& corpus() {
    static const Laid laid = lay_out(corpus_manifest());
    return laid;
}

// The corpus as a continuous book on a smaller page: longer essays and
// essays opening on either side, so many spreads fall inside an essay.
const Laid& continuous_corpus() {
    static const Laid laid = [] {
        const auto manifest = (corpus_dir().path() / "book/continuous.yaml").string();
        std::ofstream(manifest) << test::slurp(corpus_manifest()) << "print: {trim: 5x8in, openings: any}\n";
        return lay_out(manifest);
    }();
    return laid;
}

std::string film_heading(const model::Part& part) {
    return part.year ? part.title + " (" + std::to_string(*part.year) + ")" : part.title;
}

// The texts of the runs set on a page's running-head baseline (above the
// text block's first line).
std::vector<std::string> heads_of(const typeset::Page& page, double first_baseline) {
    std::vector<std::string> heads;
    for (const auto& run : page.runs) {
        if (!run.glyphs.empty() && run.glyphs[0].y < first_baseline - 12) heads.push_back(run.text);
    }
    return heads;
}

void check_book(const Laid& laid) {
    const auto& document = laid.document;
    std::size_t essays = 0;
    for (const auto& part : laid.book.parts) {
        for (const auto& chapter : part.chapters) {
            INFO(chapter.id);
            const int page = document.anchor_pages.at(chapter.id);
            // 0-based even pages are rectos.
            CHECK(page % 2 == 0);
            ++essays;
        }
    }
    CHECK(essays > 0);

    // Versos of running text name their film; rectos the essay.
    int versos = 0;
    for (const auto& part : laid.book.parts) {
        const int first = document.anchor_pages.at(part.chapters.front().id);
        const int last = part.id == laid.book.parts.back().id
                             ? document.anchor_pages.at("index") - 1
                             : document.anchor_pages.at(laid.book.parts[&part - &laid.book.parts[0] + 1].id) - 1;
        for (int p = first; p <= last; ++p) {
            const auto& page = document.pages[static_cast<std::size_t>(p)];
            if (p % 2 == 0 || page.lines.empty()) continue;
            const auto heads = heads_of(page, 65);
            INFO("page " << page.label);
            if (heads.empty()) continue;  // an opening or a blank
            CHECK(std::find(heads.begin(), heads.end(), film_heading(part)) != heads.end());
            ++versos;
        }
    }
    CHECK(versos > 0);

    for (const auto& page : document.pages) {
        if (page.lines.empty()) continue;
        INFO("page " << page.label << ": " << page.lines.back().text);
        // No word is carried over a page turn.
        CHECK_FALSE(page.lines.back().hyphenated);
        for (const auto& line : page.lines) {
            if (!line.hyphenated) continue;
            // The broken word is the last of the line: never a capitalised one.
            const auto space = line.text.find_last_of(" \u00a0");
            const std::string word = line.text.substr(space == std::string::npos ? 0 : space + 1);
            INFO(line.text);
            REQUIRE(!word.empty());
            // Unless the editor said where the name breaks (Po-lit-kov-skaya).
            const std::string piece = word.substr(0, word.size() - 1);
            const bool allowed = std::any_of(laid.exceptions.begin(), laid.exceptions.end(), [&](const std::string& e) {
                std::string letters;
                for (char c : e) if (c != '-') letters += c;
                return e.find('-') != std::string::npos && letters.rfind(piece, 0) == 0;
            });
            if (!allowed) CHECK_FALSE(std::isupper(static_cast<unsigned char>(word[0])));
        }
    }
}

}  // namespace

TEST_CASE("essays open on rectos, versos name the film, no word crosses a page or breaks a name", "[typeset][layout]") {
    SECTION("the sample") { check_book(sample()); }
    SECTION("a generated 10-film corpus") { check_book(corpus()); }
}

TEST_CASE("the contents names each essay by its own title and author, at the folio where it opens", "[typeset][layout]") {
    const auto& laid = sample();
    const auto& contents_page = laid.document.pages.at(static_cast<std::size_t>(laid.document.anchor_pages.at("contents")));
    std::string text;
    for (const auto& line : contents_page.lines) text += line.text + "\n";
    INFO(text);
    for (const auto& part : laid.book.parts) {
        CHECK(text.find(film_heading(part)) != std::string::npos);
        for (const auto& chapter : part.chapters) {
            const std::string title = chapter.subtitle.empty() ? chapter.title : model::plain_text(chapter.subtitle);
            const auto& label =
                laid.document.pages[static_cast<std::size_t>(laid.document.anchor_pages.at(chapter.id))].label;
            INFO(title << " at " << label);
            CHECK(text.find(title) != std::string::npos);
            if (!chapter.author.empty()) CHECK(text.find(chapter.author) != std::string::npos);
        }
    }
    // The folios the contents prints are the openings' page labels, in order.
    std::vector<std::string> printed;
    std::regex folio("^\\d+$");
    for (const auto& run : contents_page.runs) {
        if (std::regex_match(run.text, folio)) printed.push_back(run.text);
    }
    std::vector<std::string> expected;
    for (const auto& part : laid.book.parts) {
        expected.push_back(laid.document.pages[static_cast<std::size_t>(laid.document.anchor_pages.at(part.id))].label);
        for (const auto& chapter : part.chapters)
            expected.push_back(
                laid.document.pages[static_cast<std::size_t>(laid.document.anchor_pages.at(chapter.id))].label);
    }
    expected.push_back(laid.document.pages[static_cast<std::size_t>(laid.document.anchor_pages.at("index"))].label);
    // The contents' own folio (v) is roman: only arabic numbers are collected.
    CHECK(printed == expected);
}

TEST_CASE("no index line ends inside a number range", "[typeset][layout]") {
    for (const Laid* laid : {&sample(), &corpus()}) {
        const int index = laid->document.anchor_pages.at("index");
        int lines = 0;
        for (std::size_t p = static_cast<std::size_t>(index); p < laid->document.pages.size(); ++p) {
            for (const auto& line : laid->document.pages[p].lines) {
                ++lines;
                INFO(line.text);
                CHECK_FALSE(std::regex_search(line.text, std::regex("[0-9](-|\u2013)$")));
            }
        }
        CHECK(lines > 20);
    }
}

namespace {

// Pages where a division opens (a part title, an essay, the index).
std::set<int> division_starts(const Laid& laid) {
    std::set<int> starts;
    for (const auto& part : laid.book.parts) {
        starts.insert(laid.document.anchor_pages.at(part.id));
        for (const auto& chapter : part.chapters) starts.insert(laid.document.anchor_pages.at(chapter.id));
    }
    if (laid.document.anchor_pages.count("index")) starts.insert(laid.document.anchor_pages.at("index"));
    return starts;
}

double last_baseline(const typeset::Page& page) {
    double last = 0;
    for (const auto& line : page.lines) last = std::max(last, line.y);
    return last;
}

// A page that ends a run of text: the next is blank or opens a division,
// or it is a part title itself.
bool ends_run(const Laid& laid, const std::set<int>& starts, int page) {
    const auto& pages = laid.document.pages;
    if (page + 1 >= static_cast<int>(pages.size())) return true;
    return starts.count(page + 1) > 0 || pages[static_cast<std::size_t>(page + 1)].lines.empty() ||
           std::any_of(laid.book.parts.begin(), laid.book.parts.end(),
                       [&](const model::Part& part) { return laid.document.anchor_pages.at(part.id) == page; });
}

void check_spreads(const Laid& laid, int& spreads) {
    const auto& pages = laid.document.pages;
    const auto starts = division_starts(laid);
    const int first = laid.document.anchor_pages.at(laid.book.parts.front().id);
    const int index = laid.document.anchor_pages.at("index");
    // 0-based odd pages are versos; each faces the next.
    for (int verso = first + 1; verso + 1 < index; verso += 2) {
        const auto& left = pages[static_cast<std::size_t>(verso)];
        const auto& right = pages[static_cast<std::size_t>(verso + 1)];
        if (left.lines.empty() || right.lines.empty()) continue;
        if (ends_run(laid, starts, verso) || ends_run(laid, starts, verso + 1)) continue;
        INFO("pages " << left.label << "/" << right.label << ": " << left.lines.back().text << " | "
                      << right.lines.back().text);
        CHECK(std::abs(last_baseline(left) - last_baseline(right)) < 0.5);
        ++spreads;
    }
}

// Each essay's last page holds at least `lines` lines when the essay runs
// to more than one page.
void check_last_pages(const Laid& laid, std::size_t lines) {
    const auto& pages = laid.document.pages;
    const auto starts = division_starts(laid);
    for (const auto& part : laid.book.parts) {
        for (const auto& chapter : part.chapters) {
            const int opening = laid.document.anchor_pages.at(chapter.id);
            int last = opening;
            while (!ends_run(laid, starts, last)) ++last;
            if (last == opening) continue;
            INFO(chapter.id << " ends on page " << pages[static_cast<std::size_t>(last)].label);
            CHECK(pages[static_cast<std::size_t>(last)].lines.size() >= lines);
        }
    }
}

}  // namespace

TEST_CASE("facing pages end on the same baseline unless one ends an essay", "[typeset][layout]") {
    int spreads = 0;
    check_spreads(sample(), spreads);
    check_spreads(corpus(), spreads);
    check_spreads(continuous_corpus(), spreads);
    CHECK(spreads > 20);
}

TEST_CASE("an essay's last page holds at least the design's last_page_lines", "[typeset][layout]") {
    const std::size_t lines = static_cast<std::size_t>(manifest::PrintDesign{}.last_page_lines);
    CHECK(lines == 5);
    check_last_pages(sample(), lines);
    check_last_pages(corpus(), lines);
    check_last_pages(continuous_corpus(), lines);
}

TEST_CASE("film titles and index names are never hyphenated, even when names may be", "[typeset][layout]") {
    // With `hyphenation: {names: true}` capitalised words may break, but
    // not the words of a film's title or of an index name.
    const Laid laid = lay_out(corpus_manifest(), true);
    std::set<std::string> whole;
    // Their capitalised words, as written (a common word of a title, such
    // as "massacre", may still break elsewhere).
    auto add_words = [&](const std::string& text) {
        std::string word;
        for (char c : text + " ") {
            if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
                word += c;
            } else {
                if (word.size() >= 5 && std::isupper(static_cast<unsigned char>(word[0]))) whole.insert(word);
                word.clear();
            }
        }
    };
    for (const auto& part : laid.book.parts) add_words(part.title);
    for (const auto& group : laid.book.index.groups)
        for (const auto& entry : group.entries)
            if (entry.kind != "concept") add_words(entry.heading);
    REQUIRE(whole.size() > 10);
    int broken_names = 0;
    std::vector<const typeset::LineRecord*> lines;
    for (const auto& page : laid.document.pages)
        for (const auto& line : page.lines) lines.push_back(&line);
    auto lowered_letters = [](const std::string& text) {
        std::string letters;
        for (char c : text)
            if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) letters += c;
        return letters;
    };
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i]->hyphenated) continue;
        const std::string& text = lines[i]->text;
        const auto space = text.find_last_of(" \u00a0");
        const std::string piece = text.substr(space == std::string::npos ? 0 : space + 1);
        const std::string& next = lines[i + 1]->text;
        // The broken word whole: its start here, its end opening the next line.
        const std::string word = lowered_letters(piece + next.substr(0, next.find(' ')));
        if (!piece.empty() && std::isupper(static_cast<unsigned char>(piece[0]))) ++broken_names;
        INFO(text << " / " << next << ": " << word);
        CHECK(whole.count(word) == 0);
    }
    // The setting is in force: other names do take hyphens.
    CHECK(broken_names > 0);
    // The index is set without hyphens at all.
    for (std::size_t p = static_cast<std::size_t>(laid.document.anchor_pages.at("index")); p < laid.document.pages.size(); ++p)
        for (const auto& line : laid.document.pages[p].lines) CHECK_FALSE(line.hyphenated);
}

TEST_CASE("pdftotext: no page of the sample or the corpus ends with a hyphen", "[typeset][layout][pdf]") {
    const test::ScratchDir out("book-layout-pdf");
    for (const std::string& manifest :
         {std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/book.yaml", corpus_manifest()}) {
        const auto built = test::run(test::quote(CINEFOLIO_BINARY) + " build " + test::quote(manifest) +
                                     " -q --format pdf -o " + test::quote(out.path().string()));
        REQUIRE(built.exit_code == 0);
    }
    for (const char* name : {"closeness.pdf", "book.pdf"}) {
        // The text block alone: running heads sit above 48 pt, dropped
        // folios below 585 pt on a 6 x 9 in page.
        const auto text = test::run("pdftotext -enc UTF-8 -layout -r 72 -x 0 -y 48 -W 432 -H 537 " +
                                    test::quote((out.path() / name).string()) + " -");
        REQUIRE(text.exit_code == 0);
        std::size_t pages = 0;
        std::size_t begin = 0;
        while (begin < text.output.size()) {
            std::size_t end = text.output.find('\f', begin);
            if (end == std::string::npos) end = text.output.size();
            const std::string page = text.output.substr(begin, end - begin);
            begin = end + 1;
            std::string last;
            std::size_t at = 0;
            while (at < page.size()) {
                std::size_t stop = page.find('\n', at);
                if (stop == std::string::npos) stop = page.size();
                std::string line = page.substr(at, stop - at);
                while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
                if (!line.empty()) last = line;
                at = stop + 1;
            }
            ++pages;
            INFO(name << " page " << pages << ": " << last);
            CHECK_FALSE(std::regex_search(last, std::regex("[A-Za-z]-$")));
        }
        CHECK(pages > 20);
    }
}

TEST_CASE("a heading directly under another takes the smaller space, and the text after stays on the grid",
          "[typeset][layout]") {
    const auto& document = sample().document;
    const manifest::PrintDesign design;
    const double leading = design.roles.body.leading;
    bool found = false;
    for (const auto& page : document.pages) {
        for (std::size_t i = 0; i + 2 < page.lines.size(); ++i) {
            if (page.lines[i].text != "Body: The Investigation") continue;
            REQUIRE(page.lines[i + 1].text == "The Ontological Shock");
            found = true;
            // The level-2 heading's leading and the smaller of the two
            // spaces (heading 1's after, half a line), not their sum
            // (it was 43.5 pt).
            const double between = page.lines[i + 1].y - page.lines[i].y;
            CHECK(between == Approx(design.roles.heading_2.leading + design.spaces.heading_1_after * leading));
            // The paragraph under them sits on the page's baseline grid
            // (typeset/design.cpp: one line below the top margin).
            const double first_baseline =
                design.margins.top + 0.8 * design.roles.body.size + leading - design.roles.body.size;
            const double steps = (page.lines[i + 2].y - first_baseline) / leading;
            CHECK(steps == Approx(std::round(steps)).margin(0.01));
        }
    }
    CHECK(found);
}

namespace {

// The ids of an essay's body-size blocks: its own paragraphs and those of
// its lists (not quotes, tables or notes, set at their own leading).
void body_blocks(const std::vector<model::Block>& blocks, bool in_list, std::set<std::string>& ids) {
    for (const auto& block : blocks) {
        switch (block.kind) {
            case model::BlockKind::paragraph: ids.insert(block.id); break;
            case model::BlockKind::bullet_list:
            case model::BlockKind::ordered_list:
                if (!in_list) body_blocks(block.children, true, ids);
                break;
            case model::BlockKind::list_item: body_blocks(block.children, true, ids); break;
            default: break;
        }
    }
}

}  // namespace

TEST_CASE("paragraphs and lists alike sit on the page's baseline grid", "[typeset][layout]") {
    const manifest::PrintDesign design;
    const double leading = design.roles.body.leading;
    const double first_baseline = design.margins.top + 0.8 * design.roles.body.size + leading - design.roles.body.size;
    for (const Laid* laid : {&sample(), &corpus()}) {
        std::set<std::string> paragraphs, in_lists;
        for (const auto& part : laid->book.parts) {
            for (const auto& chapter : part.chapters) {
                for (const auto& block : chapter.blocks) {
                    if (block.kind == model::BlockKind::paragraph) paragraphs.insert(block.id);
                    if (block.kind == model::BlockKind::bullet_list || block.kind == model::BlockKind::ordered_list)
                        body_blocks(block.children, true, in_lists);
                }
            }
        }
        REQUIRE_FALSE(in_lists.empty());
        int list_lines = 0, lines = 0;
        for (const auto& page : laid->document.pages) {
            for (const auto& line : page.lines) {
                const bool listed = in_lists.count(line.block) > 0;
                if (!listed && !paragraphs.count(line.block)) continue;
                INFO("page " << page.label << ": " << line.text);
                const double steps = (line.y - first_baseline) / leading;
                CHECK(steps == Approx(std::round(steps)).margin(0.01));
                ++lines;
                if (listed) ++list_lines;
            }
        }
        CHECK(list_lines > 20);
        CHECK(lines > 300);
    }
}

TEST_CASE("a heading after a list takes the larger of the two spaces and not their sum", "[typeset][layout]") {
    const auto& document = sample().document;
    const manifest::PrintDesign design;
    const double leading = design.roles.body.leading;
    bool found = false;
    for (const auto& page : document.pages) {
        for (std::size_t i = 0; i + 1 < page.lines.size(); ++i) {
            if (page.lines[i + 1].text != "The Shadow of the Caliphate") continue;
            REQUIRE(page.lines[i].text == "vertigo.");  // the last line of a list
            found = true;
            // The heading's own space (a line) is the larger: with the
            // list's line below added too it was 44.1 pt.
            const double between = page.lines[i + 1].y - page.lines[i].y;
            CHECK(between >= design.roles.heading_2.leading + design.spaces.heading_2_before * leading);
            CHECK(between < design.roles.heading_2.leading + (design.spaces.heading_2_before + 1) * leading);
        }
    }
    CHECK(found);
}

TEST_CASE("a compound with a hyphen of its own breaks only at that hyphen", "[typeset][layout]") {
    // The corpus sets "self-actualization" at a line's end; it was
    // "self-ac-" / "tualization".
    int compounds = 0;
    for (const Laid* laid : {&sample(), &corpus(), &continuous_corpus()}) {
        for (const auto& page : laid->document.pages) {
            for (const auto& line : page.lines) {
                const auto space = line.text.rfind(' ');
                const std::string last = line.text.substr(space == std::string::npos ? 0 : space + 1);
                // Broken at a compound's own hyphen: the line ends with it.
                if (!line.hyphenated && last.size() > 1 && last.back() == '-') ++compounds;
                if (!line.hyphenated) continue;
                INFO("page " << page.label << ": " << line.text);
                CHECK(last.find('-') == last.size() - 1);
            }
        }
    }
    CHECK(compounds > 10);
}
