#pragma once
// Runs the real cinefolio binary on small books written into a scratch
// folder, so each test sees exactly what a user would.

#include <string>

#include "support/process.hpp"

namespace cinefolio::test {

/// A well-formed essay's front matter with the given lens.
inline std::string essay(const std::string& lens, const std::string& body = "Some text about the film.\n",
                         const std::string& film = "452008") {
    return "---\nmovieId: " + film + "\nmovieTitle: Closeness\ncategoryName: " + lens + "\n---\n\n" + body;
}

/// A scratch book: a manifest plus essays, built or checked by the binary.
class Book {
public:
    explicit Book(const std::string& name) : dir_(name) {}
    std::string write(const std::string& name, const std::string& content) const { return dir_.write(name, content); }
    std::string path(const std::string& name) const { return dir_ / name; }
    /// Runs `cinefolio <command> book.yaml <extra>` from the scratch folder,
    /// so messages name files as `book.yaml`, `essays/a.md`.
    CommandResult run(const std::string& command, const std::string& extra = "") const {
        return test::run("cd " + quote(dir_.path().string()) + " && " + quote(CINEFOLIO_BINARY) + " " + command +
                         " book.yaml " + extra);
    }
    bool has_output() const { return std::filesystem::exists(dir_.path() / "out"); }

private:
    ScratchDir dir_;
};

}  // namespace cinefolio::test
