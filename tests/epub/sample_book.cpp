#include "sample_book.hpp"

#include <utility>

namespace cinefolio::test {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

Inline text(std::string value) { return {InlineKind::text, std::move(value), {}, {}, {}}; }
Inline wrap(InlineKind kind, std::vector<Inline> children, std::string url = {}) {
    return {kind, {}, std::move(url), std::move(children), {}};
}
Inline note_ref(std::string number, std::string id) { return {InlineKind::footnote_ref, std::move(number), std::move(id), {}, {}}; }

Block paragraph(std::string id, std::vector<Inline> inlines) {
    Block block;
    block.kind = BlockKind::paragraph;
    block.id = std::move(id);
    block.inlines = std::move(inlines);
    return block;
}

Block heading(std::string id, int level, std::string title) {
    Block block = paragraph(std::move(id), {text(std::move(title))});
    block.kind = BlockKind::heading;
    block.level = level;
    return block;
}

Block container(BlockKind kind, std::string id, std::vector<Block> children) {
    Block block;
    block.kind = kind;
    block.id = std::move(id);
    block.children = std::move(children);
    return block;
}

Block cell(std::string id, std::string value, model::Align align = model::Align::none) {
    Block block = paragraph(std::move(id), {text(std::move(value))});
    block.kind = BlockKind::table_cell;
    block.align = align;
    return block;
}

// An essay using every block and inline kind; `prefix` is the chapter id.
model::Chapter full_chapter(const std::string& prefix) {
    model::Chapter chapter;
    chapter.id = prefix;
    chapter.lens = "REALISM";
    chapter.title = "Realism";
    chapter.subtitle = {text("Streets of "), wrap(InlineKind::emphasis, {text("Rome & <Ruin>")})};
    chapter.dek = {text("A standfirst with a "), wrap(InlineKind::strong, {text("strong")}), text(" word.")};
    chapter.author = "Ada Critic";

    Block lead = paragraph(prefix + "-p1", {wrap(InlineKind::strong, {text("The lead.")}),
                                            text(" Then the rest of a run-in paragraph"), note_ref("1", prefix + "-fn1"),
                                            text(".")});
    lead.run_in_lead = true;
    chapter.blocks.push_back(lead);
    chapter.blocks.push_back(paragraph(
        prefix + "-p2",
        {text("Plain, "), wrap(InlineKind::emphasis, {text("emphasis")}), text(", "),
         wrap(InlineKind::strong, {text("strong")}), text(", "), wrap(InlineKind::strikethrough, {text("struck")}),
         text(", "), Inline{InlineKind::code, "a < b && c", {}, {}, {}}, {InlineKind::soft_break, {}, {}, {}, {}},
         text("a "), wrap(InlineKind::link, {text("web link")}, "https://example.org/a b?x=1&y=2"), text(", a "),
         wrap(InlineKind::link, {text("mail link")}, "mailto:ada@example.org"), text(", a "),
         wrap(InlineKind::link, {text("script link")}, "javascript:alert(1)"), text(", a "),
         wrap(InlineKind::link, {text("relative link")}, "other.md"), {InlineKind::hard_break, {}, {}, {}, {}},
         text("an image: "), wrap(InlineKind::image, {text("a still of the bicycle")}, "still.jpg"),
         text(" and the note again"), note_ref("1", prefix + "-fn1"), text(" and another"),
         note_ref("2", prefix + "-fn2"), text(".")}));
    chapter.blocks.push_back(heading(prefix + "-h1", 1, "A section"));
    chapter.blocks.push_back(paragraph(prefix + "-p3", {text("Under the section.")}));
    chapter.blocks.push_back(heading(prefix + "-h2", 2, "A subsection"));
    chapter.blocks.push_back(paragraph(prefix + "-p4", {text("Under the subsection.")}));

    Block bullets = container(BlockKind::bullet_list, prefix + "-l1",
                              {container(BlockKind::list_item, prefix + "-l1-i1", {paragraph(prefix + "-p5", {text("one")})}),
                               container(BlockKind::list_item, prefix + "-l1-i2", {paragraph(prefix + "-p6", {text("two")})})});
    bullets.tight = true;
    chapter.blocks.push_back(bullets);
    Block numbers = container(
        BlockKind::ordered_list, prefix + "-l2",
        {container(BlockKind::list_item, prefix + "-l2-i1",
                   {paragraph(prefix + "-p7", {text("third")}), paragraph(prefix + "-p8", {text("loose")})})});
    numbers.start = 3;
    chapter.blocks.push_back(numbers);
    chapter.blocks.push_back(container(BlockKind::block_quote, prefix + "-q1",
                                       {paragraph(prefix + "-p9", {text("A quoted line.")}),
                                        paragraph(prefix + "-p10", {text("And another.")})}));
    Block code;
    code.kind = BlockKind::code_block;
    code.id = prefix + "-c1";
    code.info = "c++ {.numberLines}";
    code.text = "if (a < b && c > d) {\n    return \"</pre>\";\n}\n";
    chapter.blocks.push_back(code);
    chapter.blocks.push_back(container(BlockKind::thematic_break, prefix + "-hr1", {}));
    chapter.blocks.push_back(container(
        BlockKind::table, prefix + "-t1",
        {container(BlockKind::table_row, prefix + "-t1-r1",
                   {cell(prefix + "-t1-r1-c1", "Film", model::Align::left), cell(prefix + "-t1-r1-c2", "Year", model::Align::right)}),
         container(BlockKind::table_row, prefix + "-t1-r2",
                   {cell(prefix + "-t1-r2-c1", "Bicycle Thieves"), cell(prefix + "-t1-r2-c2", "1948", model::Align::right)}),
         container(BlockKind::table_row, prefix + "-t1-r3",
                   {cell(prefix + "-t1-r3-c1", "Umberto D."), cell(prefix + "-t1-r3-c2", "1952", model::Align::right)})}));
    chapter.blocks.push_back(paragraph(prefix + "-p11", {text("The end & <fin>.")}));

    chapter.footnotes.push_back({prefix + "-fn1", "1", {paragraph(prefix + "-fn1-p1", {text("The first note.")})}});
    chapter.footnotes.push_back({prefix + "-fn2", "2",
                                 {paragraph(prefix + "-fn2-p1", {text("The second note, pointing back"), note_ref("1", prefix + "-fn1"), text(".")}),
                                  paragraph(prefix + "-fn2-p2", {text("With a second paragraph.")})}});
    return chapter;
}

model::Chapter short_chapter(const std::string& prefix, std::string lens, std::string label) {
    model::Chapter chapter;
    chapter.id = prefix;
    chapter.lens = std::move(lens);
    chapter.title = std::move(label);
    chapter.blocks.push_back(paragraph(prefix + "-p1", {text("A short essay without a title or byline.")}));
    chapter.blocks.push_back(paragraph(prefix + "-p2", {text("Its second paragraph.")}));
    return chapter;
}

}  // namespace

