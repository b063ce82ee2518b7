// The curated index file: reading it with positions for every error, and
// writing candidate files an editor can promote entries from.

#include "cinefolio/manifest/index_file.hpp"

#include <algorithm>

#include "cinefolio/base/text.hpp"
#include "yaml_reader.hpp"

namespace cinefolio::manifest {

namespace {

const std::vector<std::string> kFileKeys = {"extract", "entries", "exclude"};
const std::vector<std::string> kRuleKeys = {"leads", "works", "critics"};
const std::vector<std::string> kEntryKeys = {"heading", "kind",     "match", "aliases",    "patterns", "exclude", "gloss",
                                             "see",     "see_also", "subentries", "lenses", "films",   "rule"};
const std::vector<std::string> kKinds = {"person", "work", "place", "periodical", "concept", "event"};

// A list of strings, also accepted as one string.
std::vector<std::string> strings(YamlReader& reader, const YAML::Node& node, const std::string& what) {
    std::vector<std::string> out;
    if (!node || node.IsNull()) return out;
    if (node.IsScalar()) return {node.Scalar()};
    if (!reader.expect_sequence(node, what)) return out;
    for (const auto& item : node) {
        if (auto value = reader.text(item, "an entry of " + what)) out.push_back(*value);
    }
    return out;
}

// Where a scalar's text is written: its exact bytes when the file spells it
// verbatim (so an error can point inside it), else the node's first character.
base::Span scalar_span(YamlReader& reader, const YAML::Node& node, const std::string& source_text,
                       const std::string& value) {
    auto span = reader.span(node);
    if (span.file < 0 || value.empty()) return span;
    auto begin = span.begin;
    if (begin < source_text.size() && (source_text[begin] == '\'' || source_text[begin] == '"')) ++begin;
    if (source_text.compare(begin, value.size(), value) == 0) return {span.file, begin, begin + value.size()};
    return span;
}

// The `patterns` of an entry with the span of each (see IndexFileEntry).
void read_patterns(YamlReader& reader, const YAML::Node& node, const std::string& source_text, IndexFileEntry& entry) {
    if (!node || node.IsNull()) return;
    auto add = [&](const YAML::Node& item) {
        if (auto value = reader.text(item, "an entry of `patterns`")) {
            entry.patterns.push_back(*value);
            entry.pattern_sources.push_back(scalar_span(reader, item, source_text, *value));
        }
    };
    if (node.IsScalar()) {
        add(node);
        return;
    }
    if (!reader.expect_sequence(node, "`patterns`")) return;
    for (const auto& item : node) add(item);
}

bool flag(YamlReader& reader, const YAML::Node& node, bool fallback) {
    if (!node || node.IsNull()) return fallback;
    if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) return node.Scalar() == "true";
    reader.diagnostics().error(reader.span(node), "expected true or false, found " + describe(node));
    return fallback;
}

std::optional<IndexFileEntry> read_entry(YamlReader& reader, const YAML::Node& node, const std::string& source_text,
                                         bool subentry) {
    if (!reader.expect_map(node, subentry ? "a subentry" : "an index entry")) return std::nullopt;
    reader.check_keys(node, kEntryKeys, subentry ? "a subentry" : "an index entry");
    IndexFileEntry entry;
    entry.source = reader.span(node);
    if (!node["heading"]) {
        reader.diagnostics().error(entry.source, "an index entry needs a `heading`", "e.g. `heading: Sontag, Susan`");
        return std::nullopt;
    }
    auto heading = reader.text(node["heading"], "`heading`");
    if (!heading) return std::nullopt;
    entry.heading = base::collapse_whitespace(*heading);
    if (node["kind"]) {
        auto kind = reader.text(node["kind"], "`kind`");
        if (!kind) return std::nullopt;
        if (std::find(kKinds.begin(), kKinds.end(), *kind) == kKinds.end()) {
            auto near = base::nearest(*kind, kKinds);
            reader.diagnostics().error(reader.span(node["kind"]), "unknown index kind `" + *kind + "`",
                                       near ? "did you mean `" + *near + "`?"
                                            : "one of person, work, place, periodical, concept, event");
            return std::nullopt;
        }
        entry.kind = *kind;
    } else if (!subentry && !node["see"]) {
        entry.kind = "concept";
    }
    entry.match = strings(reader, node["match"], "`match`");
    entry.aliases = strings(reader, node["aliases"], "`aliases`");
    read_patterns(reader, node["patterns"], source_text, entry);
    entry.exclude = strings(reader, node["exclude"], "`exclude`");
    entry.see = strings(reader, node["see"], "`see`");
    entry.see_also = strings(reader, node["see_also"], "`see_also`");
    if (auto gloss = node["gloss"]; gloss && !gloss.IsNull()) {
        if (auto value = reader.text(gloss, "`gloss`")) entry.gloss = *value;
    }
    if (auto subentries = node["subentries"]; subentries && !subentries.IsNull()) {
        if (reader.expect_sequence(subentries, "`subentries`")) {
            for (const auto& item : subentries) {
                if (auto sub = read_entry(reader, item, source_text, true)) entry.subentries.push_back(std::move(*sub));
            }
        }
    }
    return entry;
}

}  // namespace

