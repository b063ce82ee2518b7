#include "cinefolio/model/booklet.hpp"

#include <algorithm>
#include <set>

#include "cinefolio/base/text.hpp"
#include "cinefolio/model/words.hpp"

namespace cinefolio::model {

namespace {

// Keeps the locators that point into the booklet's chapters; an entry (or
// subentry) left without locators goes, unless it only refers elsewhere.
bool keep_entry(IndexEntry& entry, const std::set<std::string>& chapters, const std::vector<Lens>& lenses) {
    std::erase_if(entry.locators, [&](const IndexLocator& locator) { return !chapters.count(locator.chapter_id); });
    std::erase_if(entry.subentries, [&](IndexEntry& sub) { return !keep_entry(sub, chapters, lenses); });
    std::vector<std::string> used;
    for (const auto& lens : lenses) {
        auto in = [&](const std::vector<IndexLocator>& locators) {
            return std::any_of(locators.begin(), locators.end(), [&](const IndexLocator& l) { return l.lens == lens.name; });
        };
        bool found = in(entry.locators) || std::any_of(entry.subentries.begin(), entry.subentries.end(),
                                                      [&](const IndexEntry& sub) { return in(sub.locators); });
        if (found) used.push_back(lens.name);
    }
    entry.lenses = used;
    return !entry.locators.empty() || !entry.subentries.empty() || !entry.see.empty();
}

// "directed by Kantemir Balagov, 2017": what the title page and the cover
// say of the film under its title.
std::string film_line(const Part& film, const Words& words) {
    std::string line = film.director.empty() ? std::string() : fill(words.directed_by, film.director);
    if (film.year) line += (line.empty() ? "" : ", ") + std::to_string(*film.year);
    return line;
}

// "Metacritic, Realism and Press".
std::string lens_list(const std::vector<Lens>& lenses, const Words& words) {
    std::vector<std::string> labels;
    for (const auto& lens : lenses) labels.push_back(lens.label);
    return join_names(labels, words);
}

}  // namespace

Book booklet(const Book& book, std::size_t part) {
    Book result;
    const auto& film = book.parts.at(part);
    result.parts.push_back(film);
    result.metadata = book.metadata;
    result.metadata.id = book.metadata.id + "-" + film.id;
    result.metadata.title = film.title;
    const Words& words = words_for(book.metadata.language);
    result.metadata.subtitle = film_line(film, words);
    // The anthology it comes from, named on the title page.
    result.metadata.collection = book.metadata.title;
    result.metadata.identifier = "urn:uuid:" + base::name_uuid(book.metadata.identifier + "\n" + film.id);
    // A booklet is a publication of its own: the anthology's ISBN is not its.
    result.metadata.isbn.clear();
    result.metadata.print_isbn.clear();
    for (const auto& lens : book.lenses) {
        bool used = std::any_of(film.chapters.begin(), film.chapters.end(),
                                [&](const Chapter& chapter) { return chapter.lens == lens.name; });
        if (used) result.lenses.push_back(lens);
    }
    result.metadata.description =
        fill(words.essays_on, film.title) + " " + fill(words.from_collection, book.metadata.title) +
        (result.lenses.empty() ? "" : ", " + fill(words.read_through, lens_list(result.lenses, words))) + ".";
    std::set<std::string> chapters;
    for (const auto& chapter : film.chapters) chapters.insert(chapter.id);
    std::set<std::string> headings;
    for (const auto& group : book.index.groups) {
        IndexGroup kept{group.label, {}};
        for (auto entry : group.entries) {
            if (keep_entry(entry, chapters, result.lenses)) kept.entries.push_back(std::move(entry));
        }
        for (const auto& entry : kept.entries) headings.insert(entry.heading);
        if (!kept.entries.empty()) result.index.groups.push_back(std::move(kept));
    }
    // A cross-reference to an entry the booklet lost would lead nowhere.
    for (auto& group : result.index.groups) {
        for (auto& entry : group.entries) {
            std::erase_if(entry.see_also, [&](const std::string& target) { return !headings.count(target); });
            std::erase_if(entry.see, [&](const std::string& target) { return !headings.count(target); });
        }
        std::erase_if(group.entries, [](const IndexEntry& entry) {
            return entry.locators.empty() && entry.subentries.empty() && entry.see.empty();
        });
    }
    std::erase_if(result.index.groups, [](const IndexGroup& group) { return group.entries.empty(); });
    return result;
}

}  // namespace cinefolio::model
