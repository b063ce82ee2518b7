#include "terms.hpp"

#include <algorithm>

#include "cinefolio/base/text.hpp"
#include "cinefolio/index/index.hpp"

namespace cinefolio::index {

namespace {

// "Bourgeois, Louise" -> "Louise Bourgeois"; headings without a comma stay.
std::string natural_order(const std::string& heading) {
    auto comma = heading.find(", ");
    if (comma == std::string::npos) return heading;
    return heading.substr(comma + 2) + " " + heading.substr(0, comma);
}

std::string surname_of(const std::string& heading) {
    auto comma = heading.find(", ");
    return comma == std::string::npos ? std::string() : heading.substr(0, comma);
}

// A gloss as the curated file writes it, `*…*` marking italics (a
// periodical, a film): plain text and its italic ranges.
void read_gloss(const std::string& written, std::string& gloss, std::vector<std::pair<std::size_t, std::size_t>>& italics) {
    gloss.clear();
    italics.clear();
    // Pairs of asterisks only: a lone one is kept as written.
    const auto pairs = static_cast<std::size_t>(std::count(written.begin(), written.end(), '*')) / 2;
    std::size_t seen = 0;
    std::size_t open = std::string::npos;
    for (char c : written) {
        if (c == '*' && seen < 2 * pairs) {
            ++seen;
            if (open == std::string::npos) {
                open = gloss.size();
            } else {
                if (gloss.size() > open) italics.emplace_back(open, gloss.size());
                open = std::string::npos;
            }
            continue;
        }
        gloss += c;
    }
}

Term from_entry(const manifest::IndexFileEntry& entry, base::Diagnostics& diagnostics) {
    Term term;
    term.heading = entry.heading;
    term.kind = entry.kind;
    read_gloss(entry.gloss, term.gloss, term.gloss_italics);
    term.see = entry.see;
    term.see_also = entry.see_also;
    term.exclude = entry.exclude;
    term.rule = "curated";
    term.source = entry.source;
    term.forms = entry.match;
    for (std::size_t i = 0; i < entry.patterns.size(); ++i) {
        auto source = i < entry.pattern_sources.size() ? entry.pattern_sources[i] : entry.source;
        if (auto pattern = compile_pattern(entry.patterns[i], source, diagnostics))
            term.patterns.push_back(std::move(*pattern));
    }
    // An entry that only refers elsewhere is found nowhere itself; patterns,
    // like `match`, replace the heading as what is looked for.
    if (term.forms.empty() && entry.patterns.empty() && entry.see.empty()) {
        term.forms.push_back(entry.kind == "person" ? natural_order(entry.heading) : entry.heading);
    }
    term.forms.insert(term.forms.end(), entry.aliases.begin(), entry.aliases.end());
    // A person's bare surname counts once the full name has appeared in
    // the same essay ("Sontag" after "Susan Sontag"), unless it is an alias.
    if (entry.kind == "person") {
        auto surname = surname_of(entry.heading);
        if (!surname.empty() && std::find(term.forms.begin(), term.forms.end(), surname) == term.forms.end()) {
            term.deferred.push_back(surname);
        }
    }
    for (const auto& sub : entry.subentries) {
        auto subterm = from_entry(sub, diagnostics);
        if (subterm.kind.empty()) subterm.kind = term.kind;
        term.subterms.push_back(std::move(subterm));
    }
    return term;
}

bool same(const std::string& a, const std::string& b) { return base::lower_ascii(a) == base::lower_ascii(b); }

bool covers(const Term& curated, const Term& extracted) {
    if (same(curated.heading, extracted.heading)) return true;
    for (const auto& other : extracted.forms) {
        for (const auto& form : curated.forms) {
            if (same(form, other)) return true;
        }
        // A pattern covers what it matches as a whole ("Academy ratio" by `(?i)academy ratio`).
        for (const auto& pattern : curated.patterns) {
            if (matches_entirely(pattern, other)) return true;
        }
    }
    return false;
}

}  // namespace

std::vector<Term> curated_terms(const manifest::IndexFile& file, base::Diagnostics& diagnostics) {
    std::vector<Term> terms;
    for (const auto& entry : file.entries) terms.push_back(from_entry(entry, diagnostics));
    return terms;
}

void merge_terms(std::vector<Term>& curated, std::vector<Term> extracted, const std::vector<std::string>& exclude,
                 const model::Book& book) {
    std::vector<std::string> skipped = exclude;
    // The films are the book's parts, not index entries.
    for (const auto& part : book.parts) skipped.push_back(part.title);
    for (auto& term : extracted) {
        bool excluded = std::any_of(skipped.begin(), skipped.end(), [&](const std::string& word) {
            return same(word, term.heading) ||
                   std::any_of(term.forms.begin(), term.forms.end(), [&](const std::string& f) { return same(f, word); });
        });
        if (excluded) continue;
        auto found = std::find_if(curated.begin(), curated.end(), [&](const Term& c) { return covers(c, term); });
        if (found != curated.end()) {
            if (found->gloss.empty() && found->rule == "curated") {
                found->gloss = term.gloss;
                found->gloss_italics = term.gloss_italics;
            }
            continue;
        }
        curated.push_back(std::move(term));
    }
}

}  // namespace cinefolio::index
