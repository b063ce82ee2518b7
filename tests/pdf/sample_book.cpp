// The sample book of the print tests.

#include "sample_book.hpp"

#include <map>

#include "cinefolio/typeset/typeset.hpp"

#include "support/process.hpp"

namespace cinefolio::test {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

Inline text(std::string value) {
    return {InlineKind::text, std::move(value), {}, {}, {}};
}
Inline wrap(InlineKind kind, std::vector<Inline> children, std::string url = {}) {
    return {kind, {}, std::move(url), std::move(children), {}};
}
Inline code(std::string value) {
    return {InlineKind::code, std::move(value), {}, {}, {}};
}
Inline note(std::string number) {
    return {InlineKind::footnote_ref, std::move(number), "fn" + number, {}, {}};
}
Inline soft() {
    return {InlineKind::soft_break, {}, {}, {}, {}};
}
Inline hard() {
    return {InlineKind::hard_break, {}, {}, {}, {}};
}

Block paragraph(std::vector<Inline> inlines) {
    Block block;
    block.kind = BlockKind::paragraph;
    block.inlines = std::move(inlines);
    return block;
}
Block heading(int level, std::string title) {
    Block block;
    block.kind = BlockKind::heading;
    block.level = level;
    block.inlines = {text(std::move(title))};
    return block;
}
Block container(BlockKind kind, std::vector<Block> children) {
    Block block;
    block.kind = kind;
    block.children = std::move(children);
    return block;
}
Block item(std::string words) {
    return container(BlockKind::list_item, {paragraph({text(std::move(words))})});
}
Block cell(std::string words, model::Align align = model::Align::none) {
    Block block;
    block.kind = BlockKind::table_cell;
    block.align = align;
    block.inlines = {text(std::move(words))};
    return block;
}

const char* const filler[] = {
    "The camera stays at a distance that feels less like reticence than like tact: it watches the guests "
    "arrive at La Colinière the way a good host watches, attentive to everyone and possessive of no one. ",
    "What the film calls realism is not a style of photography but a moral position, a refusal to decide "
    "in advance which of its characters deserves our sympathy and which our contempt. ",
    "Renoir’s deep focus keeps the servants’ quarrel and the masters’ flirtation in the same frame, so "
    "that the comedy of manners and the tragedy of class happen simultaneously and unannounced. ",
    "Critics of the thirties found the picture confused; it is, rather, efficient in a way that official "
    "cinema of the period could not afford, packing its affliction into the margins of every shot. ",
};

std::vector<Inline> long_sentences(int count, int offset) {
    std::string words;
    for (int i = 0; i < count; ++i) words += filler[(i + offset) % 4];
    words.pop_back();
    return {text(words)};
}

model::Chapter realism() {
    model::Chapter chapter;
    chapter.id = "f1-realism";
    chapter.lens = "REALISM";
    chapter.title = "Realism";
    chapter.subtitle = {text("The "), wrap(InlineKind::emphasis, {text("Rules")}), text(" of Closeness")};
    chapter.dek = {text("On hospitality, deep focus and the ethics of the long take.")};
    chapter.author = "Émile Ćosić";
    auto& blocks = chapter.blocks;
    blocks.push_back(paragraph({text("“Everyone has their reasons,” says Octave — and the film believes him. "),
                                wrap(InlineKind::emphasis, {text("La Règle du jeu")}),
                                text(" opens on an airfield and closes at a château; between the two lies a "
                                     "café society in its final flourish."),
                                note("1"), soft(),
                                text("It is a film of offices and officers, of fine "
                                     "affliction and efficient flirtation.")}));
    blocks.push_back(paragraph(long_sentences(6, 0)));
    blocks.push_back(heading(1, "The hunt as a rehearsal"));
    blocks.push_back(
        paragraph({text("The rabbit hunt is "), wrap(InlineKind::strong, {text("the hinge")}),
                   text(" of the picture, a sequence "), wrap(InlineKind::strikethrough, {text("nobody")}),
                   text(" everyone remembers. Renoir cut it with "), code("fade_in(12)"), text(" in mind, as the "),
                   wrap(InlineKind::link, {text("Criterion essay")}, "https://example.org/hunt"), text(" notes; see "),
                   wrap(InlineKind::image, {text("a still of the hunt")}, "hunt.jpg"), text("."), hard(),
                   text("A line after a hard break.")}));
    blocks.push_back(paragraph(long_sentences(5, 1)));
    blocks.push_back(
        container(BlockKind::bullet_list, {item("the guests at La Colinière"), item("the servants below stairs"),
                                           item("the poacher Marceau, who belongs to neither")}));
    Block ordered = container(BlockKind::ordered_list,
                              {item("Arrival at the airfield"), item("The hunt"), item("The fête and its shot")});
    ordered.start = 1;
    ordered.tight = true;
    blocks.push_back(ordered);
    blocks.push_back(heading(2, "What the characters quote"));
    blocks.push_back(container(BlockKind::block_quote,
                               {paragraph({text("The awful thing about life is this: everyone has their reasons. "
                                                "It is a quotation set as an extract, smaller and indented.")})}));
    Block code_block;
    code_block.kind = BlockKind::code_block;
    code_block.info = "python";
    code_block.text = "def shot(length):\n    return length * 24  # frames per second\n";
    blocks.push_back(code_block);
    blocks.push_back(container(BlockKind::thematic_break, {}));
    Block lead = paragraph({wrap(InlineKind::strong, {text("The ending.")}),
                            text(" A run-in lead opens this paragraph, which closes the essay in a dying fall.")});
    lead.run_in_lead = true;
    blocks.push_back(lead);
    blocks.push_back(heading(3, "A table of takes"));
    blocks.push_back(container(BlockKind::table,
                               {container(BlockKind::table_row, {cell("Sequence"), cell("Shots", model::Align::right)}),
                                container(BlockKind::table_row, {cell("Airfield"), cell("14", model::Align::right)}),
                                container(BlockKind::table_row, {cell("Hunt"), cell("76", model::Align::right)})}));
    blocks.push_back(paragraph(long_sentences(8, 2)));
    chapter.footnotes.push_back(
        {"f1-realism-fn1",
         "1",
         {paragraph({text("Jean Renoir, "), wrap(InlineKind::emphasis, {text("My Life and My Films")}),
                     text(" (1974), 171.")})}});
    return chapter;
}

/// Gives every block an id, as assemble::assemble does ("f1-realism-b3").
void number_blocks(std::vector<Block>& blocks, const std::string& prefix, int& counter) {
    for (auto& block : blocks) {
        block.id = prefix + "-b" + std::to_string(++counter);
        number_blocks(block.children, prefix, counter);
    }
}

model::Chapter chapter_of(std::string id, std::string title, std::string subtitle, int paragraphs) {
    model::Chapter chapter;
    chapter.id = std::move(id);
    chapter.title = std::move(title);
    chapter.subtitle = {text(std::move(subtitle))};
    for (int i = 0; i < paragraphs; ++i) chapter.blocks.push_back(paragraph(long_sentences(3 + i % 3, i)));
    return chapter;
}

}  // namespace

