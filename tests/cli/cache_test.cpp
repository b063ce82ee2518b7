// The build cache (--cache, --no-cache, .cinefolio-cache in the output
// folder): a warm build writes the bytes a cold one writes, and a damaged
// cache is never believed.

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <vector>

#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;
namespace fs = std::filesystem;

namespace {

CommandResult build(const std::string& manifest, const fs::path& out, const std::string& extra) {
    return run(quote(CINEFOLIO_BINARY) + " build " + quote(manifest) + " --booklets -q --timings -o " + quote(out) +
               " " + extra);
}

// The `timing: cache: …` line's counts: read, missing, damaged, written.
std::vector<int> cache_counts(const std::string& output) {
    std::smatch found;
    static const std::regex line(R"(cache: (\d+) read, (\d+) missing, (\d+) damaged \(ignored\), (\d+) written)");
    if (!std::regex_search(output, found, line)) return {};
    return {std::stoi(found[1]), std::stoi(found[2]), std::stoi(found[3]), std::stoi(found[4])};
}

// What the build said, without the timings (they differ run to run).
std::string messages(const std::string& output) {
    std::string kept;
    std::istringstream lines(output);
    for (std::string text; std::getline(lines, text);)
        if (text.rfind("timing: ", 0) != 0) kept += text + "\n";
    return kept;
}

// Every output file (not the cache) of two folders, byte for byte.
void same_outputs(const fs::path& a, const fs::path& b) {
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(a)) {
        if (!entry.is_regular_file()) continue;
        const auto name = entry.path().filename();
        INFO(name.string());
        const std::string left = slurp(entry.path().string());
        REQUIRE_FALSE(left.empty());
        CHECK(left == slurp((b / name).string()));
        ++files;
    }
    CHECK(files >= 4);  // the book's EPUB and PDF, a booklet's at least
    std::size_t other = 0;
    for (const auto& entry : fs::directory_iterator(b)) other += entry.is_regular_file();
    CHECK(other == files);
}

std::vector<fs::path> entries_of(const fs::path& cache) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::recursive_directory_iterator(cache))
        if (entry.is_regular_file() && entry.path().filename() != "CACHEDIR.TAG") found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("cache: a warm build writes the bytes and messages of a cold one and of --no-cache",
          "[cli][build][cache]") {
    ScratchDir work("cache-warm");
    REQUIRE(make_corpus(quote(work / "book") + " --films 3 --index").exit_code == 0);
    const std::string manifest = work / "book/book.yaml";

    auto cold = build(manifest, work / "out", "");
    INFO(cold.output);
    REQUIRE(cold.exit_code == 0);
    const auto cold_counts = cache_counts(cold.output);
    REQUIRE(cold_counts.size() == 4);
    CHECK(cold_counts[0] == 0);
    CHECK(cold_counts[2] == 0);
    // The text memo and the four covers (the book's and three booklets').
    CHECK(cold_counts[3] == 5);
    const fs::path cache = work / "out/.cinefolio-cache";
    CHECK(fs::exists(cache / "CACHEDIR.TAG"));
    CHECK(entries_of(cache).size() == 5);
    fs::copy(work / "out", work / "cold", fs::copy_options::recursive);

    auto warm = build(manifest, work / "out", "");
    INFO(warm.output);
    REQUIRE(warm.exit_code == 0);
    const auto warm_counts = cache_counts(warm.output);
    REQUIRE(warm_counts.size() == 4);
    CHECK(warm_counts[0] >= 5);
    CHECK(warm_counts[1] == 0);
    CHECK(warm_counts[2] == 0);
    CHECK(warm_counts[3] == 0);  // nothing new was learnt
    CHECK(messages(warm.output) == messages(cold.output));
    same_outputs(work / "cold", work / "out");

    auto none = build(manifest, work / "none", "--no-cache");
    REQUIRE(none.exit_code == 0);
    CHECK(cache_counts(none.output).empty());
    CHECK_FALSE(fs::exists(work / "none/.cinefolio-cache"));
    CHECK(messages(none.output) == messages(cold.output));
    same_outputs(work / "cold", work / "none");

    // --cache puts it elsewhere, and one folder serves two outputs.
    auto elsewhere = build(manifest, work / "elsewhere", "--cache " + quote(cache));
    REQUIRE(elsewhere.exit_code == 0);
    CHECK(cache_counts(elsewhere.output)[1] == 0);
    CHECK_FALSE(fs::exists(work / "elsewhere/.cinefolio-cache"));
    same_outputs(work / "cold", work / "elsewhere");
}

