#pragma once
// File-system access for the CLI and loaders: read whole files, write
// atomically (temporary name, then rename) so a failed build never leaves a
// half-written output.

#include <optional>
#include <string>
#include <string_view>

namespace cinefolio::base {

/// Reads a whole file as bytes; nullopt with `error` set if it cannot.
std::optional<std::string> read_file(const std::string& path, std::string& error);

/// Writes bytes to `path` through a temporary file in the same folder and a
/// rename; returns false with `error` set on failure (the target untouched).
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& error);

/// Removes `<path>.tmp-<pid>` files left by writers that no longer run (a
/// build killed mid-write); write_file_atomic calls it before writing.
void remove_stale_temporaries(const std::string& path);

}  // namespace cinefolio::base
