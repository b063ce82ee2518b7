#pragma once
// The book's file-system sandbox (private to src/cli): every file a book
// reads must lie under its root, `--root DIR` or the manifest's folder.

#include <filesystem>
#include <string>

#include "cinefolio/base/diagnostics.hpp"

namespace cinefolio::cli {

/// The folder every file the book reads must lie in. Manifests travel
/// between hands and scraped corpora are generated, so a manifest or an
/// essay must not make the build read ~/.ssh or /etc through `../`, an
/// absolute path or a symlink (Typst confines a project to its root so).
class Sandbox {
public:
    /// `explicit_root`: the user gave --root (changes the hint only).
    Sandbox(const std::string& root, bool explicit_root);

    /// True when `path`, with symlinks resolved, lies under the root.
    bool contains(const std::string& path) const;

    /// The root as the user gave it (for paths shown in messages).
    const std::string& shown_root() const { return shown_; }

    /// Reports `path` (as the input `named` it) as outside the root, at
    /// `where`, with the `--root` that would allow it (never `--root /`:
    /// the whole file system is no book's folder).
    void refuse(const base::Span& where, const std::string& what, const std::string& named, const std::string& path,
                base::Diagnostics& diagnostics) const;

private:
    std::string suggestion(const std::filesystem::path& resolved) const;

    std::filesystem::path root_;
    std::string shown_;
    bool explicit_;
};

}  // namespace cinefolio::cli
