// Index terms found in a small book: extraction rules, aliases, the
// bare-surname rule, exclusions, references, anchors and lenses.

#include <catch2/catch.hpp>

#include "cinefolio/assemble/assemble.hpp"
#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/index/index.hpp"
#include "cinefolio/model/book.hpp"

using namespace cinefolio;

namespace {

struct TestBook {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    model::Book book;
};

std::string essay(const std::string& lens, const std::string& body) {
    return "---\nmovieId: 7\nmovieTitle: Closeness\ncategoryName: " + lens + "\n---\n\n" + body;
}

std::unique_ptr<TestBook> make_book(const std::vector<std::pair<std::string, std::string>>& essays,
                                    const std::string& index_yaml = "", int threads = 1) {
    auto made = std::make_unique<TestBook>();
    std::vector<corpus::Essay> loaded;
    for (const auto& [lens, body] : essays) {
        auto file = made->sources.add(lens + ".md", essay(lens, body));
        auto one = corpus::load_essay(made->sources, file, made->diagnostics);
        REQUIRE(one);
        loaded.push_back(std::move(*one));
    }
    manifest::Manifest manifest;
    manifest.title = "T";
    manifest.id = "t";
    auto book = assemble::assemble(manifest, std::move(loaded), made->diagnostics);
    REQUIRE(book);
    made->book = std::move(*book);
    std::optional<manifest::IndexFile> curated;
    if (!index_yaml.empty()) {
        auto file = made->sources.add("index.yaml", index_yaml);
        curated = manifest::parse_index_file(made->sources, file, made->diagnostics);
        REQUIRE(curated);
    }
    index::build(made->book, curated ? &*curated : nullptr, made->diagnostics, 0, threads);
    return made;
}

const model::IndexEntry* find(const model::Book& book, const std::string& heading) {
    for (const auto& group : book.index.groups)
        for (const auto& entry : group.entries)
            if (entry.heading == heading) return &entry;
    return nullptr;
}

// The text of the inline run that follows an anchor, so a test can see
// where the anchor landed.
std::string after_anchor(const std::vector<model::Inline>& inlines, const std::string& id) {
    for (std::size_t i = 0; i < inlines.size(); ++i) {
        if (inlines[i].kind == model::InlineKind::anchor && inlines[i].text == id) {
            std::vector<model::Inline> rest(inlines.begin() + static_cast<std::ptrdiff_t>(i) + 1, inlines.end());
            return model::plain_text(rest);
        }
        auto inner = after_anchor(inlines[i].children, id);
        if (!inner.empty()) return inner;
    }
    return {};
}

const model::Block* block_by_id(const std::vector<model::Block>& blocks, const std::string& id) {
    for (const auto& block : blocks) {
        if (block.id == id) return &block;
        if (auto found = block_by_id(block.children, id)) return found;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("bold lead-ins with a gloss become people, italic titles works, critics and outlets pairs",
          "[index][extract]") {
    auto made = make_book({{"REALISM",
                            "**Susan Sontag (Critic, American, 1933-2004)**\nIn *Regarding the Pain of Others* she "
                            "writes.\n\nLater, Sontag returns.\n"},
                           {"METACRITIC", "Critics like Jay Weissberg (*Variety*) disagreed. Sontag is absent here.\n"}});
    const auto& book = made->book;
    auto sontag = find(book, "Sontag, Susan");
    REQUIRE(sontag);
    CHECK(sontag->kind == "person");
    CHECK(sontag->gloss == "Critic, American, 1933-2004");
    // The bare surname counts after the full name in the same essay only.
    CHECK(sontag->locators.size() == 2);
    CHECK(sontag->lenses == std::vector<std::string>{"REALISM"});
    auto work = find(book, "Regarding the Pain of Others");
    REQUIRE(work);
    CHECK(work->italic);
    auto variety = find(book, "Variety");
    REQUIRE(variety);
    CHECK(variety->kind == "periodical");
    auto critic = find(book, "Weissberg, Jay");
    REQUIRE(critic);
    CHECK(critic->gloss == "critic, Variety");
    // The outlet keeps its italics in the gloss.
    using Range = std::vector<std::pair<std::size_t, std::size_t>>;
    CHECK(critic->gloss_italics == Range{{8, 15}});
    // The film itself is the book's part, not an index entry.
    CHECK_FALSE(find(book, "Closeness"));
}

TEST_CASE("curated entries: aliases, exclusions, see and see also, subentries", "[index][curated]") {
    const std::string curated = R"(
extract: {leads: false, works: false, critics: false}
entries:
  - {heading: Ilana, kind: person, aliases: [Ila]}
  - {heading: Ila, see: [Ilana]}
  - heading: Nalchik
    kind: place
    exclude: [Nalchik Airport]
    see_also: [Caucasus]
    subentries:
      - {heading: markets of, match: [Nalchik market]}
  - {heading: Caucasus, kind: place}
  - {heading: Nowhere, kind: place}
)";
    auto made = make_book({{"REALISM", "Ila drives through Nalchik. Ilana is not Ilanas.\n\nThe Nalchik Airport.\n"},
                           {"PRESS", "A Nalchik market and the Caucasus.\n"}},
                          curated);
    const auto& book = made->book;
    auto ilana = find(book, "Ilana");
    REQUIRE(ilana);
    REQUIRE(ilana->locators.size() == 1);  // one locator per paragraph
    auto paragraph = block_by_id(book.parts[0].chapters[0].blocks, ilana->locators[0].block_id);
    REQUIRE(paragraph);
    // The anchor sits where the alias begins, not at the paragraph's start of Ilana.
    CHECK(after_anchor(paragraph->inlines, ilana->locators[0].anchor_id).rfind("Ila drives", 0) == 0);
    auto ila = find(book, "Ila");
    REQUIRE(ila);
    CHECK(ila->see == std::vector<std::string>{"Ilana"});
    CHECK(ila->locators.empty());
    auto nalchik = find(book, "Nalchik");
    REQUIRE(nalchik);
    // "Nalchik Airport" is excluded; the market paragraph is a subentry's,
    // and the entry spans both lenses through it.
    CHECK(nalchik->locators.size() == 2);
    REQUIRE(nalchik->subentries.size() == 1);
    CHECK(nalchik->subentries[0].lenses == std::vector<std::string>{"PRESS"});
    CHECK(nalchik->lenses == std::vector<std::string>{"REALISM", "PRESS"});
    CHECK(nalchik->see_also == std::vector<std::string>{"Caucasus"});
    // A curated entry found nowhere is left out with a warning.
    CHECK_FALSE(find(book, "Nowhere"));
    bool warned = false;
    for (const auto& item : made->diagnostics.all()) warned = warned || item.message.find("`Nowhere`") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("letter groups, with numerals first", "[index][collation]") {
    auto made = make_book({{"REALISM", "The 4:3 frame. Édouard Louis and Anna Politkovskaya.\n"}},
                          "entries:\n  - {heading: 4:3 frame, kind: concept}\n  - {heading: \"Louis, Édouard\", kind: "
                          "person}\n  - {heading: \"Politkovskaya, Anna\", kind: person}\n");
    std::vector<std::string> labels;
    for (const auto& group : made->book.index.groups) labels.push_back(group.label);
    CHECK(labels == std::vector<std::string>{"0–9", "L", "P"});
}

TEST_CASE("candidates count per lens and per film and leave curated entries out", "[index][candidates]") {
    auto made = make_book({{"REALISM", "**Nan Goldin (Photographer)**\nShe took *The Ballad of Sexual Dependency*.\n"},
                           {"SIGNIFIER", "Nan Goldin again, at the Cannes Film Festival.\n"}},
                          "entries:\n  - {heading: \"Goldin, Nan\", kind: person}\n");
    auto found = index::candidates(made->book, nullptr);
    auto has = [&](const std::string& heading) {
        for (const auto& entry : found.entries)
            if (entry.heading == heading) return &entry;
        return static_cast<const manifest::IndexFileEntry*>(nullptr);
    };
    REQUIRE(has("Goldin, Nan"));
    CHECK(has("Goldin, Nan")->lenses == std::map<std::string, int>{{"REALISM", 1}, {"SIGNIFIER", 1}});
    CHECK(has("Goldin, Nan")->films == std::map<std::string, int>{{"Closeness", 2}});
    CHECK(has("Cannes Film Festival"));
    manifest::IndexFile curated;
    curated.entries.push_back({});
    curated.entries.back().heading = "Goldin, Nan";
    curated.entries.back().kind = "person";
    CHECK_FALSE(index::candidates(made->book, &curated).entries.empty());
    for (const auto& entry : index::candidates(made->book, &curated).entries) CHECK(entry.heading != "Goldin, Nan");
}

TEST_CASE("curated patterns find forms a plain match would miss, as whole words", "[index][curated][patterns]") {
    const std::string curated = R"(
extract: {leads: false, works: false, critics: false}
entries:
  - heading: 4:3 aspect ratio
    kind: concept
    patterns: ['4:3|four-by-three|(?i:academy ratio)']
    exclude: [4:3 poster]
  - heading: Ilana
    kind: person
    patterns: ['Ila|Ilana']
  - heading: Frame
    kind: concept
    patterns: [frame]
)";
    auto made = make_book({{"REALISM",
                            "Shot in four-by-three.\n\nThe ACADEMY RATIO again.\n\nThe 4:3 poster.\n\n"
                            "Ilana waits.\n\nAt 14:30 the frames end; a reframe.\n"},
                           {"SIGNIFIER", "A 4:3 box.\n\nThe Frame.\n"}},
                          curated);
    INFO(made->diagnostics.all().size());
    CHECK_FALSE(made->diagnostics.has_errors());
    const auto& book = made->book;
    auto ratio = find(book, "4:3 aspect ratio");
    REQUIRE(ratio);
    // four-by-three and ACADEMY RATIO (no plain `match` has either), the 4:3
    // box; not the excluded poster, not "4:3" inside "14:30".
    CHECK(ratio->locators.size() == 3);
    CHECK(ratio->lenses == std::vector<std::string>{"REALISM", "SIGNIFIER"});
    const auto& blocks = book.parts[0].chapters[0].blocks;
    auto first = block_by_id(blocks, ratio->locators[0].block_id);
    REQUIRE(first);
    CHECK(after_anchor(first->inlines, ratio->locators[0].anchor_id).rfind("four-by-three", 0) == 0);
    // `Ila|Ilana` takes the alternative that ends at the word's edge.
    auto ilana = find(book, "Ilana");
    REQUIRE(ilana);
    CHECK(ilana->locators.size() == 1);
    // Case-sensitive without (?i): "Frame" is not "frame"; "frames" and
    // "reframe" are longer words.
    CHECK_FALSE(find(book, "Frame"));
}

TEST_CASE("an invalid pattern is an error at its place in the index file", "[index][curated][patterns]") {
    TestBook made;
    const std::string yaml = "entries:\n  - heading: Ratio\n    patterns: ['4:3 (ratio']\n";
    auto file = made.sources.add("index.yaml", yaml);
    auto curated = manifest::parse_index_file(made.sources, file, made.diagnostics);
    REQUIRE(curated);
    auto loaded = corpus::load_essay(made.sources, made.sources.add("a.md", essay("REALISM", "A 4:3 ratio.\n")),
                                     made.diagnostics);
    REQUIRE(loaded);
    std::vector<corpus::Essay> essays;
    essays.push_back(std::move(*loaded));
    manifest::Manifest manifest;
    manifest.title = "T";
    manifest.id = "t";
    auto book = assemble::assemble(manifest, std::move(essays), made.diagnostics);
    REQUIRE(book);
    index::build(*book, &*curated, made.diagnostics);
    REQUIRE(made.diagnostics.error_count() == 1);
    const auto& error = made.diagnostics.all().back();
    CHECK(error.message.find("invalid index pattern `4:3 (ratio`: unbalanced parentheses") != std::string::npos);
    CHECK(error.message.find("U_REGEX_MISMATCHED_PAREN") != std::string::npos);
    CHECK_FALSE(error.hint.empty());
    // ICU reports the end of the pattern, where the `)` is missing: the
    // final `o` of `'4:3 (ratio'`, whose quote is at line 3, column 16.
    auto where = made.sources.position(error.span.file, error.span.begin);
    CHECK(where.line == 3);
    CHECK(where.column == 26);
    CHECK(book->index.groups.empty());
}

TEST_CASE("glosses keep their italics: a lead's italic words, a curated gloss's *…*", "[index][extract]") {
    auto made = make_book({{"REALISM", "**Nan Goldin (photographer of *The Ballad*, American)**\nShe shot it.\n\n"
                                       "Ilana stays.\n"}},
                          "entries:\n  - heading: Ilana\n    kind: person\n    gloss: heroine of *Closeness*, 1 * 2\n");
    using Range = std::vector<std::pair<std::size_t, std::size_t>>;
    auto goldin = find(made->book, "Goldin, Nan");
    REQUIRE(goldin);
    CHECK(goldin->gloss == "photographer of The Ballad, American");
    CHECK(goldin->gloss_italics == Range{{16, 26}});
    auto ilana = find(made->book, "Ilana");
    REQUIRE(ilana);
    // Pairs of asterisks mark italics; a lone one stays as written.
    CHECK(ilana->gloss == "heroine of Closeness, 1 * 2");
    CHECK(ilana->gloss_italics == Range{{11, 20}});
    const auto pieces = model::gloss_pieces(ilana->gloss, ilana->gloss_italics);
    REQUIRE(pieces.size() == 3);
    CHECK(pieces[1].text == "Closeness");
    CHECK(pieces[1].italic);
}

TEST_CASE("an entry with more locators in one lens than the limit is a warning suggesting subentries",
          "[index][curated]") {
    std::string body;
    for (int i = 0; i < 4; ++i) body += "Ilana walks, paragraph " + std::to_string(i) + ".\n\n";
    auto make = [&](int limit) {
        auto made = std::make_unique<TestBook>();
        auto file = made->sources.add("REALISM.md", essay("REALISM", body));
        auto one = corpus::load_essay(made->sources, file, made->diagnostics);
        REQUIRE(one);
        std::vector<corpus::Essay> loaded;
        loaded.push_back(std::move(*one));
        manifest::Manifest manifest;
        manifest.title = "T";
        manifest.id = "t";
        auto book = assemble::assemble(manifest, std::move(loaded), made->diagnostics);
        REQUIRE(book);
        made->book = std::move(*book);
        auto index_file = made->sources.add("index.yaml", "entries:\n  - heading: Ilana\n    kind: person\n");
        auto curated = manifest::parse_index_file(made->sources, index_file, made->diagnostics);
        REQUIRE(curated);
        index::build(made->book, &*curated, made->diagnostics, limit);
        return made;
    };
    auto within = make(4);
    CHECK(within->diagnostics.warning_count() == 0);
    auto over = make(3);
    REQUIRE(over->diagnostics.warning_count() == 1);
    const auto& warning = over->diagnostics.all().front();
    CHECK(warning.message ==
          "index entry `Ilana` has more than 3 locators in one lens: Realism (4); a reader gets a list of pages, not a way in");
    CHECK(warning.hint.find("subentries") != std::string::npos);
    // At the entry in the curated file.
    CHECK(over->sources.position(warning.span.file, warning.span.begin).line == 2);
    CHECK(make(0)->diagnostics.warning_count() == 0);  // no limit
}

TEST_CASE("candidates propose subentries for an entry crowded in one lens: phrases that recur around it",
          "[index][candidates][subentries]") {
    // Twenty Realism paragraphs name Sokurov: seven with his long takes
    // (two of them "whose long takes", "whose" being as common away from
    // him), four with his workshop in Nalchik, two with "winter light",
    // which is as common elsewhere (lift below 1: says nothing about him).
    std::string realism;
    for (int i = 0; i < 20; ++i) {
        std::string sentence = "Paragraph " + std::to_string(i) + " returns to Alexander Sokurov";
        if (i % 3 == 0) sentence += i < 6 ? ", whose long takes it inherits" : " with its long takes";
        if (i % 2 == 0) sentence += ". In Sokurov’s shadow";  // his own name, possessive: still his
        else if (i % 4 == 1) sentence += " and the workshop in Nalchik where it began";
        else if (i % 7 == 2) sentence += " under a winter light";
        realism += sentence + ". The film keeps its distance.\n\n";
    }
    for (int i = 0; i < 40; ++i) {
        // The small words of any paragraph: "and", "in", "where", "it", "with",
        // "under" are no more Sokurov's than anyone's.
        realism += "Elsewhere " + std::to_string(i) + " the film " + (i % 7 == 0 ? "has a winter light" : "moves on") +
                   (i % 10 == 0 ? ", whose family waits" : "") + " with it, and in the house where they live under one roof.\n\n";
    }
    const std::string yaml = "entries:\n  - {heading: \"Sokurov, Alexander\", kind: person, match: [Alexander Sokurov]}\n";
    auto made = make_book({{"REALISM", realism}}, yaml);
    auto curated = manifest::parse_index_file(made->sources, made->sources.add("curated.yaml", yaml), made->diagnostics);
    REQUIRE(curated);
    auto found = index::candidates(made->book, &*curated, 15);
    const manifest::IndexFileEntry* sokurov = nullptr;
    for (const auto& entry : found.entries)
        if (entry.heading == "Sokurov, Alexander") sokurov = &entry;
    REQUIRE(sokurov);
    CHECK(sokurov->rule == "subentries");  // curated: back for its subentries alone
    CHECK(sokurov->lenses == std::map<std::string, int>{{"REALISM", 20}});
    std::map<std::string, const manifest::IndexFileEntry*> proposed;
    std::string headings;
    for (const auto& sub : sokurov->subentries) {
        proposed[sub.heading] = &sub;
        headings += sub.heading + "; ";
    }
    INFO("proposed: " << headings);
    REQUIRE(proposed.count("long takes"));
    CHECK(proposed["long takes"]->match == std::vector<std::string>{"long takes"});
    CHECK(proposed["long takes"]->rule == "phrases");
    CHECK(proposed["long takes"]->lenses == std::map<std::string, int>{{"REALISM", 7}});
    // The three words of the workshop go together, the better heading.
    CHECK(proposed.count("workshop in Nalchik"));
    for (const auto& [heading, sub] : proposed) {
        INFO(heading);
        CHECK(heading.find("winter") == std::string::npos);  // no likelier near him than anywhere
        CHECK(heading.find("whose") == std::string::npos);   // likewise
        CHECK(heading.find("Sokurov") == std::string::npos);  // his own name, "Sokurov’s" too, says nothing
        CHECK(heading.find("film") == std::string::npos);     // in most paragraphs of the book
        CHECK(heading.find("distance") == std::string::npos);  // in a third of them
    }

    // Not crowded (no limit, or one above the count): no proposals, and
    // the curated entry does not come back.
    for (int limit : {0, 20}) {
        for (const auto& entry : index::candidates(made->book, &*curated, limit).entries) {
            CHECK(entry.heading != "Sokurov, Alexander");
            CHECK(entry.subentries.empty());
        }
    }
}

TEST_CASE("the chapters searched on 1, 2 or 4 threads give the same anchors and entries", "[index][threads]") {
    const std::string curated = R"(
entries:
  - {heading: Ilana, kind: person, aliases: [Ila]}
  - heading: Nalchik
    kind: place
    subentries:
      - {heading: markets of, match: [Nalchik market]}
  - {heading: aspect ratio, patterns: ['4:3( aspect)? ratio']}
)";
    std::vector<std::pair<std::string, std::string>> essays;
    const char* lenses[] = {"REALISM", "PRESS", "SIGNIFIER", "METACRITIC", "FEMINISM", "FORMALISM"};
    for (const char* lens : lenses)
        essays.emplace_back(lens, "Ila drives through Nalchik in *Closeness* (Kantemir Balagov, 2017). "
                                  "Ilana, in a 4:3 ratio.\n\nA Nalchik market; **Susan Sontag**, critic, "
                                  "wrote *Regarding the Pain of Others*.\n\nIla again, and the 4:3 aspect ratio.\n");
    const auto one = make_book(essays, curated, 1);
    REQUIRE(one->diagnostics.error_count() == 0);
    const std::string expected = model::dump(one->book, one->sources);
    REQUIRE(expected.find("-x1") != std::string::npos);  // anchors were placed
    for (const int threads : {2, 4}) {
        const auto many = make_book(essays, curated, threads);
        CHECK(model::dump(many->book, many->sources) == expected);
    }
}

TEST_CASE("forms of every shape are found as whole words, whatever word they start with", "[index][curated]") {
    // Terms are looked for only in paragraphs that hold their first word;
    // these forms start with a letter outside ASCII, a digit, punctuation
    // or a combining mark, or run across emphasis.
    const std::string curated = R"(
extract: {leads: false, works: false, critics: false}
entries:
  - {heading: "Łukasik, Pavel", kind: person, match: [Pavel Łukasik], aliases: [Łukasik]}
  - {heading: "(500) Days of Summer", kind: work}
  - {heading: "4:3", kind: concept, match: ["4:3"]}
  - {heading: "Émile", kind: person, match: ["Émile"]}
  - {heading: Ko, kind: person, match: [Ko]}
  - {heading: "Claustrophobia", kind: concept, patterns: ['[Cc]laustrophobi(?:a|c)']}
)";
    auto made = make_book({{"REALISM",
                            "Framed at 4:3, the film of Pavel *Łukasik* recalls (500) Days of Summer.\n\n"
                            "Later Łukasik's Émile, never Émilee nor Kovač; Ko is claustrophobic.\n\n"
                            "No term here: Łukasikowa, 14:30, Émiles.\n"}},
                          curated);
    const auto& book = made->book;
    const auto& blocks = book.parts[0].chapters[0].blocks;
    const auto anchored = [&](const std::string& heading) {
        std::vector<std::string> texts;
        if (const auto* entry = find(book, heading))
            for (const auto& locator : entry->locators)
                if (const auto* paragraph = block_by_id(blocks, locator.block_id))
                    texts.push_back(after_anchor(paragraph->inlines, locator.anchor_id).substr(0, 12));
        return texts;
    };
    CHECK(anchored("Łukasik, Pavel") == std::vector<std::string>{"Pavel Łukas", "Łukasik’s"});
    CHECK(anchored("(500) Days of Summer") == std::vector<std::string>{"(500) Days o"});
    CHECK(anchored("4:3") == std::vector<std::string>{"4:3, the fil"});
    CHECK(anchored("Émile") == std::vector<std::string>{"Émile, neve"});
    CHECK(anchored("Ko") == std::vector<std::string>{"Ko is claust"});
    CHECK(anchored("Claustrophobia") == std::vector<std::string>{"claustrophob"});
}
