// `watch`: build, then build again whenever a file of the book changes.
// Polling, not inotify: it sees every editor's way of saving (in place,
// renamed over, deleted and written anew) and files on any file system.

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "cli.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted = true; }

// Ctrl-C (or a TERM) lets the build under way finish and write its files
// whole; the handler resets itself, so a second Ctrl-C stops at once.
void catch_interrupts() {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

struct FileState {
    fs::file_time_type modified;
    std::uintmax_t size = 0;
    bool operator==(const FileState&) const = default;
};

using Snapshot = std::map<std::string, FileState>;

/// What the book is read from: the book's folder (every file under it, so
/// a new essay in a folder or glob the manifest names counts) and the
/// folder of each file the build read outside it (the style's files).
struct Watched {
    fs::path root;                  // walked recursively
    std::vector<fs::path> folders;  // their files only
    fs::path output;                // never watched: the build writes there
    fs::path cache;                 // nor is --cache DIR (empty: the default, inside the output)
    bool operator==(const Watched&) const = default;
};

fs::path normal(const fs::path& path) {
    std::error_code code;
    fs::path absolute = fs::weakly_canonical(fs::absolute(path, code), code);
    return code ? path.lexically_normal() : absolute;
}

bool inside(const fs::path& path, const fs::path& folder) {
    auto [end, unused] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
    return end == folder.end();
}

Watched watched_paths(const Options& options, const base::SourceMap& sources) {
    Watched watched;
    const fs::path root = normal(options.root_dir.empty() ? fs::path(options.manifest_path).parent_path() / "."
                                                          : fs::path(options.root_dir));
    watched.root = root;
    watched.output = normal(options.output_dir);
    if (!options.cache_dir.empty()) watched.cache = normal(options.cache_dir);
    std::set<fs::path> folders;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const fs::path file = normal(sources.file(static_cast<base::FileId>(i)).path);
        if (!inside(file, root)) folders.insert(file.parent_path());
    }
    watched.folders.assign(folders.begin(), folders.end());
    return watched;
}

void add_file(Snapshot& snapshot, const fs::directory_entry& entry) {
    std::error_code code;
    if (!entry.is_regular_file(code) || code) return;
    FileState state;
    state.modified = entry.last_write_time(code);
    if (code) return;
    state.size = entry.file_size(code);
    if (code) return;
    snapshot[entry.path().string()] = state;
}

Snapshot take_snapshot(const Watched& watched) {
    Snapshot snapshot;
    std::error_code code;
    fs::recursive_directory_iterator it(watched.root, fs::directory_options::skip_permission_denied, code);
    for (; !code && it != fs::recursive_directory_iterator(); it.increment(code)) {
        const auto& entry = *it;
        const std::string name = entry.path().filename().string();
        // Hidden folders (.git, a cache), the output folder and the build
        // cache's are not the book.
        std::error_code unreadable;  // an entry gone since the listing is skipped, not the walk
        if (entry.is_directory(unreadable)) {
            const fs::path folder = normal(entry.path());
            if ((!name.empty() && name[0] == '.') || folder == watched.output ||
                (!watched.cache.empty() && folder == watched.cache))
                it.disable_recursion_pending();
            continue;
        }
        if (!name.empty() && name[0] != '.') add_file(snapshot, entry);
    }
    code.clear();
    for (const auto& folder : watched.folders) {
        for (fs::directory_iterator file(folder, code), end; !code && file != end; file.increment(code))
            add_file(snapshot, *file);
        code.clear();
    }
    return snapshot;
}

/// The files added, changed or removed between two snapshots, sorted.
std::vector<std::string> changes(const Snapshot& before, const Snapshot& after) {
    std::vector<std::string> changed;
    for (const auto& [path, state] : after) {
        auto found = before.find(path);
        if (found == before.end() || !(found->second == state)) changed.push_back(path);
    }
    for (const auto& [path, state] : before)
        if (!after.contains(path)) changed.push_back(path);
    std::sort(changed.begin(), changed.end());
    return changed;
}

/// "essays/a.md", or "essays/a.md and 3 more files", relative to the working folder.
std::string describe(const std::vector<std::string>& changed) {
    std::error_code code;
    const fs::path here = fs::current_path(code);
    fs::path first = changed.front();
    if (!code) {
        const fs::path relative = fs::path(first).lexically_relative(here);
        if (!relative.empty() && *relative.begin() != "..") first = relative;
    }
    std::string text = first.string();
    if (changed.size() > 1)
        text += " and " + std::to_string(changed.size() - 1) + " more file" + (changed.size() > 2 ? "s" : "");
    return text;
}

constexpr auto poll_interval = std::chrono::milliseconds(200);
// An editor may save in steps (write, rename, touch): the files must be
// still for this long before the build starts.
constexpr auto settle_time = std::chrono::milliseconds(100);

/// "1.23 s" since `start`.
std::string seconds_since(std::chrono::steady_clock::time_point start) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", seconds);
    return text;
}

}  // namespace

int watch(const Options& options) {
    catch_interrupts();
    auto start = std::chrono::steady_clock::now();
    base::SourceMap sources;
    int status = run_once(options, sources);
    Watched watched = watched_paths(options, sources);
    Snapshot snapshot = take_snapshot(watched);
    if (!options.quiet)
        std::cout << (status == kSuccess ? "built" : "failed") << " in " << seconds_since(start) << "; watching "
                  << snapshot.size() << " files (Ctrl-C stops)" << std::endl;
    int rebuilds = 0;
    while (!interrupted && (options.rebuilds == 0 || rebuilds < options.rebuilds)) {
        std::this_thread::sleep_for(poll_interval);
        Snapshot now = take_snapshot(watched);
        auto changed = changes(snapshot, now);
        if (changed.empty()) continue;
        // Wait until the files stand still, then build what they say.
        for (int i = 0; i < 50 && !interrupted; ++i) {
            std::this_thread::sleep_for(settle_time);
            Snapshot later = take_snapshot(watched);
            if (later == now) break;
            now = std::move(later);
        }
        if (interrupted) break;
        changed = changes(snapshot, now);
        if (!options.quiet) std::cout << "changed: " << describe(changed) << std::endl;
        start = std::chrono::steady_clock::now();
        base::SourceMap rebuilt_sources;
        status = run_once(options, rebuilt_sources);
        ++rebuilds;
        // The files as they were when this build read them: a save during
        // the build is seen at the next poll. A rebuild may read files
        // elsewhere (another style), which are watched from now on.
        snapshot = std::move(now);
        if (Watched next = watched_paths(options, rebuilt_sources); !(next == watched)) {
            watched = std::move(next);
            snapshot = take_snapshot(watched);
        }
        if (!options.quiet) {
            if (status == kSuccess)
                std::cout << "rebuilt in " << seconds_since(start) << std::endl;
            else
                std::cout << "not rebuilt: the book has errors (the files written before stay); fix them and save"
                          << std::endl;
        }
    }
    return status;
}

}  // namespace cinefolio::cli
