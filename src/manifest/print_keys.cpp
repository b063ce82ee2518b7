// Lengths, trims and margins as YAML nodes, with errors a user can act on.

#include "print_keys.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "cinefolio/base/text.hpp"

namespace cinefolio::manifest {

namespace {

// Below this a text block cannot hold a line of body type worth reading:
// about twenty characters wide and five lines deep.
constexpr double narrowest_measure = 100;
constexpr double fewest_lines = 5;

bool is_plain_number(const std::string& text) {
    if (text.empty()) return false;
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    return end && *end == '\0';
}

// One of a few words (`profile: print`), with the nearest as a hint.
std::optional<std::string> read_choice(YamlReader& reader, const YAML::Node& node, const std::string& where,
                                       const std::string& key,
                                       const std::vector<std::string>& choices) {
    auto text = reader.text(node, "`" + where + "." + key + "`");
    if (!text) return std::nullopt;
    if (std::find(choices.begin(), choices.end(), *text) != choices.end()) return text;
    std::string list;
    for (const auto& choice : choices) list += (list.empty() ? "`" : ", `") + choice + "`";
    std::string hint = "the choices are " + list;
    if (auto near = base::nearest(*text, choices)) hint = "did you mean `" + *near + "`? (" + hint + ")";
    reader.diagnostics().error(reader.span(node), "`" + where + "." + key + "`: unknown value `" + *text + "`", hint);
    return std::nullopt;
}

// The printers' own figures: 0.125 in is what every print-on-demand
// printer asks for; more than half an inch is a mistake, not a bleed.
constexpr double widest_bleed = 36;
// More than 32 (a signature of offset printing) is never a printer's rule.
constexpr std::int64_t largest_pad = 32;

void read_production(YamlReader& reader, const YAML::Node& node, const std::string& where, PrintOverrides& overrides) {
    if (const YAML::Node value = node["profile"]; value && !value.IsNull())
        overrides.profile = read_choice(reader, value, where, "profile", {"screen", "print"});
    if (const YAML::Node value = node["paper"]; value && !value.IsNull())
        overrides.paper = read_choice(reader, value, where, "paper", {"white", "cream"});
    if (const YAML::Node value = node["bleed"]; value && !value.IsNull()) {
        auto length = read_length(reader, value, "`" + where + ".bleed`");
        if (length && *length > widest_bleed) {
            reader.diagnostics().error(reader.span(value), "`" + where + ".bleed` must be at most 0.5in, found `" +
                                                               value.Scalar() + "`",
                                       "printers ask for `0.125in` (3.175 mm)");
            length.reset();
        }
        overrides.bleed = length;
    }
    if (const YAML::Node value = node["crop_marks"]; value && !value.IsNull()) {
        const std::string text = value.IsScalar() ? value.Scalar() : std::string();
        if (text == "true" || text == "false") overrides.crop_marks = text == "true";
        else
            reader.diagnostics().error(reader.span(value), "`" + where + ".crop_marks`: expected true or false, found " +
                                                               describe(value),
                                       "`crop_marks: true` draws trim marks outside the bleed");
    }
    if (const YAML::Node value = node["pad_to"]; value && !value.IsNull()) {
        auto count = reader.integer(value, "`" + where + ".pad_to`");
        if (count && (*count < 1 || *count > largest_pad)) {
            reader.diagnostics().error(reader.span(value),
                                       "`" + where + ".pad_to` must be between 1 and 32, found `" + value.Scalar() + "`",
                                       "printers bind in multiples of 2 or 4 pages");
            count.reset();
        }
        if (count) overrides.pad_to = static_cast<int>(*count);
    }
}

}  // namespace

const std::vector<std::string>& print_keys() {
    static const std::vector<std::string> keys = {"trim",    "margins",    "font_size", "leading", "openings",
                                                  "profile", "bleed",      "crop_marks", "pad_to", "paper"};
    return keys;
}

std::optional<double> read_length(YamlReader& reader, const YAML::Node& node, const std::string& what) {
    if (node.IsScalar()) {
        const std::string& text = node.Scalar();
        if (auto points = parse_length(text); points && *points >= 0 && *points < 10000) return points;
        if (is_plain_number(text)) {
            reader.diagnostics().error(reader.span(node), what + ": a length needs its unit, found `" + text + "`",
                                       "did you mean `" + text + "pt`? (units: pt, in, mm, cm)");
            return std::nullopt;
        }
    }
    reader.diagnostics().error(reader.span(node), what + ": expected a length such as `11pt`, `0.75in` or `18mm`, found " +
                                                      describe(node));
    return std::nullopt;
}

std::optional<std::pair<double, double>> read_trim(YamlReader& reader, const YAML::Node& node) {
    const std::string text = node.IsScalar() ? node.Scalar() : std::string();
    if (auto size = parse_trim(text); size && size->first < 10000 && size->second < 10000) return size;
    std::string hint;
    // `6x9` is almost always the preset without its unit.
    for (const auto& preset : trim_presets()) {
        if (preset.size() > 2 && preset.compare(preset.size() - 2, 2, "in") == 0 &&
            preset.substr(0, preset.size() - 2) == text)
            hint = "did you mean `" + preset + "`?";
    }
    if (hint.empty()) {
        if (auto near = base::nearest(text, trim_presets())) hint = "did you mean `" + *near + "`?";
    }
    std::string presets;
    for (const auto& preset : trim_presets()) presets += (presets.empty() ? "" : ", ") + preset;
    if (hint.empty()) hint = "a preset (" + presets + ") or width x height with a unit, e.g. `140x216mm`";
    else hint += " (presets: " + presets + "; or width x height with a unit, e.g. `140x216mm`)";
    reader.diagnostics().error(reader.span(node), "`trim`: expected a page size, found " + describe(node), hint);
    return std::nullopt;
}

void read_margins(YamlReader& reader, const YAML::Node& node, PrintOverrides& into) {
    if (node.IsScalar()) {
        if (auto all = read_length(reader, node, "`margins`")) into.inside = into.outside = into.top = into.bottom = all;
        return;
    }
    if (!reader.expect_map(node, "`margins`")) return;
    reader.check_keys(node, {"inside", "outside", "top", "bottom"}, "`margins`");
    const std::pair<const char*, std::optional<double> PrintOverrides::*> fields[] = {
        {"inside", &PrintOverrides::inside},
        {"outside", &PrintOverrides::outside},
        {"top", &PrintOverrides::top},
        {"bottom", &PrintOverrides::bottom}};
    for (const auto& [key, member] : fields) {
        const YAML::Node value = node[key];
        if (!value || value.IsNull()) continue;
        if (auto length = read_length(reader, value, std::string("`margins.") + key + "`")) into.*member = length;
    }
}

bool check_font_path(YamlReader& reader, const YAML::Node& node, const std::string& path) {
    const bool inside = path.rfind("fonts/", 0) == 0 && path.find("..") == std::string::npos &&
                        path.find('\\') == std::string::npos;
    if (!inside)
        reader.diagnostics().error(reader.span(node), "a face must be a file under fonts/, found `" + path + "`",
                                   "e.g. `fonts/linux-libertine/LinLibertine_R.otf`");
    return inside;
}

void check_fits(YamlReader& reader, const YAML::Node& root, const PrintDesign& design) {
    const std::string problem = room_problem(design);
    if (problem.empty()) return;
    const YAML::Node where = root["margins"] ? root["margins"] : root["trim"];
    reader.diagnostics().error(where ? reader.span(where) : reader.span(root), problem,
                               "narrow the margins or choose a larger trim");
}

std::string room_problem(const PrintDesign& design) {
    const double measure = design.trim_width - design.margins.inside - design.margins.outside;
    const double depth = design.trim_height - design.margins.top - design.margins.bottom;
    if (measure >= narrowest_measure && depth >= fewest_lines * design.roles.body.leading) return {};
    char sizes[160];
    std::snprintf(sizes, sizeof sizes, "%.0f x %.0f pt of text on a %.0f x %.0f pt page", std::max(0.0, measure),
                  std::max(0.0, depth), design.trim_width, design.trim_height);
    return std::string("the margins leave no room for text: ") + sizes;
}

std::optional<Openings> read_openings(YamlReader& reader, const YAML::Node& node) {
    if (node.IsScalar() && node.Scalar() == "right") return Openings::right;
    if (node.IsScalar() && node.Scalar() == "any") return Openings::any;
    reader.diagnostics().error(reader.span(node), "`openings`: expected `right` or `any`, found " + describe(node),
                               "`right` opens every essay on a right-hand page; `any` runs the book on");
    return std::nullopt;
}

namespace {

// The keys `print:` and `booklets:` share; `where` names the map in messages.
void read_print_fields(YamlReader& reader, const YAML::Node& node, const std::string& where,
                       PrintOverrides& overrides) {
    if (const YAML::Node trim = node["trim"]; trim && !trim.IsNull()) overrides.trim = read_trim(reader, trim);
    if (const YAML::Node margins = node["margins"]; margins && !margins.IsNull()) read_margins(reader, margins, overrides);
    if (const YAML::Node openings = node["openings"]; openings && !openings.IsNull())
        overrides.openings = read_openings(reader, openings);
    for (const char* key : {"font_size", "leading"}) {
        const YAML::Node value = node[key];
        if (!value || value.IsNull()) continue;
        auto length = read_length(reader, value, "`" + where + "." + key + "`");
        // Below 4 pt nothing can be read; above 72 pt a line holds a word.
        if (length && (*length < 4 || *length > 72)) {
            reader.diagnostics().error(reader.span(value), "`" + where + "." + key +
                                                               "` must be between 4pt and 72pt, found `" +
                                                               value.Scalar() + "`");
            length.reset();
        }
        (std::string(key) == "font_size" ? overrides.font_size : overrides.leading) = length;
    }
    read_production(reader, node, where, overrides);
}

}  // namespace

PrintOverrides read_print_overrides(YamlReader& reader, const YAML::Node& node) {
    PrintOverrides overrides;
    overrides.source = reader.span(node);
    if (!reader.expect_map(node, "`print`")) return overrides;
    reader.check_keys(node, print_keys(), "`print`");
    read_print_fields(reader, node, "print", overrides);
    return overrides;
}

BookletSettings read_booklet_settings(YamlReader& reader, const YAML::Node& node) {
    BookletSettings settings;
    settings.source = reader.span(node);
    settings.print.source = settings.source;
    if (!reader.expect_map(node, "`booklets`")) return settings;
    std::vector<std::string> keys = print_keys();
    keys.push_back("style");
    reader.check_keys(node, keys, "`booklets`");
    read_print_fields(reader, node, "booklets", settings.print);
    if (const YAML::Node style = node["style"]; style && !style.IsNull()) {
        settings.style_source = reader.span(style);
        if (auto name = reader.text(style, "`booklets.style`")) settings.style = *name;
    }
    if (settings.print.pad_to) settings.pad_to = *settings.print.pad_to;
    return settings;
}

}  // namespace cinefolio::manifest
