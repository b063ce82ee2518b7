// The book's file-system sandbox: paths are resolved (symlinks included)
// before they are compared with the root.

#include "sandbox.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

Sandbox::Sandbox(const std::string& root, bool explicit_root) : shown_(root), explicit_(explicit_root) {
    std::error_code ignored;
    root_ = fs::weakly_canonical(fs::absolute(root), ignored);
}

bool Sandbox::contains(const std::string& path) const {
    // weakly_canonical resolves every symlink of the part that exists, so a
    // link inside the root that points out of it is caught like `../`.
    std::error_code code;
    auto resolved = fs::weakly_canonical(fs::absolute(path), code);
    if (code) return false;
    auto relative = resolved.lexically_relative(root_);
    return !relative.empty() && *relative.begin() != "..";
}

void Sandbox::refuse(const base::Span& where, const std::string& what, const std::string& named,
                     const std::string& path, base::Diagnostics& diagnostics) const {
    std::error_code ignored;
    auto resolved = fs::weakly_canonical(fs::absolute(path), ignored);
    std::string message = what + " `" + named + "` is outside the book's root `" + shown_ + "`";
    if (resolved != fs::absolute(path).lexically_normal()) message += " (it resolves to " + resolved.string() + ")";
    const std::string folder = suggestion(resolved);
    std::string hint;
    if (folder == "/")
        hint = "a book reads only files under its root; copy the file into `" + shown_ + "`";
    else if (explicit_)
        hint = "to allow it, pass a `--root` folder that holds it, e.g. `--root " + folder + "`";
    else
        hint = "a book reads only files under its manifest's folder; to allow this, pass `--root " + folder +
               "` (a folder holding both)";
    diagnostics.error(where, message, hint);
}

// The nearest folder holding both the root and the file.
std::string Sandbox::suggestion(const fs::path& resolved) const {
    fs::path common;
    for (auto a = root_.begin(), b = resolved.begin(); a != root_.end() && b != resolved.end() && *a == *b; ++a, ++b)
        common /= *a;
    return common.empty() ? "/" : common.string();
}

}  // namespace cinefolio::cli
