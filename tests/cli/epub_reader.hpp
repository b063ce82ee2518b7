#pragma once
// Reads an .epub's entries back with libzip, for tests that look inside the
// pages the real binary wrote (no unzip tool needed on the CI machine).

#include <zip.h>

#include <map>
#include <memory>
#include <string>

namespace cinefolio::test {

/// Every entry of a ZIP file, name -> bytes; empty if it cannot be opened.
inline std::map<std::string, std::string> zip_entries(const std::string& path) {
    std::map<std::string, std::string> entries;
    int error = 0;
    std::unique_ptr<zip_t, decltype(&zip_discard)> archive(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error),
                                                            &zip_discard);
    if (!archive) return entries;
    zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0) continue;
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0),
                                                                &zip_fclose);
        if (!file) continue;
        std::string bytes(stat.size, '\0');
        if (zip_fread(file.get(), bytes.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) continue;
        entries.emplace(stat.name, std::move(bytes));
    }
    return entries;
}

}  // namespace cinefolio::test