model::Book sample_book() {
    model::Book book;
    book.metadata.id = "closeness";
    book.metadata.title = "Closeness";
    book.metadata.subtitle = "Essays on Film and Distance";
    book.metadata.creators = {"Ana Ćirić", "Jules Éluard"};
    book.metadata.identifier = "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    book.metadata.publisher = "Cinefolio Press";
    book.metadata.rights = "© 2024 the contributors";

    model::Part renoir;
    renoir.id = "f1";
    renoir.title = "La Règle du jeu";
    renoir.year = 1939;
    renoir.director = "Jean Renoir";
    renoir.chapters.push_back(realism());
    renoir.chapters.push_back(chapter_of("f1-formalism", "Formalism", "Frames within frames", 12));
    book.parts.push_back(renoir);

    model::Part ozu;
    ozu.id = "f2";
    ozu.title = "Late Spring";
    ozu.chapters.push_back(chapter_of("f2-feminism", "Feminism", "A daughter’s consent", 5));
    book.parts.push_back(ozu);
    for (auto& part : book.parts) {
        for (auto& chapter : part.chapters) {
            int counter = 0;
            number_blocks(chapter.blocks, chapter.id, counter);
        }
    }
    return book;
}

PrintInputs sample_options() {
    const std::string fonts = std::string(CINEFOLIO_SOURCE_DIR) + "/fonts/linux-libertine/";
    PrintInputs options;
    options.fonts.regular = slurp(fonts + "LinLibertine_R.otf");
    options.fonts.italic = slurp(fonts + "LinLibertine_RI.otf");
    options.fonts.bold = slurp(fonts + "LinLibertine_RB.otf");
    options.fonts.bold_italic = slurp(fonts + "LinLibertine_RBI.otf");
    options.fonts.mono = slurp(fonts + "LinLibertine_M.otf");
    options.fonts.fallbacks = {slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/fonts/dejavu/DejaVuSans.ttf")};
    options.hyphenation_patterns = slurp("/usr/share/hyphen/hyph_en_US.dic");
    return options;
}

namespace {

std::optional<typeset::FontSet> load_faces(const FaceBytes& fonts, base::Diagnostics& diagnostics) {
    return typeset::FontSet::load({fonts.regular,
                                   fonts.italic,
                                   fonts.bold,
                                   fonts.bold_italic,
                                   fonts.mono,
                                   {fonts.fallbacks.begin(), fonts.fallbacks.end()}},
                                  diagnostics);
}

}  // namespace

std::optional<typeset::FontSet> sample_fonts(base::Diagnostics& diagnostics) {
    return load_faces(sample_options().fonts, diagnostics);
}

std::optional<std::string> print_pdf(const model::Book& book, const PrintInputs& inputs,
                                     base::Diagnostics& diagnostics, bool streamed) {
    auto fonts = load_faces(inputs.fonts, diagnostics);
    if (!fonts) return std::nullopt;
    const std::map<std::string, pdf::ImageFile> no_images;
    const pdf::PrintImages images(no_images);
    typeset::Settings settings;
    settings.hyphenation_patterns = inputs.hyphenation_patterns;
    std::string creators;
    for (const auto& name : book.metadata.creators) creators += (creators.empty() ? "" : ", ") + name;
    const pdf::Options options{book.metadata.title, creators, book.metadata.subtitle, inputs.build_time};
    if (!streamed) {
        auto document = typeset::typeset(book, settings, *fonts, diagnostics);
        if (!document) return std::nullopt;
        return pdf::paint(*document, *fonts, images, options, diagnostics);
    }
    pdf::StreamingPaint painting(settings.design.trim_width, settings.design.trim_height, *fonts, images, options);
    auto document = typeset::typeset(book, settings, *fonts, diagnostics,
                                     [&](typeset::Page&& page) { painting.page(std::move(page)); });
    if (!document) return std::nullopt;
    return painting.finish(*document, diagnostics);
}

}  // namespace cinefolio::test
