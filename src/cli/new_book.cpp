// `cinefolio new DIR`: starts a book that builds at once, copied from the
// template folder templates/new/ of the data folder.
//
// The template is data beside styles/ and fonts/, not string literals in
// the program: it is a book a person reads and edits, so it is kept as the
// files they will get; the tests check and build it as it stands; and it is
// installed with the styles and fonts it needs, which the program reads
// from the data folder already.

#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cinefolio/base/files.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTemplate = "templates/new";

// The manifest's `id` (the output file stem) from the folder's name: the
// characters an id may hold, anything else a hyphen, as the manifest's own
// check asks (letters, digits, `.`, `_` and `-`, a letter or digit first).
std::string id_from(const std::string& name) {
    std::string id;
    for (char c : name) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (c >= 'A' && c <= 'Z')
            id += static_cast<char>(c - 'A' + 'a');
        else if (keep)
            id += c;
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
    std::size_t start = 0;
    while (start < id.size() && !std::isalnum(static_cast<unsigned char>(id[start]))) ++start;
    id.erase(0, start);
    return id.empty() ? "book" : id;
}

// YYYY-MM-DD of a moment, in UTC (the manifest's date has no time zone).
std::string calendar_date(std::int64_t seconds) {
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
    return buffer;
}

// Sets the value of the top-level `key:` line of a YAML text, keeping the
// comment after it in its column, so the manifest reads as written.
std::string with_value(const std::string& yaml, const std::string& key, const std::string& value) {
    const std::string prefix = key + ":";
    std::size_t line = 0;
    while (line < yaml.size()) {
        auto end = yaml.find('\n', line);
        if (end == std::string::npos) end = yaml.size();
        if (yaml.compare(line, prefix.size(), prefix) == 0) {
            auto value_start = line + prefix.size();
            auto comment = yaml.find(" #", value_start);
            auto value_end = comment < end ? comment : end;
            std::string replacement = " " + value;
            if (comment < end && replacement.size() < value_end - value_start)
                replacement.resize(value_end - value_start, ' ');
            return yaml.substr(0, value_start) + replacement + yaml.substr(value_end);
        }
        line = end + 1;
    }
    return yaml;
}

// The folder the book goes into, with any trailing `/` or `.` resolved, so
// `cinefolio new .` and `new books/x/` name the folder itself.
fs::path target_folder(const std::string& named) {
    auto path = fs::absolute(named).lexically_normal();
    if (!path.has_filename()) path = path.parent_path();
    return path;
}

// Copies the template's files into `staging`, then fills in the manifest's
// id and date; false after reporting what failed.
bool copy_template(const fs::path& from, const fs::path& staging, const std::string& id, const std::string& date,
                   base::Diagnostics& diagnostics) {
    std::error_code code;
    for (fs::recursive_directory_iterator it(from, code), end; !code && it != end; it.increment(code)) {
        if (!it->is_regular_file(code)) continue;
        auto relative = it->path().lexically_relative(from);
        std::string error;
        auto bytes = base::read_file(it->path().string(), error);
        if (bytes && relative == "book.yaml") *bytes = with_value(with_value(*bytes, "id", id), "date", date);
        auto destination = staging / relative;
        fs::create_directories(destination.parent_path(), code);
        if (!bytes || !base::write_file_atomic(destination.string(), *bytes, error)) {
            diagnostics.error({}, "cannot copy the template's `" + relative.string() + "`: " + error);
            return false;
        }
    }
    if (code) diagnostics.error({}, "cannot read the template folder `" + from.string() + "`: " + code.message());
    return !code;
}

// Moves the staged book into place: a rename when the folder is new, else
// (an empty folder, perhaps the shell's own) its entries one by one.
bool move_into_place(const fs::path& staging, const fs::path& target, bool target_exists,
                     base::Diagnostics& diagnostics) {
    std::error_code code;
    if (!target_exists) {
        fs::rename(staging, target, code);
    } else {
        for (fs::directory_iterator it(staging, code), end; !code && it != end; it.increment(code))
            fs::rename(it->path(), target / it->path().filename(), code);
        if (!code) fs::remove(staging, code);
    }
    if (code) diagnostics.error({}, "cannot create `" + target.string() + "`: " + code.message());
    return !code;
}

int scaffold(const Options& options, base::Diagnostics& diagnostics) {
    const auto target = target_folder(options.new_dir);
    std::error_code code;
    const bool exists = fs::exists(target, code);
    if (exists && !fs::is_directory(target, code)) {
        diagnostics.error({}, "`" + options.new_dir + "` exists and is not a folder",
                          "name a new folder, e.g. `cinefolio new my-anthology`");
        return kInputError;
    }
    if (exists && !fs::is_empty(target, code)) {
        diagnostics.error({}, "`" + options.new_dir + "` is not empty",
                          "`new` starts a book in a new or empty folder, so it never overwrites a file");
        return kInputError;
    }
    const fs::path from = fs::path(data_dir()) / kTemplate;
    if (!fs::is_regular_file(from / "book.yaml", code)) {
        diagnostics.error({}, "no book template at `" + from.string() + "`",
                          "set CINEFOLIO_DATA_DIR to the folder that holds templates/, styles/ and fonts/");
        return kInputError;
    }
    fs::create_directories(target.parent_path(), code);
    // Staged beside the target, on the same file system, so a failure
    // part-way leaves no half-made book behind.
    const auto staging =
        target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    fs::remove_all(staging, code);
    const auto date = calendar_date(build_time(manifest::Manifest{}, diagnostics));
    if (diagnostics.has_errors() ||
        !copy_template(from, staging, id_from(target.filename().string()), date, diagnostics) ||
        !move_into_place(staging, target, exists, diagnostics)) {
        fs::remove_all(staging, code);
        return kInputError;
    }
    if (!options.quiet) {
        auto manifest = (fs::path(options.new_dir) / "book.yaml").lexically_normal().string();
        std::cout << "created " << manifest << ", its essays and index\n"
                  << "build it with: cinefolio build " << manifest << "\n";
    }
    return kSuccess;
}

}  // namespace

int new_book(const Options& options) {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    int status = scaffold(options, diagnostics);
    for (const auto& item : diagnostics.all()) std::cerr << base::format(item, sources);
    return status;
}

}  // namespace cinefolio::cli
