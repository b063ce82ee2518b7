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
    for (const std::string command : {"build", "booklets", "preview", "check", "dump"}) {
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

TEST_CASE("a mistyped command or option names the nearest one and prints one usage line", "[cli][usage]") {
    // The whole message is pinned: the error, the suggestion as a hint, and
    // the command's one usage line instead of its whole help.
    auto command = run(binary() + " biuld book.yaml");
    CHECK(command.exit_code == 2);
    CHECK(command.output ==
          "cinefolio: error: unknown command `biuld`\n"
          "  hint: did you mean `build`?\n"
          "usage: cinefolio <command> [options] BOOK.yaml\n");
    auto option = run(binary() + " build book.yaml --bookletts");
    CHECK(option.exit_code == 2);
    CHECK(option.output ==
          "cinefolio: error: unknown option `--bookletts`\n"
          "  hint: did you mean `--booklets`?\n"
          "usage: cinefolio build BOOK.yaml [-o DIR] [--format epub,pdf] [--booklets] [--profile screen|print] "
          "[--cover] [--root DIR] [--strict] [-q]\n");
    auto before_command = run(binary() + " --verison");
    CHECK(before_command.exit_code == 2);
    CHECK(before_command.output.find("did you mean `--version`?") != std::string::npos);
}

TEST_CASE("an option of another command, or nothing near, says where to look", "[cli][usage]") {
    auto elsewhere = run(binary() + " check book.yaml --booklets");
    CHECK(elsewhere.exit_code == 2);
    CHECK(elsewhere.output.find("hint: `--booklets` is an option of `build`") != std::string::npos);
    auto far_option = run(binary() + " check book.yaml --frobnicate");
    CHECK(far_option.exit_code == 2);
    CHECK(far_option.output.find("hint: `cinefolio check --help` lists the options") != std::string::npos);
    auto far_command = run(binary() + " frobnicate book.yaml");
    CHECK(far_command.exit_code == 2);
    const std::string commands =
        "hint: the commands are new, build, watch, booklets, preview, cover, check, dump and index-candidates";
    CHECK(far_command.output.find(commands) != std::string::npos);
    // One usage line, never the whole help.
    for (const auto* result : {&elsewhere, &far_option, &far_command}) {
        INFO(result->output);
        CHECK(result->output.find("commands:") == std::string::npos);
        CHECK(result->output.find("  --strict") == std::string::npos);
    }
}
