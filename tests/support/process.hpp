#pragma once
// Test helpers: run a shell command and capture its output and exit code,
// make scratch folders. Tests run the cinefolio binary with run(); outside
// tools (epubcheck, qpdf, pdftotext, ...) go through run_tool() in
// support/tools.hpp, which fails clearly when one is not installed.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace cinefolio::test {

struct CommandResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

/// Runs `command` through /bin/sh with stderr folded into stdout.
inline CommandResult run(const std::string& command) {
    CommandResult result;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, count);
    int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    // The shell's "sh: 1: NAME: not found" for an outside tool called
    // without run_tool() (support/tools.hpp): say where it belongs.
    const auto missing = result.output.find(": not found");
    if (result.exit_code == 127 && missing != std::string::npos && missing > 0) {
        const auto name = result.output.rfind(": ", missing - 1);
        const auto program = name == std::string::npos ? "" : result.output.substr(name + 2, missing - name - 2);
        if (!program.empty() && program.find("cinefolio") == std::string::npos)
            result.output += "\n[`" + program +
                             "` is not installed: add it to scripts/setup.sh (and run it with "
                             "run_tool() from support/tools.hpp)]\n";
    }
    return result;
}

/// Quotes a path for the shell.
inline std::string quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

/// A fresh empty folder under the build's temp area, removed on destruction.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& name) {
        path_ = std::filesystem::temp_directory_path() / ("cinefolio-test-" + name + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }
    /// Writes a file (creating folders) and returns its path.
    std::string write(const std::string& name, const std::string& content) const {
        auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
        return file.string();
    }

private:
    std::filesystem::path path_;
};

/// Reads a whole file ("" if missing).
inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace cinefolio::test
