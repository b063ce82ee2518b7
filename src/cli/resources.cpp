// Finding styles, fonts and templates, hyphenation patterns, and the build moment.

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "cinefolio/base/files.hpp"
#include "cinefolio/base/text.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// An installed program's data lies at a fixed place relative to the program
// (<prefix>/bin/cinefolio and <prefix>/share/cinefolio): found from the
// program's own path, so a copied or moved prefix works as well as the one
// it was installed to, and nothing depends on the source tree still being
// there. styles/ marks the folder as ours.
std::string installed_data_dir() {
    std::error_code code;
    auto program = fs::read_symlink("/proc/self/exe", code);
    if (code) return {};
    auto candidate = (program.parent_path() / CINEFOLIO_INSTALLED_DATA_DIR).lexically_normal();
    if (!fs::is_directory(candidate / "styles", code)) return {};
    return candidate.string();
}

}  // namespace

std::string data_dir() {
    // The environment wins (tests, a style being drafted elsewhere); then an
    // installed copy's own data; then the source tree the program was built
    // from, which is what a program run from its build folder has.
    if (const char* overridden = std::getenv("CINEFOLIO_DATA_DIR"); overridden && *overridden) return overridden;
    static const std::string installed = installed_data_dir();
    if (!installed.empty()) return installed;
    return CINEFOLIO_DATA_DIR;
}

std::optional<std::string> read_resource(const std::string& relative, base::Diagnostics& diagnostics) {
    auto path = (fs::path(data_dir()) / relative).string();
    std::string error;
    auto bytes = base::read_file(path, error);
    if (!bytes) {
        diagnostics.error({}, "cannot read `" + path + "`: " + error,
                          "set CINEFOLIO_DATA_DIR to the folder that holds styles/ and fonts/");
    }
    return bytes;
}

bool check_style(const manifest::Manifest& manifest, base::Diagnostics& diagnostics) {
    return check_style(manifest.style,
                       manifest.style_source.file >= 0 ? manifest.style_source : base::Span{manifest.file, 0, 0},
                       diagnostics);
}

bool check_style(const std::string& style, const base::Span& where, base::Diagnostics& diagnostics) {
    const fs::path styles = fs::path(data_dir()) / "styles";
    std::error_code code;
    if (fs::is_regular_file(styles / style / "epub.css", code)) return true;
    std::vector<std::string> names;
    for (fs::directory_iterator it(styles, code), end; !code && it != end; it.increment(code)) {
        std::error_code ignored;
        if (fs::is_regular_file(it->path() / "epub.css", ignored)) names.push_back(it->path().filename().string());
    }
    std::sort(names.begin(), names.end());
    std::string known;
    for (const auto& name : names) known += (known.empty() ? "`" : ", `") + name + "`";
    if (names.empty()) {
        diagnostics.error(where, "style `" + style + "` not found: " + styles.string() + " holds no style",
                          "set CINEFOLIO_DATA_DIR to the folder that holds styles/ and fonts/");
    } else {
        auto near = base::nearest(style, names);
        diagnostics.error(where, "style `" + style + "` not found; the styles are " + known,
                          near ? "did you mean `" + *near + "`?"
                               : "pick one of them, or add styles/" + style + "/epub.css under " + data_dir());
    }
    return false;
}

std::string hyphenation_patterns(const std::string& language, base::Diagnostics& diagnostics) {
    // libhyphen's patterns come from Debian's hyphen-* packages. A tag like
    // en-GB picks hyph_en_GB.dic; a bare `en` takes en_US, other bare tags
    // the first region installed.
    const char* overridden = std::getenv("CINEFOLIO_HYPHEN_DIR");
    fs::path folder = overridden && *overridden ? overridden : "/usr/share/hyphen";
    std::string tag = language;
    std::replace(tag.begin(), tag.end(), '-', '_');
    auto primary = base::lower_ascii(tag.substr(0, tag.find('_')));
    std::vector<fs::path> candidates{folder / ("hyph_" + tag + ".dic")};
    if (primary == "en") candidates.push_back(folder / "hyph_en_US.dic");
    // Else the language's home region (es_ES before es_AR, fr_FR, ru_RU).
    std::string region = primary;
    for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    candidates.push_back(folder / ("hyph_" + primary + "_" + region + ".dic"));
    std::error_code code;
    std::vector<fs::path> regional;
    for (const auto& entry : fs::directory_iterator(folder, code)) {
        auto name = entry.path().filename().string();
        if (name.rfind("hyph_" + primary + "_", 0) == 0 && entry.path().extension() == ".dic") regional.push_back(entry.path());
    }
    std::sort(regional.begin(), regional.end());
    candidates.insert(candidates.end(), regional.begin(), regional.end());
    for (const auto& candidate : candidates) {
        std::string error;
        if (auto bytes = base::read_file(candidate.string(), error)) return std::move(*bytes);
    }
    diagnostics.note({}, "no hyphenation patterns for language `" + language + "` in " + folder.string() +
                             "; the PDF is set without hyphenation",
                     "install Debian's hyphen-* package for the language");
    return {};
}

namespace {

// Days from 1970-01-01 to a civil date (proleptic Gregorian), so a manifest
// date becomes a timestamp without consulting the local time zone.
std::int64_t days_from_civil(int year, int month, int day) {
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int year_of_era = year - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<std::int64_t>(era) * 146097 + day_of_era - 719468;
}

}  // namespace

std::int64_t build_time(const manifest::Manifest& manifest, base::Diagnostics& diagnostics) {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        long long value = std::strtoll(epoch, &end, 10);
        if (*end == '\0' && value >= 0) return value;
        diagnostics.error({}, std::string("SOURCE_DATE_EPOCH must be a whole number of seconds, found `") + epoch + "`",
                          "e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)");
        return 0;
    }
    if (manifest.date.size() == 10) {
        return days_from_civil(std::stoi(manifest.date.substr(0, 4)), std::stoi(manifest.date.substr(5, 2)),
                               std::stoi(manifest.date.substr(8, 2))) * 86400;
    }
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace cinefolio::cli
