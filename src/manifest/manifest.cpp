// book.yaml -> Manifest. Every type error is reported at the node's line
// and column; unknown keys are warnings naming the nearest known key.

#include "cinefolio/manifest/manifest.hpp"

#include <filesystem>
#include <regex>

#include "cinefolio/base/text.hpp"
#include "metadata.hpp"
#include "print_keys.hpp"
#include "yaml_reader.hpp"

namespace cinefolio::manifest {

namespace {

const std::vector<std::string> kTopKeys = {
    "title", "subtitle",   "creators",    "language",  "id",     "essays",
    "films", "lenses",     "imports",     "publisher", "rights", "date",
    "isbn",  "identifier", "description", "style",     "index",  "hyphenation_exceptions",
    "cover", "print", "hyphenation", "print_isbn", "exclude", "back_cover", "booklets", "edition", "printing"};
// Keys other tools (or habit) use for what ours call otherwise; edit
// distance alone would not find them.
const std::vector<std::pair<std::string, std::string>> kTopTwins = {{"author", "creators"},
                                                                    {"authors", "creators"},
                                                                    {"editor", "creators"},
                                                                    {"editors", "creators"},
                                                                    {"creator", "creators"},
                                                                    {"lang", "language"},
                                                                    {"locale", "language"},
                                                                    {"essay", "essays"},
                                                                    {"film", "films"},
                                                                    {"movies", "films"},
                                                                    {"lens", "lenses"},
                                                                    {"categories", "lenses"},
                                                                    {"import", "imports"},
                                                                    {"theme", "style"},
                                                                    {"excludes", "exclude"},
                                                                    {"ignore", "exclude"},
                                                                    {"hyphenate", "hyphenation"},
                                                                    {"booklet", "booklets"}};
const std::vector<std::string> kFilmKeys = {"id", "year", "director", "title", "cover"};
const std::vector<std::string> kLensKeys = {"name", "label"};
const std::vector<std::string> kImportKeys = {"file", "movieId", "movieTitle", "categoryName", "author", "title"};

// Scalars that fill plain string fields.
// A printer's key counts down from the ten above the printing.
constexpr int largest_printing = 99;

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

// `essays:` and `exclude:`: one path or glob, or a list of them.
void read_patterns(YamlReader& reader, const YAML::Node& node, const std::string& key,
                   std::vector<EssayPattern>& patterns) {
    if (!node || node.IsNull()) return;
    if (node.IsScalar()) {
        patterns.push_back({node.Scalar(), reader.span(node)});
        return;
    }
    if (!reader.expect_sequence(node, "`" + key + "`")) return;
    for (const auto& item : node) {
        if (auto value = reader.text(item, "an entry of `" + key + "`"))
            patterns.push_back({*value, reader.span(item)});
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

// Checks the values that name files and folders: style, cover, output id
// (the book's metadata is checked in metadata.cpp).
void validate(YamlReader& reader, const YAML::Node& root, Manifest& manifest) {
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
    reader.check_keys(root, kTopKeys, "the manifest", kTopTwins);

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
    read_optional_text(reader, root, "print_isbn", manifest.print_isbn);
    read_optional_text(reader, root, "identifier", manifest.identifier);
    read_optional_text(reader, root, "edition", manifest.edition);
    if (const YAML::Node printing = root["printing"]; printing && !printing.IsNull()) {
        auto number = reader.integer(printing, "`printing`");
        if (number && (*number < 1 || *number > largest_printing)) {
            diagnostics.error(reader.span(printing),
                              "`printing` must be between 1 and " + std::to_string(largest_printing) + ", found `" +
                                  printing.Scalar() + "`",
                              "the number of this printing: 1 for the first, 2 for the second…");
            number.reset();
        }
        if (number) manifest.printing = static_cast<int>(*number);
    }
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
    if (const YAML::Node hyphenation = root["hyphenation"];
        hyphenation && !hyphenation.IsNull() && reader.expect_map(hyphenation, "`hyphenation`")) {
        reader.check_keys(hyphenation, {"names"}, "`hyphenation`");
        if (const YAML::Node names = hyphenation["names"]; names && !names.IsNull()) {
            if (names.IsScalar() && (names.Scalar() == "true" || names.Scalar() == "false"))
                manifest.hyphenate_names = names.Scalar() == "true";
            else
                diagnostics.error(reader.span(names), "`hyphenation.names`: expected true or false, found " + describe(names),
                                  "`names: true` lets capitalised words (names, titles) take hyphens");
        }
    }
    read_optional_text(reader, root, "cover", manifest.cover);
    // The back's text keeps its blank lines: they part its paragraphs.
    if (auto node = root["back_cover"]; node && !node.IsNull()) {
        if (auto value = reader.text(node, "`back_cover`")) manifest.back_cover = *value;
    }
    if (root["cover"]) manifest.cover_source = reader.span(root["cover"]);
    if (root["index"]) manifest.index_source = reader.span(root["index"]);
    read_optional_text(reader, root, "id", manifest.id);
    if (manifest.id.empty()) {
        auto absolute = std::filesystem::absolute(source.path).parent_path();
        manifest.id = absolute.filename().string();
    }
    read_creators(reader, root["creators"], manifest);
    read_patterns(reader, root["essays"], "essays", manifest.essays);
    read_patterns(reader, root["exclude"], "exclude", manifest.exclude);
    read_films(reader, root["films"], manifest);
    read_lenses(reader, root["lenses"], manifest);
    read_imports(reader, root["imports"], manifest);
    check_metadata(reader, sources, root, manifest);
    validate(reader, root, manifest);

    if (diagnostics.error_count() > errors_before) return std::nullopt;
    return manifest;
}

}  // namespace cinefolio::manifest
