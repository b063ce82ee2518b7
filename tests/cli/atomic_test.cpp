// Atomic output (issue 7): a build killed with SIGKILL while it works on a
// large book leaves the previous .epub and .pdf byte for byte, and the next
// build clears the temporaries the killed one left.

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <sys/wait.h>
#include <thread>

#include "cli_fixture.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;

namespace {

namespace fs = std::filesystem;

// Starts the build in the background and returns its pid.
pid_t start_build(const std::string& folder) {
    pid_t pid = ::fork();
    if (pid == 0) {
        if (::chdir(folder.c_str()) != 0) ::_exit(127);
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        ::execl(CINEFOLIO_BINARY, CINEFOLIO_BINARY, "build", "book.yaml", "-o", "out", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

}  // namespace

TEST_CASE("a build killed mid-way leaves the previous outputs intact", "[cli][atomic]") {
    Book book("atomic");
    const std::string folder = book.path("");
    auto made = make_corpus(quote(folder) + " --films 40");
    REQUIRE(made.exit_code == 0);
    auto first = run("cd " + quote(folder) + " && " + quote(CINEFOLIO_BINARY) + " build book.yaml -o out -q");
    INFO(first.output);
    REQUIRE(first.exit_code == 0);
    std::string epub_path, pdf_path;
    for (const auto& entry : fs::directory_iterator(book.path("out"))) {
        if (entry.path().extension() == ".epub") epub_path = entry.path().string();
        if (entry.path().extension() == ".pdf") pdf_path = entry.path().string();
    }
    REQUIRE_FALSE(epub_path.empty());
    REQUIRE_FALSE(pdf_path.empty());
    const std::string epub_before = slurp(epub_path);
    const std::string pdf_before = slurp(pdf_path);

    // Kill the next builds the moment a temporary output appears, that is
    // while they write; the first kill lands before that, while loading.
    int caught_writing = 0;
    for (int attempt = 0; attempt < 4; ++attempt) {
        pid_t pid = start_build(folder);
        REQUIRE(pid > 0);
        int status = 0;
        bool exited = false;
        for (bool writing = false; !writing && !exited;) {
            std::this_thread::sleep_for(std::chrono::microseconds(attempt == 0 ? 50000 : 500));
            if (attempt == 0) break;
            std::error_code ignored;
            for (const auto& entry : fs::directory_iterator(book.path("out"), ignored))
                writing = writing || entry.path().filename().string().find(".tmp-") != std::string::npos;
            exited = ::waitpid(pid, &status, WNOHANG) == pid;
        }
        if (!exited) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);  // reaped, so the next build sees its pid gone
            if (attempt > 0) ++caught_writing;
        }
        INFO("attempt " << attempt);
        // The outputs are the previous ones, untouched; or, had a build
        // renamed its file first, complete new ones: the same bytes, as
        // the input did not change.
        CHECK(slurp(epub_path) == epub_before);
        CHECK(slurp(pdf_path) == pdf_before);
    }
    CHECK(caught_writing > 0);
    // Whatever temporaries the kills left are named so no reader takes them
    // for a book, and the next build removes them.
    for (const auto& entry : fs::directory_iterator(book.path("out"))) {
        auto name = entry.path().filename().string();
        if (name == ".cinefolio-cache") continue;  // the build cache (cache_test.cpp)
        INFO(name);
        CHECK((name.ends_with(".epub") || name.ends_with(".pdf") || name.find(".tmp-") != std::string::npos));
    }
    auto last = run("cd " + quote(folder) + " && " + quote(CINEFOLIO_BINARY) + " build book.yaml -o out -q");
    REQUIRE(last.exit_code == 0);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(book.path("out"))) {
        if (entry.path().filename() == ".cinefolio-cache") continue;
        INFO(entry.path().filename().string());
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
        ++files;
    }
    CHECK(files == 2);
    CHECK(slurp(epub_path) == epub_before);
}
