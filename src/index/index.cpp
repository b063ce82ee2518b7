// The index stage: terms (curated + extracted) -> anchors in the book ->
// collated entries with cross-lens locators.

#include "cinefolio/index/index.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "collate.hpp"
#include "terms.hpp"

namespace cinefolio::index {

namespace {

std::vector<std::string> lenses_of(const std::vector<model::IndexLocator>& locators, const model::Book& book) {
    std::vector<std::string> lenses;
    for (const auto& lens : book.lenses) {
        bool used = std::any_of(locators.begin(), locators.end(),
                                [&](const model::IndexLocator& locator) { return locator.lens == lens.name; });
        if (used) lenses.push_back(lens.name);
    }
    return lenses;
}

model::IndexEntry make_entry(const Term& term, const TermHits& hits, const model::Book& book) {
    model::IndexEntry entry;
    entry.heading = term.heading;
    entry.italic = term.italic();
    entry.kind = term.kind;
    entry.gloss = term.gloss;
    entry.gloss_italics = term.gloss_italics;
    entry.locators = hits.locators;
    entry.see = term.see;
    entry.see_also = term.see_also;
    std::vector<model::IndexLocator> all = hits.locators;
    for (std::size_t i = 0; i < term.subterms.size(); ++i) {
        auto sub = make_entry(term.subterms[i], hits.subterms[i], book);
        if (sub.locators.empty() && sub.see.empty()) continue;
        all.insert(all.end(), sub.locators.begin(), sub.locators.end());
        entry.subentries.push_back(std::move(sub));
    }
    // The lenses an entry spans include those of its subentries.
    entry.lenses = lenses_of(all, book);
    return entry;
}

void sort_entries(std::vector<model::IndexEntry>& entries, const Collation& collation, const std::string& language) {
    std::vector<std::string> keys;
    for (const auto& entry : entries) keys.push_back(sort_form(entry.heading, entry.italic, language));
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return collation.less(keys[a], keys[b]); });
    std::vector<model::IndexEntry> sorted;
    for (auto i : order) sorted.push_back(std::move(entries[i]));
    entries = std::move(sorted);
    for (auto& entry : entries) sort_entries(entry.subentries, collation, language);
}

void check_references(const std::vector<model::IndexEntry>& entries, const std::vector<Term>& terms,
                      base::Diagnostics& diagnostics) {
    std::set<std::string> headings;
    for (const auto& entry : entries) headings.insert(entry.heading);
    for (const auto& term : terms) {
        for (const auto* list : {&term.see, &term.see_also}) {
            for (const auto& target : *list) {
                if (headings.count(target)) continue;
                diagnostics.warning(term.source, "index entry `" + term.heading + "` refers to `" + target +
                                                     "`, which is not in the index",
                                    "write the target's heading exactly as its entry has it");
            }
        }
    }
}

// Patterns ICU gave up on part-way (time or stack limit): their occurrences
// are incomplete, so the build fails instead of printing a short index.
bool report_failed_patterns(const std::vector<Term>& terms, base::Diagnostics& diagnostics) {
    bool failed = false;
    for (const auto& term : terms) {
        for (const auto& pattern : term.patterns) {
            if (pattern.failure->empty()) continue;
            failed = true;
            diagnostics.error(
                pattern.source,
                "index pattern `" + pattern.text + "` is too costly to match (ICU: " + *pattern.failure + ")",
                "avoid nested repetition such as `(a+)+`; match the few forms the essays use");
        }
        if (report_failed_patterns(term.subterms, diagnostics)) failed = true;
    }
    return failed;
}

const model::Block* find_block(const std::vector<model::Block>& blocks, const std::string& id) {
    for (const auto& block : blocks) {
        if (block.id == id) return &block;
        if (const model::Block* inner = find_block(block.children, id)) return inner;
    }
    return nullptr;
}

// Where a warning about an entry points: its place in the curated file,
// else the paragraph of its first occurrence.
base::Span entry_source(const model::Book& book, const Term& term, const model::IndexEntry& entry) {
    if (term.rule == "curated" || entry.locators.empty()) return term.source;
    const auto& first = entry.locators.front();
    for (const auto& part : book.parts) {
        for (const auto& chapter : part.chapters) {
            if (chapter.id != first.chapter_id) continue;
            if (const model::Block* block = find_block(chapter.blocks, first.block_id)) return block->source;
            for (const auto& note : chapter.footnotes)
                if (const model::Block* block = find_block(note.blocks, first.block_id)) return block->source;
            return chapter.source;
        }
    }
    return term.source;
}

