#pragma once
// The one way tests run an outside tool (validators, PDF readers, python3,
// chromium). A tool that is not installed fails the test with its name and
// where installs belong, not with the shell's bare exit code 127: a test
// that needs a tool scripts/setup.sh does not install then fails on the
// developer's machine too, where the tool may be present by chance.
// The cinefolio binary itself is run with run() (support/process.hpp).

#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>

#include "support/process.hpp"

namespace cinefolio::test {

/// Fails the current test unless `program` is found on PATH (or, given as
/// a path, exists and is executable).
inline void require_tool(const std::string& program) {
    static std::set<std::string> found;  // each test process asks once per tool
    if (found.count(program)) return;
    if (run("command -v " + quote(program)).exit_code != 0)
        FAIL("`" << program << "` is not installed: add it to scripts/setup.sh");
    found.insert(program);
}

/// Runs `program arguments` through the shell once `program` is known to be
/// installed. `arguments` are shell words, quoted by the caller; `prefix`
/// goes before the program (environment settings, `timeout 120`).
inline CommandResult run_tool(const std::string& program, const std::string& arguments,
                              const std::string& prefix = "") {
    require_tool(program);
    return run(prefix + program + " " + arguments);
}

/// epubcheck with `arguments` (options and the quoted file). Debian's
/// /usr/bin/epubcheck is a bare jar that runs only where binfmt knows jars,
/// so the jar goes to java (NOTES.md).
inline CommandResult epubcheck(const std::string& arguments) {
    const std::string jar = "/usr/share/java/epubcheck.jar";
    if (!std::filesystem::exists(jar))
        FAIL("`epubcheck` is not installed (no " << jar << "): add it to scripts/setup.sh");
    // A short-lived JVM: the client compiler and the serial collector start
    // epubcheck about three times faster than the defaults on two cores.
    return run_tool("java", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + jar + " " + arguments);
}

/// The corpus generator (tests/bench/make_corpus.py) with `arguments`.
inline CommandResult make_corpus(const std::string& arguments) {
    return run_tool("python3", quote(CINEFOLIO_SOURCE_DIR "/tests/bench/make_corpus.py") + " " + arguments);
}

}  // namespace cinefolio::test
