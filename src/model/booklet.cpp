#include "cinefolio/model/booklet.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "cinefolio/base/text.hpp"
#include "cinefolio/model/words.hpp"

namespace cinefolio::model {

namespace {

// Keeps the locators that point into the booklet's chapters; an entry (or
// subentry) left without locators goes, unless it only refers elsewhere.
// The entry as the booklet indexes it: its locators in the film's
// chapters, its subentries that keep any, the lenses those span. Built
// rather than copied and cut, so a booklet holds (and copies) only its own
// film's locators: cut copies kept the whole book's capacity, 4 MB a
// booklet at 500 films.
std::optional<IndexEntry> kept_entry(const IndexEntry& entry, const std::set<std::string>& chapters,
                                     const std::vector<Lens>& lenses) {
    IndexEntry kept;
    for (const auto& locator : entry.locators)
        if (chapters.count(locator.chapter_id)) kept.locators.push_back(locator);
    for (const auto& sub : entry.subentries)
        if (auto kept_sub = kept_entry(sub, chapters, lenses)) kept.subentries.push_back(std::move(*kept_sub));
    if (kept.locators.empty() && kept.subentries.empty() && entry.see.empty()) return std::nullopt;
    kept.heading = entry.heading;
    kept.italic = entry.italic;
    kept.kind = entry.kind;
    kept.gloss = entry.gloss;
    kept.gloss_italics = entry.gloss_italics;
    kept.see = entry.see;
    kept.see_also = entry.see_also;
    for (const auto& lens : lenses) {
        auto in = [&](const std::vector<IndexLocator>& locators) {
            return std::any_of(locators.begin(), locators.end(), [&](const IndexLocator& l) { return l.lens == lens.name; });
        };
        bool found = in(kept.locators) || std::any_of(kept.subentries.begin(), kept.subentries.end(),
                                                      [&](const IndexEntry& sub) { return in(sub.locators); });
        if (found) kept.lenses.push_back(lens.name);
    }
    return kept;
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
        for (const auto& entry : group.entries)
            if (auto kept_one = kept_entry(entry, chapters, result.lenses)) kept.entries.push_back(std::move(*kept_one));
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