void check_locator_counts(const model::Book& book, const Term& term, const model::IndexEntry& entry, int limit,
                          base::Diagnostics& diagnostics) {
    if (limit <= 0) return;
    std::vector<std::string> crowded;  // "Realism (30)"
    for (const auto& lens : book.lenses) {
        const auto count = std::count_if(entry.locators.begin(), entry.locators.end(),
                                         [&](const model::IndexLocator& locator) { return locator.lens == lens.name; });
        if (count > limit) crowded.push_back(lens.label + " (" + std::to_string(count) + ")");
    }
    if (!crowded.empty()) {
        std::string lenses;
        for (std::size_t i = 0; i < crowded.size(); ++i)
            lenses += (i == 0 ? "" : i + 1 == crowded.size() ? " and " : ", ") + crowded[i];
        diagnostics.warning(entry_source(book, term, entry),
                            "index entry `" + entry.heading + "` has more than " + std::to_string(limit) +
                                " locators in one lens: " + lenses + "; a reader gets a list of pages, not a way in",
                            "divide it into subentries (`subentries:` in the index file) by what the passages "
                            "discuss (`cinefolio index-candidates` proposes some), or raise "
                            "`index: {locators_per_lens: …}` in the print design");
    }
    for (std::size_t i = 0; i < entry.subentries.size() && i < term.subterms.size(); ++i) {
        const auto& sub = entry.subentries[i];
        const auto found = std::find_if(term.subterms.begin(), term.subterms.end(),
                                        [&](const Term& subterm) { return subterm.heading == sub.heading; });
        if (found != term.subterms.end()) check_locator_counts(book, *found, sub, limit, diagnostics);
    }
}

}  // namespace

void build(model::Book& book, const manifest::IndexFile* curated, base::Diagnostics& diagnostics,
           int locators_per_lens, int threads) {
    manifest::ExtractionRules rules;
    std::vector<Term> terms;
    std::vector<std::string> exclude;
    if (curated) {
        rules = curated->rules;
        auto errors_before = diagnostics.error_count();
        terms = curated_terms(*curated, diagnostics);
        // An index missing a pattern's occurrences would be wrong, not short.
        if (diagnostics.error_count() > errors_before) return;
        exclude = curated->exclude;
    }
    merge_terms(terms, extract_terms(book, rules, false), exclude, book);
    auto hits = place_anchors(book, terms, threads);
    if (report_failed_patterns(terms, diagnostics)) return;

    std::vector<model::IndexEntry> entries;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        auto entry = make_entry(terms[i], hits[i], book);
        bool found = !entry.locators.empty() || !entry.subentries.empty();
        if (!found && entry.see.empty()) {
            if (terms[i].rule == "curated") {
                diagnostics.warning(terms[i].source, "index entry `" + terms[i].heading + "` is found nowhere in the book",
                                    "check its `match` forms, or drop it");
            }
            continue;
        }
        check_locator_counts(book, terms[i], entry, locators_per_lens, diagnostics);
        entries.push_back(std::move(entry));
    }
    check_references(entries, terms, diagnostics);

    Collation collation(book.metadata.language);
    sort_entries(entries, collation, book.metadata.language);
    book.index.groups.clear();
    for (auto& entry : entries) {
        auto label = collation.group(sort_form(entry.heading, entry.italic, book.metadata.language));
        if (book.index.groups.empty() || book.index.groups.back().label != label) book.index.groups.push_back({label, {}});
        book.index.groups.back().entries.push_back(std::move(entry));
    }
}

manifest::IndexFile candidates(const model::Book& book, const manifest::IndexFile* curated, int locators_per_lens) {
    std::vector<Term> known;
    std::vector<std::string> exclude;
    if (curated) {
        // The build has reported any invalid pattern already.
        base::Diagnostics reported;
        known = curated_terms(*curated, reported);
        exclude = curated->exclude;
    }
    auto curated_count = known.size();
    manifest::ExtractionRules all;
    merge_terms(known, extract_terms(book, all, true), exclude, book);

    // Proposed subentries (at most this many) for an entry with more than
    // `locators_per_lens` locators in one lens, curated or not.
    constexpr std::size_t kProposals = 8;
    std::optional<SubentryProposer> proposer;
    auto crowded = [&](const std::map<std::string, int>& lenses) {
        return locators_per_lens > 0 && std::any_of(lenses.begin(), lenses.end(),
                                                    [&](const auto& lens) { return lens.second > locators_per_lens; });
    };
    auto propose = [&](const Term& term) {
        if (!proposer) proposer.emplace(book, book.metadata.language);
        return proposer->propose(term, kProposals);
    };

    std::vector<manifest::IndexFileEntry> entries;
    std::vector<std::string> headings;
    std::vector<bool> titles;
    for (std::size_t i = 0; i < known.size(); ++i) {
        const auto& term = known[i];
        manifest::IndexFileEntry entry;
        entry.heading = term.heading;
        entry.kind = term.kind;
        count_occurrences(book, term, entry.lenses, entry.films);
        if (i < curated_count) {
            // A curated entry comes back only to propose its subentries:
            // the editor adds them to it in the index file.
            if (!crowded(entry.lenses)) continue;
            entry.subentries = propose(term);
            if (entry.subentries.empty()) continue;
            entry.rule = "subentries";
        } else {
            if (entry.lenses.empty()) continue;
            entry.match = term.forms;
            entry.gloss = term.gloss;
            entry.rule = term.rule;
            if (crowded(entry.lenses)) entry.subentries = propose(term);
        }
        headings.push_back(entry.heading);
        titles.push_back(term.italic());
        entries.push_back(std::move(entry));
    }
    manifest::IndexFile file;
    for (auto i : collation_order(headings, titles, book.metadata.language))
        file.entries.push_back(std::move(entries[i]));
    return file;
}

}  // namespace cinefolio::index