model::Book sample_book() {
    model::Book book;
    book.metadata.id = "closeness";
    book.metadata.title = sample_title;
    book.metadata.subtitle = "Essays on Neorealism & After";
    book.metadata.creators = {"Ada Critic", "Ben <Editor>"};
    book.metadata.language = "en";
    book.metadata.identifier = "urn:uuid:0b7a6c1e-3f0a-5c2e-9d4b-1a2b3c4d5e6f";
    book.metadata.publisher = "Cinefolio Press";
    book.metadata.rights = "\u00A9 2024 the authors & editors";
    book.metadata.date = "2024-05-01";
    book.metadata.description = "A test anthology.";
    // Field by field: model::Lens grows fields (siglum) the EPUB does not read.
    for (auto [name, label] : {std::pair{"REALISM", "Realism"}, {"SOUND", "Sound"}, {"FILM_NOIR", "Film Noir"}}) {
        model::Lens lens;
        lens.name = name;
        lens.label = label;
        book.lenses.push_back(lens);
    }

    model::Part first;
    first.id = "f452008";
    first.film_id = 452008;
    first.title = "Bicycle Thieves";
    first.year = 1948;
    first.director = "Vittorio De Sica";
    first.chapters.push_back(full_chapter("f452008-realism"));
    first.chapters.push_back(short_chapter("f452008-sound", "SOUND", "Sound"));
    book.parts.push_back(first);

    model::Part second;
    second.id = "f17";
    second.film_id = 17;
    second.title = "Night & Fog <1955>";
    second.chapters.push_back(full_chapter("f17-realism"));
    second.chapters.push_back(short_chapter("f17-film-noir", "FILM_NOIR", "Film Noir"));
    book.parts.push_back(second);
    return book;
}

}  // namespace cinefolio::test
