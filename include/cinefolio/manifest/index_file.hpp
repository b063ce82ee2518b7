#pragma once
// The curated index file (manifest key `index`) as plain structs: entries
// with headings, kinds, match strings, aliases, glosses and references.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"

namespace cinefolio::manifest {

/// A curated entry or subentry.
struct IndexFileEntry {
    std::string heading;                // as printed: "Sontag, Susan"
    std::string kind;                   // person, work, place, periodical, concept, event
    std::vector<std::string> match;     // forms that always count; default: the heading (uninverted for people)
    std::vector<std::string> aliases;   // other names that always count: Ila for Ilana
    std::vector<std::string> patterns;  // ICU regular expressions that count, as whole words
    /// Where each pattern is written: exactly its text when the file spells it
    /// verbatim (plain or quoted without escapes), else the start of its node.
    /// The index stage compiles the patterns and reports errors here.
    std::vector<base::Span> pattern_sources;
    std::vector<std::string> exclude;  // phrases whose matches do not count ("Closeness Films")
    std::string gloss;
    std::vector<std::string> see;
    std::vector<std::string> see_also;
    std::vector<IndexFileEntry> subentries;
    /// Only in candidate files written by `index-candidates`: occurrences per
    /// lens and per film, for the editor's eye; ignored when read back.
    std::map<std::string, int> lenses;
    std::map<std::string, int> films;
    std::string rule;  // which extraction rule proposed it
    base::Span source;
};

/// Which confident extraction rules the build applies besides the curated
/// entries.
struct ExtractionRules {
    bool leads = true;    // **Name (gloss)** run-in leads -> person
    bool works = true;    // *Italic Title* -> work
    bool critics = true;  // Name (*Outlet*) -> person and periodical
};

/// The whole curated file.
struct IndexFile {
    std::string path;
    ExtractionRules rules;
    std::vector<IndexFileEntry> entries;
    std::vector<std::string> exclude;  // extracted terms never to index
};

/// The kinds an entry may have.
const std::vector<std::string>& index_kinds();

/// Reads a curated index file registered in `sources`; nullopt after errors.
std::optional<IndexFile> parse_index_file(const base::SourceMap& sources, base::FileId file,
                                          base::Diagnostics& diagnostics);

/// Writes entries as a YAML index file (what `index-candidates` prints).
std::string emit_index_file(const IndexFile& file, const std::string& comment);

}  // namespace cinefolio::manifest
