#pragma once
// The book's metadata checked once, where the manifest sets it (private to
// src/manifest): the backends print what passes here as it is.

#include <optional>
#include <string>
#include <string_view>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/manifest/manifest.hpp"
#include "yaml_reader.hpp"

namespace cinefolio::manifest {

/// Checks title, language, date, ISBNs and identifier at the nodes that set
/// them, and settles the identifier (see Manifest::identifier).
void check_metadata(YamlReader& reader, const base::SourceMap& sources, const YAML::Node& root, Manifest& manifest);

/// What is wrong with an ISBN as written (hyphens and spaces allowed), or
/// nullopt for a valid ISBN-10 or ISBN-13.
struct IsbnProblem {
    std::string message;  // completes "`isbn` ...", e.g. "has check digit 3, expected 7"
    std::string hint;
    std::size_t at = 0;  // the character of the text it is about
};
std::optional<IsbnProblem> isbn_problem(std::string_view isbn);

}  // namespace cinefolio::manifest
