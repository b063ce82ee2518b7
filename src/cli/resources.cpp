// Finding styles and fonts, and the build moment.

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "cinefolio/base/files.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

std::string data_dir() {
    // CINEFOLIO_DATA_DIR in the environment wins (an installed copy, tests);
    // otherwise the source tree this program was built from.
    if (const char* overridden = std::getenv("CINEFOLIO_DATA_DIR"); overridden && *overridden) return overridden;
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