TEST_CASE("cache: flipped, cut, swapped and stray entries are ignored and written again",
          "[cli][build][cache]") {
    ScratchDir work("cache-damage");
    REQUIRE(make_corpus(quote(work / "book") + " --films 3 --index").exit_code == 0);
    const std::string manifest = work / "book/book.yaml";
    const fs::path cache = work / "cache";
    auto cold = build(manifest, work / "cold", "--no-cache");
    REQUIRE(cold.exit_code == 0);
    REQUIRE(build(manifest, work / "first", "--cache " + quote(cache)).exit_code == 0);
    auto entries = entries_of(cache);
    REQUIRE(entries.size() == 5);
    std::vector<std::string> bytes;
    for (const auto& entry : entries) bytes.push_back(slurp(entry.string()));

    // Each way a cache goes wrong, on every entry in turn.
    const std::vector<std::string> ways = {"flip a payload byte", "flip a header byte", "cut short", "empty",
                                           "another entry's bytes", "noise"};
    for (std::size_t way = 0; way < ways.size(); ++way) {
        DYNAMIC_SECTION(ways[way]) {
            for (std::size_t e = 0; e < entries.size(); ++e) {
                std::string damaged = bytes[e];
                switch (way) {
                    case 0: damaged[damaged.size() - 1 - (e * 7919) % (damaged.size() - 64)] ^= 0x20; break;
                    case 1: damaged[16 + e % 40] ^= 0x01; break;
                    case 2: damaged.resize(damaged.size() / (e + 2)); break;
                    case 3: damaged.clear(); break;
                    case 4: damaged = bytes[(e + 1) % bytes.size()]; break;
                    default: damaged = std::string(4000 + e, static_cast<char>(0x5a + e)); break;
                }
                write_bytes(entries[e], damaged);
            }
            write_bytes(cache / "text" / "not-an-entry", "stray");
            auto again = build(manifest, work / "again", "--cache " + quote(cache));
            INFO(again.output);
            REQUIRE(again.exit_code == 0);
            const auto counts = cache_counts(again.output);
            REQUIRE(counts.size() == 4);
            CHECK(counts[2] >= 5);  // every entry was found damaged (the text memo twice: book, booklets)
            CHECK(counts[3] == 5);  // and written again
            CHECK(messages(again.output) == messages(cold.output));
            same_outputs(work / "cold", work / "again");
            // Healed: the next build reads every entry.
            auto healed = build(manifest, work / "again", "--cache " + quote(cache));
            REQUIRE(healed.exit_code == 0);
            const auto healed_counts = cache_counts(healed.output);
            REQUIRE(healed_counts.size() == 4);
            CHECK(healed_counts[1] == 0);
            CHECK(healed_counts[2] == 0);
            same_outputs(work / "cold", work / "again");
        }
    }
}

TEST_CASE("cache: a cache folder that cannot be written is a note, and the build goes on", "[cli][build][cache]") {
    ScratchDir work("cache-unwritable");
    write_bytes(work / "in-the-way", "a file where the cache folder should be");
    auto result = run(quote(CINEFOLIO_BINARY) + " build " + quote(CINEFOLIO_SOURCE_DIR "/books/closeness/book.yaml") +
                      " -o " + quote(work / "out") + " --cache " + quote(work / "in-the-way"));
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    CHECK(result.output.find("note: the build cache") != std::string::npos);
    CHECK(result.output.find("cannot be written") != std::string::npos);
    CHECK(fs::file_size(work / "out/closeness.pdf") > 0);
    CHECK(slurp(work / "in-the-way") == "a file where the cache folder should be");
}

TEST_CASE("cache: --cache needs a folder", "[cli][usage][cache]") {
    auto result = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml --cache");
    CHECK(result.exit_code == 2);
    auto empty = run(quote(CINEFOLIO_BINARY) + " build books/closeness/book.yaml --cache ''");
    CHECK(empty.exit_code == 2);
    CHECK(empty.output.find("--cache needs a folder") != std::string::npos);
}

TEST_CASE("cache: entries no build used for 30 days are pruned, entries read are renewed, other files kept",
          "[cli][build][cache]") {
    ScratchDir work("cache-prune");
    REQUIRE(make_corpus(quote(work / "book") + " --films 2").exit_code == 0);
    const std::string manifest = work / "book/book.yaml";
    const fs::path cache = work / "cache";
    REQUIRE(build(manifest, work / "out", "--cache " + quote(cache)).exit_code == 0);
    const auto entries = entries_of(cache);
    REQUIRE(entries.size() == 4);  // the text memo, three covers
    const fs::path stale_entry = cache / "cover" / "0123456789abcdef0123456789abcdef";
    const fs::path stale_temporary = cache / "cover" / "0123456789abcdef0123456789abcdef.tmp-4194999";
    const fs::path recent_temporary = cache / "text" / "fedcba9876543210fedcba9876543210.tmp-4194998";
    const fs::path foreign = cache / "cover" / "notes.txt";
    for (const auto& path : {stale_entry, stale_temporary, recent_temporary, foreign}) write_bytes(path, "x");
    // Everything but the recent temporary is 40 days old.
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24 * 40);
    for (const auto& path : entries) fs::last_write_time(path, old);
    for (const auto& path : {stale_entry, stale_temporary, foreign}) fs::last_write_time(path, old);

    auto again = build(manifest, work / "out", "--cache " + quote(cache));
    INFO(again.output);
    REQUIRE(again.exit_code == 0);
    REQUIRE(cache_counts(again.output).size() == 4);
    CHECK(cache_counts(again.output)[0] >= 4);
    for (const auto& path : entries) {
        INFO(path);
        CHECK(fs::exists(path));  // read, so renewed
        CHECK(fs::last_write_time(path) > old + std::chrono::hours(24));
    }
    CHECK_FALSE(fs::exists(stale_entry));
    CHECK_FALSE(fs::exists(stale_temporary));
    CHECK(fs::exists(recent_temporary));
    CHECK(fs::exists(foreign));
}
