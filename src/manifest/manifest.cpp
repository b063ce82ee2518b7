// book.yaml -> Manifest. Every type error is reported at the node's line
// and column; unknown keys are warnings naming the nearest known key.

#include "cinefolio/manifest/manifest.hpp"

#include <chrono>
#include <filesystem>
#include <regex>

#include "cinefolio/base/text.hpp"
#include "print_keys.hpp"
#include "yaml_reader.hpp"

namespace cinefolio::manifest {

namespace {

const std::vector<std::string> kTopKeys = {
    "title", "subtitle",   "creators",    "language",  "id",     "essays",
    "films", "lenses",     "imports",     "publisher", "rights", "date",
    "isbn",  "identifier", "description", "style",     "index",  "hyphenation_exceptions",
    "cover", "print", "booklets"};
const std::vector<std::string> kFilmKeys = {"id", "year", "director", "title", "cover"};
const std::vector<std::string> kLensKeys = {"name", "label"};
const std::vector<std::string> kImportKeys = {"file", "movieId", "movieTitle", "categoryName", "author", "title"};

// Scalars that fill plain string fields.
void read_optional_text(YamlReader& reader, const YAML::Node& root, const char* key, std::string& field) {
    if (auto node = root[key]; node && !node.IsNull()) {
        if (auto value = reader.text(node, std::string("`") + key + "`")) field = base::collapse_whitespace(*value);
    }
}

void read_creators(YamlReader& reader, const YAML::Node& node, Manifest& manifest) {
    if (!node || node.IsNull()) return;
    if (node.IsScalar()) {  // a single editor may be written without a list
        manifest.creators.push_back(node.Scalar());
        return;
    }
    if (!reader.expect_sequence(node, "`creators`")) return;
    for (const auto& item : node) {
        if (auto value = reader.text(item, "an entry of `creators`")) manifest.creators.push_back(*value);
    }
}

void read_essays(YamlReader& reader, const YAML::Node& node, Manifest& manifest) {
    if (!node || node.IsNull()) return;
    if (node.IsScalar()) {
        manifest.essays.push_back({node.Scalar(), reader.span(node)});
        return;
    }
    if (!reader.expect_sequence(node, "`essays`")) return;
    for (const auto& item : node) {
        if (auto value = reader.text(item, "an entry of `essays`"))
            manifest.essays.push_back({*value, reader.span(item)});
    }
}

void read_films(YamlReader& reader, const YAML::Node& node, Manifest& manifest) {
    if (!node || node.IsNull() || !reader.expect_sequence(node, "`films`")) return;
    for (const auto& item : node) {
        Film film;
        film.source = reader.span(item);
        if (item.IsScalar()) {
            auto id = reader.integer(item, "an entry of `films`");
            if (!id) continue;
            film.id = *id;
        } else {
            if (!reader.expect_map(item, "an entry of `films`")) continue;
            reader.check_keys(item, kFilmKeys, "a film");
            if (!item["id"]) {
                reader.diagnostics().error(film.source, "a film needs an `id` (its movieId)");
                continue;
            }
            auto id = reader.integer(item["id"], "the film's `id`");
            if (!id) continue;
            film.id = *id;
            if (item["year"]) {
                if (auto year = reader.integer(item["year"], "the film's `year`")) film.year = static_cast<int>(*year);
            }
            read_optional_text(reader, item, "director", film.director);
            read_optional_text(reader, item, "title", film.title);
            read_optional_text(reader, item, "cover", film.cover);
            if (item["cover"]) film.cover_source = reader.span(item["cover"]);
        }
        manifest.films.push_back(std::move(film));
    }
}

void read_lenses(YamlReader& reader, const YAML::Node& node, Manifest& manifest) {
    if (!node || node.IsNull() || !reader.expect_sequence(node, "`lenses`")) return;
    for (const auto& item : node) {
        Lens lens;
        lens.source = reader.span(item);
        if (item.IsScalar()) {
            lens.name = item.Scalar();
        } else {
            if (!reader.expect_map(item, "an entry of `lenses`")) continue;
            reader.check_keys(item, kLensKeys, "a lens");
            if (!item["name"]) {
                reader.diagnostics().error(lens.source, "a lens needs a `name`",
                                           "e.g. `{name: REALISM, label: Realism}`");
                continue;
            }
            auto name = reader.text(item["name"], "the lens's `name`");
            if (!name) continue;
            lens.name = *name;
            read_optional_text(reader, item, "label", lens.label);
        }
        if (lens.label.empty()) lens.label = base::title_case(lens.name);
        manifest.lenses.push_back(std::move(lens));
    }
}

void read_imports(YamlReader& reader, const YAML::Node& node, Manifest& manifest) {
    if (!node || node.IsNull() || !reader.expect_sequence(node, "`imports`")) return;
    for (const auto& item : node) {
        if (!reader.expect_map(item, "an entry of `imports`")) continue;
        reader.check_keys(item, kImportKeys, "an import");
        Import entry;
        entry.source = reader.span(item);
        bool complete = true;
        for (const char* key : {"file", "movieId", "movieTitle", "categoryName"}) {
            if (!item[key]) {
                reader.diagnostics().error(entry.source, std::string("an import needs `") + key + "`",
                                           "an import names `file`, `movieId`, `movieTitle` and `categoryName`");
                complete = false;
            }
        }
        if (!complete) continue;
        auto file = reader.text(item["file"], "the import's `file`");
        auto movie_id = reader.integer(item["movieId"], "the import's `movieId`");
        auto title = reader.text(item["movieTitle"], "the import's `movieTitle`");
        auto category = reader.text(item["categoryName"], "the import's `categoryName`");
        if (!file || !movie_id || !title || !category) continue;
        entry.file = *file;
        entry.movie_id = *movie_id;
        entry.movie_title = *title;
        entry.category = *category;
        read_optional_text(reader, item, "author", entry.author);
        read_optional_text(reader, item, "title", entry.title);
        manifest.imports.push_back(std::move(entry));
    }
}

// "2026", "2026-02" or "2026-02-28" (already matched as digits) names a
// real year, month and day: 2026-13-45 and 2025-02-29 do not.
bool is_calendar_date(const std::string& date) {
    using namespace std::chrono;
    const int y = std::stoi(date.substr(0, 4));
    const unsigned m = date.size() >= 7 ? static_cast<unsigned>(std::stoi(date.substr(5, 2))) : 1;
    const unsigned d = date.size() >= 10 ? static_cast<unsigned>(std::stoi(date.substr(8, 2))) : 1;
    return year_month_day{year{y}, month{m}, day{d}}.ok();
}

// Checks the values that have a shape: language tag, date, output id.
void validate(YamlReader& reader, const YAML::Node& root, Manifest& manifest) {
    static const std::regex language_tag("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");
    if (!std::regex_match(manifest.language, language_tag)) {
        reader.diagnostics().error(reader.span(root["language"]),
                                   "`language` must be a BCP 47 tag, found `" + manifest.language + "`",
                                   "e.g. `en`, `en-GB`, `fr`");
    }
    static const std::regex date("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$");
    if (!manifest.date.empty() && !std::regex_match(manifest.date, date)) {
        reader.diagnostics().error(reader.span(root["date"]),
                                   "`date` must look like 2026-11-22, found `" + manifest.date + "`");
    } else if (!manifest.date.empty() && !is_calendar_date(manifest.date)) {
        reader.diagnostics().error(reader.span(root["date"]),
                                   "`date` " + manifest.date + " is not a day of the calendar",
                                   "months run 01-12 and days to the month's length, e.g. 2026-02-28");
    }
    // `style` names a folder under styles/: a plain name, so a manifest
    // cannot reach outside the data folder with `style: ../../etc`.
    static const std::regex style_name("^[A-Za-z0-9][A-Za-z0-9_-]*$");
    if (!std::regex_match(manifest.style, style_name)) {
        reader.diagnostics().error(reader.span(root["style"]),
                                   "`style` must be the name of a folder under styles/, found `" + manifest.style + "`",
                                   "e.g. `style: classic`");
    }
    // The EPUB's cover: a PNG, JPEG or GIF, the images every reading system shows.
    static const std::regex cover_image("^.*\\.([Pp][Nn][Gg]|[Jj][Pp][Ee]?[Gg]|[Gg][Ii][Ff])$");
    if (!manifest.cover.empty() && !std::regex_match(manifest.cover, cover_image)) {
        reader.diagnostics().error(manifest.cover_source,
                                   "`cover` must be a .png, .jpg or .gif image, found `" + manifest.cover + "`",
                                   "leave `cover` out and cinefolio sets a typographic cover");
    }
    for (const auto& film : manifest.films) {
        if (!film.cover.empty() && !std::regex_match(film.cover, cover_image))
            reader.diagnostics().error(film.cover_source,
                                       "a film's `cover` must be a .png, .jpg or .gif image, found `" + film.cover + "`",
                                       "leave it out and the film's booklet gets a typographic cover");
    }
    if (!manifest.booklets.style.empty() && !std::regex_match(manifest.booklets.style, style_name)) {
        reader.diagnostics().error(manifest.booklets.style_source,
                                   "`booklets.style` must be the name of a folder under styles/, found `" +
                                       manifest.booklets.style + "`",
                                   "e.g. `style: classic`");
    }
    static const std::regex file_stem("^[A-Za-z0-9][A-Za-z0-9._-]*$");
    if (!std::regex_match(manifest.id, file_stem)) {
        auto where = root["id"] ? reader.span(root["id"]) : base::Span{manifest.file, 0, 0};
        reader.diagnostics().error(
            where, "`id` must be a file name of letters, digits, `.`, `_` and `-`, found `" + manifest.id + "`",
            "set `id:` in the manifest, e.g. `id: closeness`");
    }
}

}  // namespace

const std::vector<std::string>& known_keys() {
    return kTopKeys;
}

std::optional<Manifest> parse(const base::SourceMap& sources, base::FileId file, base::Diagnostics& diagnostics) {
    const auto& source = sources.file(file);
    Manifest manifest;
    manifest.path = source.path;
    manifest.file = file;
    auto folder = std::filesystem::path(source.path).parent_path();
    manifest.folder = folder.empty() ? "." : folder.string();
    YamlReader reader(sources, file, diagnostics);

    auto document = reader.load();
    if (!document) return std::nullopt;
    // Read through a const reference: yaml-cpp's non-const operator[] may
    // add the keys it is asked about.
    const YAML::Node& root = *document;
    if (!root.IsMap()) {
        diagnostics.error({file, 0, 0},
                          "the manifest must be a map of keys (title, essays, ...), found " + describe(root),
                          "start with a line like `title: My Anthology`");
        return std::nullopt;
    }
    auto errors_before = diagnostics.error_count();
    reader.check_keys(root, kTopKeys, "the manifest");

    if (!root["title"] || root["title"].IsNull()) {
        diagnostics.error({file, 0, 0}, "the manifest has no `title`", "add a line like `title: My Anthology`");
    } else if (auto title = reader.text(root["title"], "`title`")) {
        manifest.title = base::collapse_whitespace(*title);
    }
    read_optional_text(reader, root, "subtitle", manifest.subtitle);
    read_optional_text(reader, root, "language", manifest.language);
    read_optional_text(reader, root, "publisher", manifest.publisher);
    read_optional_text(reader, root, "rights", manifest.rights);
    read_optional_text(reader, root, "date", manifest.date);
    read_optional_text(reader, root, "isbn", manifest.isbn);
    read_optional_text(reader, root, "identifier", manifest.identifier);
    read_optional_text(reader, root, "description", manifest.description);
    read_optional_text(reader, root, "style", manifest.style);
    if (root["style"]) manifest.style_source = reader.span(root["style"]);
    if (const YAML::Node print = root["print"]; print && !print.IsNull())
        manifest.print = read_print_overrides(reader, print);
    if (const YAML::Node booklets = root["booklets"]; booklets && !booklets.IsNull())
        manifest.booklets = read_booklet_settings(reader, booklets);
    read_optional_text(reader, root, "index", manifest.index);
    if (auto words = root["hyphenation_exceptions"];
        words && !words.IsNull() && reader.expect_sequence(words, "`hyphenation_exceptions`")) {
        for (const auto& word : words) {
            if (auto value = reader.text(word, "an entry of `hyphenation_exceptions`"))
                manifest.hyphenation_exceptions.push_back(*value);
        }
    }
    read_optional_text(reader, root, "cover", manifest.cover);
    if (root["cover"]) manifest.cover_source = reader.span(root["cover"]);
    if (root["index"]) manifest.index_source = reader.span(root["index"]);
    read_optional_text(reader, root, "id", manifest.id);
    if (manifest.id.empty()) {
        auto absolute = std::filesystem::absolute(source.path).parent_path();
        manifest.id = absolute.filename().string();
    }
    read_creators(reader, root["creators"], manifest);
    read_essays(reader, root["essays"], manifest);
    read_films(reader, root["films"], manifest);
    read_lenses(reader, root["lenses"], manifest);
    read_imports(reader, root["imports"], manifest);
    validate(reader, root, manifest);

    if (diagnostics.error_count() > errors_before) return std::nullopt;
    return manifest;
}

}  // namespace cinefolio::manifest
