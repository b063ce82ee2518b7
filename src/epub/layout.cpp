#include "layout.hpp"

#include <set>

namespace cinefolio::epub {

namespace {

// File names keep to lower-case ASCII letters, digits, '-' and '_' so every
// reading system and ZIP tool handles them (OCF only forbids a few
// characters, but Kindle conversion is fussier).
std::string safe_stem(const std::string& id, const std::string& fallback) {
    std::string stem;
    for (char c : id) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') stem += c;
        else if (c >= 'A' && c <= 'Z') stem += static_cast<char>(c - 'A' + 'a');
        else if (!stem.empty() && stem.back() != '-') stem += '-';
    }
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    return stem.empty() ? fallback : stem;
}

class Namer {
public:
    // A stem not used before: "x", then "x-2", "x-3"...
    std::string unique(const std::string& stem) {
        std::string name = stem;
        for (int suffix = 2; !used_.insert(name).second; ++suffix) name = stem + "-" + std::to_string(suffix);
        return name;
    }

private:
    std::set<std::string> used_;
};

PageEntry page(PageKind kind, const std::string& stem, const std::string& id_prefix) {
    PageEntry entry;
    entry.kind = kind;
    entry.file_name = stem + ".xhtml";
    // Prefixing keeps manifest ids XML names even when the stem starts with a digit.
    entry.manifest_id = id_prefix + stem;
    return entry;
}

}  // namespace

Layout plan_layout(const model::Book& book, bool with_cover) {
    Layout layout;
    Namer namer;
    // Reserved first so no film or essay id can take a front-matter name.
    std::string cover_stem = namer.unique("cover");
    if (with_cover) layout.pages.push_back(page(PageKind::cover, cover_stem, "page-"));
    for (auto [kind, stem] : {std::pair{PageKind::half_title, "half-title"}, std::pair{PageKind::title_page, "title-page"},
                              std::pair{PageKind::copyright, "copyright"}, std::pair{PageKind::contents, "contents"}})
        layout.pages.push_back(page(kind, namer.unique(stem), "page-"));
    layout.body_start = layout.pages.size();
    std::size_t part_number = 0;
    for (const model::Part& part : book.parts) {
        ++part_number;
        std::string part_stem = safe_stem(part.id, "film-" + std::to_string(part_number));
        PageEntry part_page = page(PageKind::part, namer.unique("part-" + part_stem), "");
        part_page.part = &part;
        layout.pages.push_back(part_page);
        std::size_t chapter_number = 0;
        for (const model::Chapter& chapter : part.chapters) {
            ++chapter_number;
            std::string fallback = part_stem + "-" + std::to_string(chapter_number);
            PageEntry chapter_page = page(PageKind::chapter, namer.unique(safe_stem(chapter.id, fallback)), "chapter-");
            chapter_page.part = &part;
            chapter_page.chapter = &chapter;
            layout.pages.push_back(chapter_page);
        }
    }
    // The cross-lens index closes the book, as in print.
    if (!book.index.empty()) layout.pages.push_back(page(PageKind::index, namer.unique("index"), "page-"));
    for (const PageEntry& entry : layout.pages) {
        if (entry.chapter != nullptr) layout.anchor_files.emplace(entry.chapter->id, entry.file_name);
        else if (entry.part != nullptr) layout.anchor_files.emplace(entry.part->id, entry.file_name);
    }
    return layout;
}

}  // namespace cinefolio::epub
