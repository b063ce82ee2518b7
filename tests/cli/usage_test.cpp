// Usage: help on every command, version, exit status 2 for wrong usage.

#include <catch2/catch.hpp>

#include "support/process.hpp"

using cinefolio::test::quote;
using cinefolio::test::run;

namespace {
std::string binary() { return quote(CINEFOLIO_BINARY); }
}  // namespace

TEST_CASE("--help and --version answer with status 0", "[cli][usage]") {
    auto help = run(binary() + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.output.find("usage: cinefolio <command>") != std::string::npos);
    for (const std::string command : {"build", "check", "dump"}) {
        auto result = run(binary() + " " + command + " --help");
        INFO(command << ": " << result.output);
        CHECK(result.exit_code == 0);
        CHECK(result.output.find("usage: cinefolio " + command) != std::string::npos);
    }
    auto version = run(binary() + " --version");
    CHECK(version.exit_code == 0);
    CHECK(version.output.rfind("cinefolio ", 0) == 0);
}

TEST_CASE("wrong usage exits with status 2 and says why", "[cli][usage]") {
    struct Case {
        std::string arguments;
        std::string message;
    };
    for (const auto& c : {Case{"", "no command given"}, Case{"frobnicate x.yaml", "unknown command `frobnicate`"},
                          Case{"build", "no manifest given"}, Case{"build a.yaml --bogus", "unknown option `--bogus`"},
                          Case{"build a.yaml --format mobi", "--format takes a list"},
                          Case{"build a.yaml -o", "-o needs a folder"},
                          Case{"check a.yaml b.yaml", "more than one manifest"}}) {
        auto result = run(binary() + " " + c.arguments);
        INFO(c.arguments << ": " << result.output);
        CHECK(result.exit_code == 2);
        CHECK(result.output.find(c.message) != std::string::npos);
    }
}
