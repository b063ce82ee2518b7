// The model as indented text for golden tests: one line per block with its
// id and source line:column, so a change in structure reads as a diff.

#include <string>

#include "cinefolio/base/text.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::model {

namespace {

// Long paragraphs are cut so the dump stays readable; the id and position
// already pin the block down.
constexpr std::size_t kPreviewBytes = 64;

const char* kind_name(BlockKind kind) {
    switch (kind) {
        case BlockKind::paragraph: return "paragraph";
        case BlockKind::heading: return "heading";
        case BlockKind::bullet_list: return "bullet_list";
        case BlockKind::ordered_list: return "ordered_list";
        case BlockKind::list_item: return "item";
        case BlockKind::block_quote: return "quote";
        case BlockKind::code_block: return "code";
        case BlockKind::thematic_break: return "rule";
        case BlockKind::table: return "table";
        case BlockKind::table_row: return "row";
        case BlockKind::table_cell: return "cell";
    }
    return "block";
}

// Cuts at a code point boundary so the dump stays valid UTF-8.
std::string preview(const std::string& text) {
    auto collapsed = base::collapse_whitespace(text);
    if (collapsed.size() <= kPreviewBytes) return "\"" + collapsed + "\"";
    std::size_t cut = kPreviewBytes;
    while (cut > 0 && (static_cast<unsigned char>(collapsed[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + collapsed.substr(0, cut) + "…\"";
}

std::string position(const base::Span& span, const base::SourceMap& sources) {
    if (span.file < 0 || static_cast<std::size_t>(span.file) >= sources.size()) return "";
    auto where = sources.position(span.file, span.begin);
    return " @" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

// Marks inline styling that matters to the structure (a run-in lead).
std::string flags(const Block& block) {
    std::string out;
    if (block.kind == BlockKind::heading) out += "[" + std::to_string(block.level) + "]";
    if (block.kind == BlockKind::ordered_list && block.start != 1) out += " start=" + std::to_string(block.start);
    if ((block.kind == BlockKind::bullet_list || block.kind == BlockKind::ordered_list) && block.tight) out += " tight";
    if (block.run_in_lead) out += " run-in";
    if (block.kind == BlockKind::code_block && !block.info.empty()) out += " info=" + block.info;
    return out;
}

void dump_block(const Block& block, int depth, const base::SourceMap& sources, std::string& out) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += kind_name(block.kind);
    out += flags(block);
    if (!block.id.empty()) out += " " + block.id;
    out += position(block.source, sources);
    if (!block.inlines.empty()) out += " " + preview(plain_text(block.inlines));
    if (block.kind == BlockKind::code_block) out += " " + preview(block.text);
    out += "\n";
    for (const auto& child : block.children) dump_block(child, depth + 1, sources, out);
}

void dump_chapter(const Chapter& chapter, const base::SourceMap& sources, std::string& out) {
    out += "    chapter " + chapter.id + " \"" + chapter.title + "\" lens=" + chapter.lens + " source=" +
           chapter.source_path + "\n";
    if (!chapter.subtitle.empty()) out += "      subtitle " + preview(plain_text(chapter.subtitle)) + "\n";
    if (!chapter.dek.empty()) out += "      dek " + preview(plain_text(chapter.dek)) + "\n";
    if (!chapter.author.empty()) out += "      author \"" + chapter.author + "\"\n";
    if (!chapter.language.empty()) out += "      language " + chapter.language + "\n";
    for (const auto& block : chapter.blocks) dump_block(block, 3, sources, out);
    for (const auto& note : chapter.footnotes) {
        out += "      footnote " + note.number + " " + note.id + "\n";
        for (const auto& block : note.blocks) dump_block(block, 4, sources, out);
    }
}

void dump_entry(const IndexEntry& entry, int depth, std::string& out) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += "entry \"" + entry.heading + "\"";
    if (!entry.kind.empty()) out += " " + entry.kind;
    if (!entry.gloss.empty()) {
        // Italic runs between asterisks, as the curated file writes them.
        out += " (";
        for (const auto& piece : gloss_pieces(entry.gloss, entry.gloss_italics))
            out += piece.italic ? "*" + std::string(piece.text) + "*" : std::string(piece.text);
        out += ")";
    }
    if (!entry.lenses.empty()) {
        out += " lenses=";
        for (std::size_t i = 0; i < entry.lenses.size(); ++i) out += (i ? "," : "") + entry.lenses[i];
    }
    for (const auto& locator : entry.locators) out += " " + locator.anchor_id;
    for (const auto& target : entry.see) out += " see=\"" + target + "\"";
    for (const auto& target : entry.see_also) out += " see-also=\"" + target + "\"";
    out += "\n";
    for (const auto& sub : entry.subentries) dump_entry(sub, depth + 1, out);
}

}  // namespace

std::string dump(const Book& book, const base::SourceMap& sources) {
    const auto& meta = book.metadata;
    std::string out = "book " + meta.id + " \"" + meta.title + "\"";
    if (!meta.subtitle.empty()) out += " subtitle=\"" + meta.subtitle + "\"";
    out += " lang=" + meta.language + " identifier=" + meta.identifier;
    if (!meta.isbn.empty()) out += " isbn=" + meta.isbn;
    out += "\n";
    for (const auto& creator : meta.creators) out += "  creator \"" + creator + "\"\n";
    for (const auto& lens : book.lenses)
        out += "  lens " + lens.name + " \"" + lens.label + "\" siglum=" + lens.siglum + "\n";
    for (const auto& part : book.parts) {
        out += "  part " + part.id + " \"" + part.title + "\"";
        if (part.year) out += " year=" + std::to_string(*part.year);
        if (!part.director.empty()) out += " director=\"" + part.director + "\"";
        out += "\n";
        for (const auto& chapter : part.chapters) dump_chapter(chapter, sources, out);
    }
    if (!book.index.empty()) out += "  index\n";
    for (const auto& group : book.index.groups) {
        out += "    group \"" + group.label + "\"\n";
        for (const auto& entry : group.entries) dump_entry(entry, 3, out);
    }
    return out;
}

}  // namespace cinefolio::model
