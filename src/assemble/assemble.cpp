// Assembles the Book: films become parts, essays chapters in lens order,
// and every block gets an id derived from its place in the book.

#include "cinefolio/assemble/assemble.hpp"

#include <algorithm>
#include <map>

#include "cinefolio/base/text.hpp"
#include "cinefolio/corpus/markdown.hpp"
#include "cinefolio/model/characters.hpp"
#include "cinefolio/model/links.hpp"

namespace cinefolio::assemble {

using model::Block;
using model::BlockKind;
using model::Book;
using model::Chapter;
using model::Inline;
using model::InlineKind;
using model::Lens;
using model::Metadata;
using model::Part;

namespace {

std::vector<Lens> resolve_lenses(const manifest::Manifest& manifest, const std::vector<corpus::Essay>& essays,
                                 base::Diagnostics& diagnostics) {
    std::vector<Lens> lenses;
    if (!manifest.lenses.empty()) {
        std::vector<std::string> declared;
        for (const auto& lens : manifest.lenses) {
            lenses.push_back({lens.name, lens.label, {}});
            declared.push_back(lens.name);
        }
        auto used = [&](const std::string& name) {
            return std::any_of(essays.begin(), essays.end(),
                               [&](const corpus::Essay& e) { return e.category == name; });
        };
        for (const auto& essay : essays) {
            if (std::find(declared.begin(), declared.end(), essay.category) != declared.end()) continue;
            auto near = base::nearest(essay.category, declared);
            if (near && !used(*near)) {
                // No essay uses the declared spelling, so the slip may as
                // well be the manifest's: say so at its line, and show the
                // essay, rather than urge the essay to take the manifest's.
                const auto& lens = *std::find_if(manifest.lenses.begin(), manifest.lenses.end(),
                                                 [&](const manifest::Lens& l) { return l.name == *near; });
                diagnostics.error(lens.source,
                                  "lens `" + *near + "` in `lenses` is used by no essay, but " + essay.path +
                                      " uses `" + essay.category + "`",
                                  "did you mean `" + essay.category +
                                      "`? correct the spelling under `lenses:` (or the "
                                      "essay's `categoryName`, if `" +
                                      *near + "` is right)");
                diagnostics.note(essay.category_span, "`" + essay.category + "` is used here");
                continue;
            }
            diagnostics.error(
                essay.category_span, "lens `" + essay.category + "` is not declared in `lenses`",
                near ? "did you mean `" + *near + "`?" : "declare it under `lenses:` in " + manifest.path);
        }
        return lenses;
    }
    // Without a declaration, lenses read in order of first appearance.
    for (const auto& essay : essays) {
        bool seen = std::any_of(lenses.begin(), lenses.end(), [&](const Lens& l) { return l.name == essay.category; });
        if (!seen) lenses.push_back({essay.category, base::title_case(essay.category), {}});
    }
    return lenses;
}

std::vector<Part> resolve_films(const manifest::Manifest& manifest, const std::vector<corpus::Essay>& essays,
                                base::Diagnostics& diagnostics) {
    std::vector<Part> parts;
    auto make_part = [](std::int64_t id) {
        Part part;
        part.film_id = id;
        part.id = "f" + std::to_string(id);
        return part;
    };
    if (manifest.films.empty()) {
        for (const auto& essay : essays) {
            bool seen = std::any_of(parts.begin(), parts.end(), [&](const Part& p) { return p.film_id == essay.movie_id; });
            if (!seen) parts.push_back(make_part(essay.movie_id));
        }
    }
    // A selection leaves essays out: say which, so none goes unseen.
    std::string left_out;
    std::size_t left_count = 0;
    for (const auto& essay : essays) {
        bool listed = std::any_of(manifest.films.begin(), manifest.films.end(),
                                  [&](const manifest::Film& film) { return film.id == essay.movie_id; });
        if (listed || manifest.films.empty()) continue;
        // Ten name the pattern; a long list would bury the rest of the output.
        if (left_count++ < 10)
            left_out +=
                std::string(left_count > 1 ? ", " : "") + essay.path + " (film " + std::to_string(essay.movie_id) + ")";
    }
    if (left_count > 10) left_out += " and " + std::to_string(left_count - 10) + " more";
    if (left_count > 0) {
        diagnostics.note(
            manifest.films.front().source,
            std::to_string(left_count) + " essay(s) left out, their films not listed under `films:`: " + left_out,
            "add a film's id under `films:` to include its essays");
    }
    for (const auto& film : manifest.films) {
        auto part = make_part(film.id);
        part.title = corpus::space_punctuation_in(film.title, manifest.language);
        part.year = film.year;
        part.director = film.director;
        bool has_essay = std::any_of(essays.begin(), essays.end(), [&](const corpus::Essay& e) { return e.movie_id == film.id; });
        if (!has_essay) {
            diagnostics.warning(film.source, "no essay found for film " + std::to_string(film.id),
                                "check the movieId in the essays' front matter");
            continue;
        }
        parts.push_back(std::move(part));
    }
    return parts;
}

// Ids come from the chapter's id plus a per-kind counter inside the chapter:
// adding an essay elsewhere in the book never changes them.
class IdMaker {
public:
    explicit IdMaker(std::string prefix) : prefix_(std::move(prefix)) {}
    void assign(std::vector<Block>& blocks) {
        for (auto& block : blocks) {
            block.id = prefix_ + "-" + letter(block.kind) + std::to_string(++counts_[letter(block.kind)]);
            assign(block.children);
        }
    }

private:
    static std::string letter(BlockKind kind) {
        switch (kind) {
            case BlockKind::paragraph: return "p";
            case BlockKind::heading: return "h";
            case BlockKind::bullet_list:
            case BlockKind::ordered_list: return "l";
            case BlockKind::list_item: return "i";
            case BlockKind::block_quote: return "q";
            case BlockKind::code_block: return "c";
            case BlockKind::thematic_break: return "r";
            case BlockKind::table: return "t";
            case BlockKind::table_row: return "tr";
            case BlockKind::table_cell: return "td";
        }
        return "b";
    }
    std::string prefix_;
    std::map<std::string, int> counts_;
};

// Footnote references arrive carrying the Markdown label; from here on
// they carry the footnote's id, which is what both backends link to.
void point_references(std::vector<Inline>& inlines, const std::string& chapter_id) {
    for (auto& item : inlines) {
        if (item.kind == InlineKind::footnote_ref) item.url = chapter_id + "-fn" + item.text;
        point_references(item.children, chapter_id);
    }
}

void point_references(std::vector<Block>& blocks, const std::string& chapter_id) {
    for (auto& block : blocks) {
        point_references(block.inlines, chapter_id);
        point_references(block.children, chapter_id);
    }
}

Chapter make_chapter(const Part& part, const Lens& lens, corpus::Essay&& essay) {
    Chapter chapter;
    chapter.id = part.id + "-" + base::slug(lens.name);
    chapter.lens = lens.name;
    chapter.title = lens.label;
    chapter.subtitle = std::move(essay.title);
    chapter.dek = std::move(essay.dek);
    chapter.author = std::move(essay.author);
    chapter.language = std::move(essay.language);
    chapter.source_path = essay.path;
    chapter.source = {essay.file, 0, 0};
    chapter.blocks = std::move(essay.body.blocks);
    IdMaker(chapter.id).assign(chapter.blocks);
    point_references(chapter.blocks, chapter.id);
    for (auto& note : essay.body.footnotes) {
        note.id = chapter.id + "-fn" + note.number;
        IdMaker(note.id).assign(note.blocks);
        point_references(note.blocks, chapter.id);
        chapter.footnotes.push_back(std::move(note));
    }
    return chapter;
}

// Index locators carry a siglum per lens ("R 12; S 48"): the label's first
// letter, lengthened only as far as needed to tell the lenses apart.
void assign_sigla(std::vector<Lens>& lenses) {
    constexpr std::size_t kLongest = 8;
    for (std::size_t length = 1; length <= kLongest; ++length) {
        for (auto& lens : lenses) {
            lens.siglum.clear();
            std::size_t taken = 0;
            for (std::size_t at = 0; at < lens.label.size() && taken < length;) {
                char32_t letter = base::decode_utf8(lens.label, at);
                if (letter == U' ') continue;
                base::append_utf8(lens.siglum, letter);
                ++taken;
            }
        }
        bool unique = true;
        for (std::size_t i = 0; i < lenses.size(); ++i)
            for (std::size_t j = i + 1; j < lenses.size(); ++j) unique = unique && lenses[i].siglum != lenses[j].siglum;
        if (unique) return;
    }
}

Metadata make_metadata(const manifest::Manifest& manifest) {
    Metadata meta;
    meta.id = manifest.id;
    // The manifest's titles take the language's spacing as the essays' text does.
    meta.title = corpus::space_punctuation_in(manifest.title, manifest.language);
    meta.subtitle = corpus::space_punctuation_in(manifest.subtitle, manifest.language);
    meta.creators = manifest.creators;
    meta.language = manifest.language;
    meta.publisher = manifest.publisher;
    meta.rights = manifest.rights;
    meta.date = manifest.date;
    meta.description = corpus::space_punctuation_in(manifest.description, manifest.language);
    meta.identifier = manifest.identifier;
    meta.isbn = manifest.isbn;
    meta.print_isbn = manifest.print_isbn;
    meta.edition = manifest.edition;
    meta.printing = manifest.printing;
    return meta;
}

}  // namespace

std::optional<Book> assemble(const manifest::Manifest& manifest, std::vector<corpus::Essay> essays,
                             base::Diagnostics& diagnostics, const model::HostToAscii& host_to_ascii) {
    Book book;
    book.metadata = make_metadata(manifest);
    auto errors_before = diagnostics.error_count();
    auto lenses = resolve_lenses(manifest, essays, diagnostics);
    auto parts = resolve_films(manifest, essays, diagnostics);

    // Two essays for the same film and lens would be two chapters with one
    // title and one id: name both files so the editor can pick.
    std::map<std::pair<std::int64_t, std::string>, const corpus::Essay*> seen;
    for (const auto& essay : essays) {
        auto [place, inserted] = seen.emplace(std::make_pair(essay.movie_id, essay.category), &essay);
        if (!inserted) {
            diagnostics.error(essay.category_span,
                              "a second essay for film " + std::to_string(essay.movie_id) + " and lens `" +
                                  essay.category + "`; the first is " + place->second->path,
                              "keep one of the two, or change the lens of one");
        }
    }
    if (diagnostics.error_count() > errors_before) return std::nullopt;

    for (auto& part : parts) {
        for (const auto& lens : lenses) {
            for (auto& essay : essays) {
                if (essay.movie_id != part.film_id || essay.category != lens.name) continue;
                if (part.title.empty()) part.title = essay.movie_title;
                part.chapters.push_back(make_chapter(part, lens, std::move(essay)));
            }
        }
    }
    // Only lenses some chapter uses are listed (a booklet may use fewer).
    for (const auto& lens : lenses) {
        bool used = std::any_of(parts.begin(), parts.end(), [&](const Part& part) {
            return std::any_of(part.chapters.begin(), part.chapters.end(),
                               [&](const Chapter& chapter) { return chapter.lens == lens.name; });
        });
        if (used) book.lenses.push_back(lens);
    }
    assign_sigla(book.lenses);
    book.parts = std::move(parts);
    if (book.parts.empty()) {
        diagnostics.error({manifest.file, 0, 0}, "the book has no essays",
                          "list essay files or folders under `essays:` or `imports:`");
        return std::nullopt;
    }
    // Links between essays need every chapter's id, so they resolve last.
    model::resolve_links(book, host_to_ascii, diagnostics);
    model::replace_unsafe_characters(book, diagnostics);
    return book;
}

}  // namespace cinefolio::assemble
