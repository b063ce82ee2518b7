// styles/<name>/print.yaml -> PrintDesign, and the lengths and trims the
// manifest's `print:` map shares with it.

#include "cinefolio/manifest/print_design.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "print_keys.hpp"
#include "yaml_reader.hpp"

namespace cinefolio::manifest {

namespace {

constexpr double points_per_inch = 72;
constexpr double points_per_mm = 72 / 25.4;

struct Preset {
    const char* name;
    double width;
    double height;
};

// The trims print-on-demand printers offer for trade books, plus the ISO
// sizes European publishers use.
const Preset presets[] = {
    {"5x8in", 5 * points_per_inch, 8 * points_per_inch},
    {"5.25x8in", 5.25 * points_per_inch, 8 * points_per_inch},
    {"5.5x8.5in", 5.5 * points_per_inch, 8.5 * points_per_inch},
    {"6x9in", 6 * points_per_inch, 9 * points_per_inch},
    {"7x10in", 7 * points_per_inch, 10 * points_per_inch},
    {"A5", 148 * points_per_mm, 210 * points_per_mm},
    {"B5", 176 * points_per_mm, 250 * points_per_mm},
};

// "12.5" followed by a unit; the unit gives the scale to points.
std::optional<double> number_with_unit(const std::string& text, std::size_t& used) {
    const char* start = text.c_str();
    char* end = nullptr;
    const double value = std::strtod(start, &end);
    if (end == start || !std::isfinite(value)) return std::nullopt;
    used = static_cast<std::size_t>(end - start);
    return value;
}

std::optional<double> unit_scale(std::string_view unit) {
    if (unit == "pt") return 1.0;
    if (unit == "in") return points_per_inch;
    if (unit == "mm") return points_per_mm;
    if (unit == "cm") return 10 * points_per_mm;
    return std::nullopt;
}

void read_number(YamlReader& reader, const YAML::Node& map, const char* key, const std::string& where,
                 double& field) {
    const YAML::Node node = map[key];
    if (!node || node.IsNull()) return;
    if (node.IsScalar()) {
        char* end = nullptr;
        const double value = std::strtod(node.Scalar().c_str(), &end);
        if (end && *end == '\0' && !node.Scalar().empty() && std::isfinite(value) && value >= 0 && value < 1000) {
            field = value;
            return;
        }
    }
    reader.diagnostics().error(reader.span(node), where + " `" + key + "`: expected a number, found " + describe(node));
}

void read_role(YamlReader& reader, const YAML::Node& node, const std::string& name, TypeRole& role) {
    if (!reader.expect_map(node, "the role `" + name + "`")) return;
    reader.check_keys(node, {"size", "leading", "tracking"}, "the role `" + name + "`");
    for (const char* key : {"size", "leading"}) {
        const YAML::Node value = node[key];
        if (!value || value.IsNull()) continue;
        auto length = read_length(reader, value, "`" + name + "." + key + "`");
        if (length && *length > 0) (std::string(key) == "size" ? role.size : role.leading) = *length;
        else if (length)
            reader.diagnostics().error(reader.span(value), "`" + name + "." + key + "` must be more than 0");
    }
    read_number(reader, node, "tracking", "the role `" + name + "`", role.tracking);
}

void read_roles(YamlReader& reader, const YAML::Node& node, Roles& roles) {
    if (!node || node.IsNull() || !reader.expect_map(node, "`roles`")) return;
    std::vector<std::string> names;
    for (const auto& [name, member] : role_table()) names.emplace_back(name);
    reader.check_keys(node, names, "`roles`");
    for (const auto& [name, member] : role_table()) {
        if (const YAML::Node role = node[name]; role && !role.IsNull()) read_role(reader, role, name, roles.*member);
    }
}

void read_faces(YamlReader& reader, const YAML::Node& node, Faces& faces) {
    if (!node || node.IsNull() || !reader.expect_map(node, "`faces`")) return;
    reader.check_keys(node, {"regular", "italic", "bold", "bold_italic", "mono", "fallbacks"}, "`faces`");
    const std::pair<const char*, std::string Faces::*> fields[] = {{"regular", &Faces::regular},
                                                                   {"italic", &Faces::italic},
                                                                   {"bold", &Faces::bold},
                                                                   {"bold_italic", &Faces::bold_italic},
                                                                   {"mono", &Faces::mono}};
    for (const auto& [key, member] : fields) {
        const YAML::Node value = node[key];
        if (!value || value.IsNull()) continue;
        if (auto path = reader.text(value, std::string("the face `") + key + "`")) {
            if (check_font_path(reader, value, *path)) faces.*member = *path;
        }
    }
    if (const YAML::Node list = node["fallbacks"]; list && !list.IsNull()) {
        if (!reader.expect_sequence(list, "`fallbacks`")) return;
        faces.fallbacks.clear();
        for (const auto& item : list) {
            if (auto path = reader.text(item, "an entry of `fallbacks`"); path && check_font_path(reader, item, *path))
                faces.fallbacks.push_back(*path);
        }
    }
}

void read_spaces(YamlReader& reader, const YAML::Node& node, Spaces& spaces) {
    if (!node || node.IsNull() || !reader.expect_map(node, "`spaces`")) return;
    const std::pair<const char*, double Spaces::*> fields[] = {
        {"heading_1_before", &Spaces::heading_1_before}, {"heading_1_after", &Spaces::heading_1_after},
        {"heading_2_before", &Spaces::heading_2_before}, {"heading_2_after", &Spaces::heading_2_after},
        {"heading_3_before", &Spaces::heading_3_before}, {"heading_3_after", &Spaces::heading_3_after},
        {"block", &Spaces::block},                       {"list", &Spaces::list},
        {"notes_before", &Spaces::notes_before},
        {"opening_sink", &Spaces::opening_sink},         {"part_sink", &Spaces::part_sink},
        {"title_sink", &Spaces::title_sink},             {"after_opening", &Spaces::after_opening},
        {"head_above_text", &Spaces::head_above_text},   {"folio_below_text", &Spaces::folio_below_text}};
    std::vector<std::string> names;
    for (const auto& [key, member] : fields) names.emplace_back(key);
    reader.check_keys(node, names, "`spaces` (in lines of the body's leading)");
    for (const auto& [key, member] : fields) read_number(reader, node, key, "`spaces`", spaces.*member);
}

void read_contents(YamlReader& reader, const YAML::Node& node, ContentsShows& shows) {
    if (!node || node.IsNull() || !reader.expect_map(node, "`contents`")) return;
    reader.check_keys(node, {"title", "author", "lens"}, "`contents`");
    const std::pair<const char*, bool ContentsShows::*> fields[] = {
        {"title", &ContentsShows::title}, {"author", &ContentsShows::author}, {"lens", &ContentsShows::lens}};
    for (const auto& [key, member] : fields) {
        const YAML::Node value = node[key];
        if (!value || value.IsNull()) continue;
        if (value.IsScalar() && (value.Scalar() == "true" || value.Scalar() == "false"))
            shows.*member = value.Scalar() == "true";
        else
            reader.diagnostics().error(reader.span(value), std::string("`contents.") + key +
                                                               "`: expected true or false, found " + describe(value));
    }
}

/// A count of lines or locators: a whole number from 0 to `most`.
void read_count(YamlReader& reader, const YAML::Node& map, const char* key, const std::string& where, int most,
                int& field) {
    const YAML::Node node = map[key];
    if (!node || node.IsNull()) return;
    if (node.IsScalar()) {
        char* end = nullptr;
        const long value = std::strtol(node.Scalar().c_str(), &end, 10);
        if (end && *end == '\0' && !node.Scalar().empty() && value >= 0 && value <= most) {
            field = static_cast<int>(value);
            return;
        }
    }
    reader.diagnostics().error(reader.span(node), "`" + where + key + "`: expected a whole number from 0 to " +
                                                      std::to_string(most) + ", found " + describe(node));
}

void read_leads(YamlReader& reader, const YAML::Node& node, Leads& leads) {
    if (!node || node.IsNull()) return;
    if (node.IsScalar() && node.Scalar() == "run-in") {
        leads = Leads::run_in;
    } else if (node.IsScalar() && node.Scalar() == "display") {
        leads = Leads::display;
    } else {
        reader.diagnostics().error(reader.span(node), "`leads`: expected `run-in` or `display`, found " + describe(node),
                                   "`run-in` sets a bold lead at the head of its paragraph; `display` on a line "
                                   "of its own, like a small heading");
    }
}

void read_index(YamlReader& reader, const YAML::Node& node, PrintDesign& design) {
    if (!node || node.IsNull() || !reader.expect_map(node, "`index`")) return;
    reader.check_keys(node, {"locators_per_lens"}, "`index`");
    read_count(reader, node, "locators_per_lens", "index.", 100000, design.index_locators_per_lens);
}

}  // namespace

const std::vector<std::pair<const char*, TypeRole Roles::*>>& role_table() {
    static const std::vector<std::pair<const char*, TypeRole Roles::*>> table = {
        {"body", &Roles::body},
        {"block_quote", &Roles::block_quote},
        {"notes", &Roles::notes},
        {"notes_heading", &Roles::notes_heading},
        {"table", &Roles::table},
        {"code", &Roles::code},
        {"heading_1", &Roles::heading_1},
        {"heading_2", &Roles::heading_2},
        {"heading_3", &Roles::heading_3},
        {"chapter_kicker", &Roles::chapter_kicker},
        {"chapter_title", &Roles::chapter_title},
        {"chapter_subtitle", &Roles::chapter_subtitle},
        {"byline", &Roles::byline},
        {"dek", &Roles::dek},
        {"part_title", &Roles::part_title},
        {"part_year", &Roles::part_year},
        {"part_credit", &Roles::part_credit},
        {"running_head", &Roles::running_head},
        {"folio", &Roles::folio},
        {"contents_title", &Roles::contents_title},
        {"contents", &Roles::contents},
        {"index_title", &Roles::index_title},
        {"index", &Roles::index},
        {"index_letter", &Roles::index_letter},
        {"half_title", &Roles::half_title},
        {"title", &Roles::title},
        {"title_subtitle", &Roles::title_subtitle},
        {"title_credit", &Roles::title_credit},
        {"title_creators", &Roles::title_creators},
        {"title_publisher", &Roles::title_publisher},
        {"copyright", &Roles::copyright},
    };
    return table;
}

const std::vector<std::string>& trim_presets() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& preset : presets) out.emplace_back(preset.name);
        return out;
    }();
    return names;
}

