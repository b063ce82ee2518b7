#pragma once
// Index terms: what to look for (forms), what each becomes in the index
// (heading, kind, gloss, references). Private to the index room.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/manifest/index_file.hpp"
#include "cinefolio/model/book.hpp"
#include "patterns.hpp"

namespace cinefolio::index {

/// A term of the index and the forms by which it is found.
struct Term {
    std::string heading;
    std::string kind;
    std::string gloss;
    std::vector<std::pair<std::size_t, std::size_t>> gloss_italics;  // as IndexEntry::gloss_italics
    std::vector<std::string> forms;     // always count
    std::vector<Pattern> patterns;      // always count, like forms
    std::vector<std::string> deferred;  // count only after a form appeared earlier in the same essay
    std::vector<std::string> exclude;   // phrases whose inner matches do not count
    std::vector<std::string> see;
    std::vector<std::string> see_also;
    std::vector<Term> subterms;
    std::string rule;     // "curated", "leads", "works", "critics", "names"
    base::Span source;    // the curated entry, for warnings
    bool italic() const { return kind == "work" || kind == "periodical"; }
};

/// The terms of a curated file, their patterns compiled; an invalid pattern
/// is reported at its place in the file and leaves its term without it.
std::vector<Term> curated_terms(const manifest::IndexFile& file, base::Diagnostics& diagnostics);

/// The terms the confident extraction rules find in the book, each once.
/// With `names`, capitalised multi-word names too (candidates only).
std::vector<Term> extract_terms(const model::Book& book, const manifest::ExtractionRules& rules, bool names);

/// Adds extracted terms the curated ones do not already cover, skipping
/// excluded ones and film titles; a curated term without a gloss takes the
/// extracted one.
void merge_terms(std::vector<Term>& curated, std::vector<Term> extracted, const std::vector<std::string>& exclude,
                 const model::Book& book);

/// Where a term was found: the locators of a term and its subterms.
struct TermHits {
    std::vector<model::IndexLocator> locators;
    std::vector<TermHits> subterms;
};

/// Finds every term in the book's paragraphs and places one anchor per
/// term and paragraph at its first occurrence; chapters on `threads`
/// threads (0: one per core), the same result on any number.
std::vector<TermHits> place_anchors(model::Book& book, const std::vector<Term>& terms, int threads = 1);

/// A paragraph where a term is found, flattened as for matching, with the
/// byte offset of the term's first occurrence in it.
struct Passage {
    std::string text;
    std::size_t at = 0;
};

/// Every paragraph where the term is found (as the build finds it: a
/// deferred form only after a full one in the same essay), in book order.
std::vector<Passage> passages_of(const model::Book& book, const Term& term);

/// The flattened text of every paragraph of the book, notes included.
std::vector<std::string> paragraph_texts(const model::Book& book);

/// Subentries to propose for a term crowded in one lens: phrases that recur
/// in the sentences around its occurrences and are rarer in the book at
/// large, best first. Made once per book (it reads every paragraph), then
/// asked for each crowded term.
class SubentryProposer {
public:
    SubentryProposer(const model::Book& book, const std::string& language);
    ~SubentryProposer();
    SubentryProposer(const SubentryProposer&) = delete;
    SubentryProposer& operator=(const SubentryProposer&) = delete;

    /// At most `most` proposals, each with its match forms (as the essays
    /// write the phrase) and its counts per lens and film as a build would
    /// find them.
    std::vector<manifest::IndexFileEntry> propose(const Term& term, std::size_t most);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Counts of a term's occurrences per lens and per film title, without
/// changing the book (for candidate files).
void count_occurrences(const model::Book& book, const Term& term, std::map<std::string, int>& per_lens,
                       std::map<std::string, int>& per_film);

}  // namespace cinefolio::index
