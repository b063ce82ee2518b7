#pragma once
// Packs named byte strings into a ZIP archive in memory, in the order given,
// the way OCF wants an EPUB container.

#include <optional>
#include <string>
#include <vector>

#include "timestamp.hpp"

namespace cinefolio::epub {

/// One file of the archive.
struct ZipEntry {
    std::string name;
    std::string bytes;
    bool compress = true;  // false stores it (OCF: `mimetype` must be stored)
};

/// Builds the archive; every entry gets `modified` as its time so the same
/// entries always give the same bytes. nullopt with `error` set on failure.
std::optional<std::string> zip_archive(const std::vector<ZipEntry>& entries, DosTime modified, std::string& error);

}  // namespace cinefolio::epub
