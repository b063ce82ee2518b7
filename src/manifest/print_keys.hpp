#pragma once
// Reading the print keys a style's print.yaml and the manifest's `print:`
// map share (lengths, trims, margins), each error at its node with a hint.
// Private to the manifest room.

#include <optional>
#include <string>
#include <utility>

#include "cinefolio/manifest/manifest.hpp"
#include "cinefolio/manifest/print_design.hpp"
#include "yaml_reader.hpp"

namespace cinefolio::manifest {

/// A length with its unit (`0.75in`, `18mm`, `11pt`), in points.
std::optional<double> read_length(YamlReader& reader, const YAML::Node& node, const std::string& what);

/// A trim preset or `WxH` with a unit; `6x9` gets "did you mean `6x9in`?".
std::optional<std::pair<double, double>> read_trim(YamlReader& reader, const YAML::Node& node);

/// `margins:` as one length for all four or a map of inside, outside,
/// top and bottom; what is given lands in `into`.
void read_margins(YamlReader& reader, const YAML::Node& node, PrintOverrides& into);

/// A face's file: a relative path under fonts/ (never `..` or absolute,
/// so a style cannot read outside the data folder).
bool check_font_path(YamlReader& reader, const YAML::Node& node, const std::string& path);

/// Reports margins that leave no room for text on the trim.
void check_fits(YamlReader& reader, const YAML::Node& root, const PrintDesign& design);

/// `openings:` right or any.
std::optional<Openings> read_openings(YamlReader& reader, const YAML::Node& node);

/// The manifest's `print:` map.
PrintOverrides read_print_overrides(YamlReader& reader, const YAML::Node& node);

/// The manifest's `booklets:` map: the print keys plus `style` and `pad_to`.
BookletSettings read_booklet_settings(YamlReader& reader, const YAML::Node& node);

/// The keys of the manifest's `print:` map.
const std::vector<std::string>& print_keys();

}  // namespace cinefolio::manifest
