#pragma once
// The forms an index entry of the sample book may be written in, taken from
// its curated file (books/closeness/index.yaml) rather than a list kept in
// the tests: a locator passes only with its own entry's forms.

#include <regex>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/manifest/index_file.hpp"
#include "support/pdf_text.hpp"
#include "support/process.hpp"

namespace cinefolio::test {

struct TermForms {
    std::vector<std::string> literal;   // as written in the essays
    std::vector<std::string> patterns;  // the curated file's regular expressions

    /// True when `text` begins with one of the forms.
    bool starts(const std::string& text) const {
        for (const auto& form : literal)
            if (text.rfind(form, 0) == 0) return true;
        for (const auto& pattern : patterns)
            if (std::regex_search(text, std::regex(pattern), std::regex_constants::match_continuous)) return true;
        return false;
    }

    /// True when normalized() text (lower case) holds one of the forms.
    bool shown_in(const std::string& normalized_text) const {
        for (const auto& form : literal)
            if (normalized_text.find(normalized(form)) != std::string::npos) return true;
        for (const auto& pattern : patterns)
            if (std::regex_search(normalized_text, std::regex(pattern, std::regex::icase))) return true;
        return false;
    }
};

inline const manifest::IndexFile& sample_index_file() {
    static const manifest::IndexFile file = [] {
        const std::string path = std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness/index.yaml";
        base::SourceMap sources;
        base::Diagnostics diagnostics;
        auto parsed = manifest::parse_index_file(sources, sources.add(path, slurp(path)), diagnostics);
        if (!parsed) throw std::runtime_error("cannot read " + path);
        return *parsed;
    }();
    return file;
}

/// The heading, an inverted name's natural order and surname, and for a
/// curated entry its match strings, aliases and patterns.
inline TermForms sample_forms(const std::string& heading) {
    TermForms forms;
    forms.literal.push_back(heading);
    if (const auto comma = heading.find(", "); comma != std::string::npos) {
        forms.literal.push_back(heading.substr(comma + 2) + " " + heading.substr(0, comma));
        forms.literal.push_back(heading.substr(0, comma));
    }
    for (const auto& entry : sample_index_file().entries) {
        if (entry.heading != heading) continue;
        forms.literal.insert(forms.literal.end(), entry.match.begin(), entry.match.end());
        forms.literal.insert(forms.literal.end(), entry.aliases.begin(), entry.aliases.end());
        forms.patterns = entry.patterns;
    }
    return forms;
}

}  // namespace cinefolio::test