const std::vector<std::string>& index_kinds() { return kKinds; }

std::optional<IndexFile> parse_index_file(const base::SourceMap& sources, base::FileId file,
                                          base::Diagnostics& diagnostics) {
    const auto& source = sources.file(file);
    YamlReader reader(sources, file, diagnostics);
    auto document = reader.load();
    if (!document) return std::nullopt;
    const YAML::Node& root = *document;
    if (!root.IsMap()) {
        diagnostics.error({file, 0, 0}, "an index file must be a map with `entries:`, found " + describe(root));
        return std::nullopt;
    }
    auto errors_before = diagnostics.error_count();
    reader.check_keys(root, kFileKeys, "the index file");
    IndexFile result;
    result.path = source.path;
    if (auto rules = root["extract"]; rules && !rules.IsNull() && reader.expect_map(rules, "`extract`")) {
        reader.check_keys(rules, kRuleKeys, "`extract`");
        result.rules.leads = flag(reader, rules["leads"], true);
        result.rules.works = flag(reader, rules["works"], true);
        result.rules.critics = flag(reader, rules["critics"], true);
    }
    result.exclude = strings(reader, root["exclude"], "`exclude`");
    if (auto entries = root["entries"]; entries && !entries.IsNull() && reader.expect_sequence(entries, "`entries`")) {
        for (const auto& item : entries) {
            if (auto entry = read_entry(reader, item, source.text, false)) result.entries.push_back(std::move(*entry));
        }
    }
    if (diagnostics.error_count() > errors_before) return std::nullopt;
    return result;
}

namespace {

void emit_strings(YAML::Emitter& out, const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& value : values) out << value;
    out << YAML::EndSeq;
}

void emit_counts(YAML::Emitter& out, const char* key, const std::map<std::string, int>& counts) {
    if (counts.empty()) return;
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (const auto& [name, count] : counts) out << YAML::Key << name << YAML::Value << count;
    out << YAML::EndMap;
}

void emit_entry(YAML::Emitter& out, const IndexFileEntry& entry) {
    out << YAML::BeginMap;
    out << YAML::Key << "heading" << YAML::Value << entry.heading;
    if (!entry.kind.empty()) out << YAML::Key << "kind" << YAML::Value << entry.kind;
    emit_strings(out, "match", entry.match);
    emit_strings(out, "aliases", entry.aliases);
    if (!entry.gloss.empty()) out << YAML::Key << "gloss" << YAML::Value << entry.gloss;
    emit_strings(out, "see", entry.see);
    emit_strings(out, "see_also", entry.see_also);
    if (!entry.rule.empty()) out << YAML::Key << "rule" << YAML::Value << entry.rule;
    emit_counts(out, "lenses", entry.lenses);
    emit_counts(out, "films", entry.films);
    if (!entry.subentries.empty()) {
        out << YAML::Key << "subentries" << YAML::Value << YAML::BeginSeq;
        for (const auto& sub : entry.subentries) emit_entry(out, sub);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

}  // namespace

std::string emit_index_file(const IndexFile& file, const std::string& comment) {
    YAML::Emitter out;
    if (!comment.empty()) out << YAML::Comment(comment) << YAML::Newline;
    out << YAML::BeginMap << YAML::Key << "entries" << YAML::Value << YAML::BeginSeq;
    for (const auto& entry : file.entries) emit_entry(out, entry);
    out << YAML::EndSeq << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace cinefolio::manifest
