#pragma once
// Typed reads from yaml-cpp nodes that report a diagnostic at the node's
// position instead of throwing. Private to the manifest room.

#include <cstdint>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "cinefolio/base/diagnostics.hpp"

namespace cinefolio::manifest {

/// Reads nodes of one YAML file and reports type errors against it.
class YamlReader {
public:
    YamlReader(const base::SourceMap& sources, base::FileId file, base::Diagnostics& diagnostics)
        : sources_(sources), file_(file), diagnostics_(diagnostics) {}

    /// The span of a node (its first character), or the file when unknown.
    base::Span span(const YAML::Node& node) const;
    base::Span span(const YAML::Mark& mark) const;

    /// A scalar as text; reports "expected text" otherwise.
    std::optional<std::string> text(const YAML::Node& node, const std::string& what);
    /// A scalar as a whole number; reports "expected a whole number" otherwise.
    std::optional<std::int64_t> integer(const YAML::Node& node, const std::string& what);
    /// True if the node is a sequence; reports otherwise.
    bool expect_sequence(const YAML::Node& node, const std::string& what);
    /// True if the node is a map; reports otherwise.
    bool expect_map(const YAML::Node& node, const std::string& what);
    /// Warns about keys of a map that are not in `known`, naming the known
    /// key an unknown one is a twin of (`author` -> `creators`), else the nearest.
    void check_keys(const YAML::Node& map, const std::vector<std::string>& known, const std::string& where,
                    const std::vector<std::pair<std::string, std::string>>& twins = {});

    base::Diagnostics& diagnostics() { return diagnostics_; }

    /// Parses the whole file; reports a syntax error at its line and column.
    std::optional<YAML::Node> load();

private:
    /// Where a quoted scalar in `node` opens that is never closed.
    std::optional<std::size_t> unclosed_quote(const YAML::Node& node) const;

    const base::SourceMap& sources_;
    base::FileId file_;
    base::Diagnostics& diagnostics_;
};

/// What a node holds, in words, for "expected X, found Y" messages.
std::string describe(const YAML::Node& node);

}  // namespace cinefolio::manifest