std::optional<double> parse_length(const std::string& text) {
    std::size_t used = 0;
    auto value = number_with_unit(text, used);
    if (!value) return std::nullopt;
    std::string_view unit(text);
    unit.remove_prefix(used);
    while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
    auto scale = unit_scale(unit);
    if (!scale) return std::nullopt;
    return *value * *scale;
}

std::optional<std::pair<double, double>> parse_trim(const std::string& text) {
    for (const auto& preset : presets) {
        if (text == preset.name) return std::pair{preset.width, preset.height};
    }
    // WxH followed by one unit for both: 6x9in, 148x210mm, 432x648pt.
    std::size_t used = 0;
    auto width = number_with_unit(text, used);
    if (!width || used >= text.size() || (text[used] != 'x' && text[used] != 'X')) return std::nullopt;
    const std::string rest = text.substr(used + 1);
    std::size_t used_height = 0;
    auto height = number_with_unit(rest, used_height);
    if (!height) return std::nullopt;
    auto scale = unit_scale(std::string_view(rest).substr(used_height));
    if (!scale || *width <= 0 || *height <= 0) return std::nullopt;
    return std::pair{*width * *scale, *height * *scale};
}

std::optional<PrintDesign> parse_print_design(const base::SourceMap& sources, base::FileId file,
                                              base::Diagnostics& diagnostics, PrintDesign defaults) {
    YamlReader reader(sources, file, diagnostics);
    auto document = reader.load();
    if (!document) return std::nullopt;
    const YAML::Node& root = *document;
    PrintDesign design = std::move(defaults);
    if (root.IsNull()) return design;
    if (!reader.expect_map(root, "a print design")) return std::nullopt;
    const auto errors_before = diagnostics.error_count();
    reader.check_keys(root,
                      {"trim", "margins", "faces", "roles", "spaces", "openings", "contents", "last_page_lines",
                       "leads", "index"},
                      "the print design");
    read_count(reader, root, "last_page_lines", "", 100, design.last_page_lines);
    read_leads(reader, root["leads"], design.leads);
    read_index(reader, root["index"], design);
    if (const YAML::Node openings = root["openings"]; openings && !openings.IsNull()) {
        if (auto value = read_openings(reader, openings)) design.openings = *value;
    }
    read_contents(reader, root["contents"], design.contents);
    if (const YAML::Node trim = root["trim"]; trim && !trim.IsNull()) {
        if (auto size = read_trim(reader, trim)) std::tie(design.trim_width, design.trim_height) = *size;
    }
    if (const YAML::Node margins = root["margins"]; margins && !margins.IsNull()) {
        PrintOverrides given;
        read_margins(reader, margins, given);
        design = apply(std::move(design), given);
    }
    read_faces(reader, root["faces"], design.faces);
    read_roles(reader, root["roles"], design.roles);
    read_spaces(reader, root["spaces"], design.spaces);
    check_fits(reader, root, design);
    if (diagnostics.error_count() > errors_before) return std::nullopt;
    return design;
}

PrintDesign apply(PrintDesign design, const PrintOverrides& overrides) {
    if (overrides.trim) std::tie(design.trim_width, design.trim_height) = *overrides.trim;
    if (overrides.openings) design.openings = *overrides.openings;
    if (overrides.inside) design.margins.inside = *overrides.inside;
    if (overrides.outside) design.margins.outside = *overrides.outside;
    if (overrides.top) design.margins.top = *overrides.top;
    if (overrides.bottom) design.margins.bottom = *overrides.bottom;
    if (overrides.profile) design.production.profile = *overrides.profile;
    if (overrides.paper) design.production.paper = *overrides.paper;
    if (overrides.bleed) design.production.bleed = *overrides.bleed;
    if (overrides.crop_marks) design.production.crop_marks = *overrides.crop_marks;
    if (overrides.pad_to) design.production.pad_to = *overrides.pad_to;
    const double size_scale = overrides.font_size ? *overrides.font_size / design.roles.body.size : 1.0;
    const double leading_scale =
        overrides.leading ? *overrides.leading / design.roles.body.leading : size_scale;
    if (size_scale == 1.0 && leading_scale == 1.0) return design;
    for (const auto& [name, member] : role_table()) {
        TypeRole& role = design.roles.*member;
        role.size *= size_scale;
        role.leading *= leading_scale;
    }
    // Exactly what was asked for, not a product rounded on the way.
    if (overrides.font_size) design.roles.body.size = *overrides.font_size;
    if (overrides.leading) design.roles.body.leading = *overrides.leading;
    return design;
}

}  // namespace cinefolio::manifest
