#pragma once
// The build cache on disk: what one build learnt (shaped words,
// hyphenations, covers) for the next. Private to src/cli, which owns the
// file system.

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <map>
#include <string>
#include <string_view>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/base/digest.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

/// A folder of entries, one file each, named by kind and key. An entry is
/// trusted only when its header, its own key and the checksum of its bytes
/// all agree; anything else (another version's entry, a truncated write, a
/// flipped byte, a stray file) is a miss, and the entry is written again.
/// Every key includes this program's identity (its version and build id),
/// so entries of another build of cinefolio are never read. Deleting the
/// folder is always safe. Thread-safe.
class DiskCache {
public:
    DiskCache(std::string folder, base::Digest program);

    /// The key of an entry of `kind` whose contents depend on `inputs`.
    base::Digest key(std::string_view kind, const base::Hasher& inputs) const;
    /// The entry's bytes, when there is a whole one.
    std::optional<std::string> read(std::string_view kind, const base::Digest& key);
    /// Keeps an entry to store when the build has succeeded (flush): a
    /// build that fails writes no folder.
    void write(std::string_view kind, const base::Digest& key, std::string bytes);
    /// Stores the entries kept (each under a temporary name, then renamed);
    /// a folder that cannot be written is said by report(), and the build
    /// goes on. Then prunes: an entry no build has read or written for 30
    /// days goes (reading one renews it), and so does a temporary left a
    /// day ago by a writer that was killed; files that are neither are
    /// never touched.
    void flush();

    /// Counts an entry whose bytes passed the checks but that its reader
    /// could not take (restore_text_cache said no).
    void count_damaged() { ++damaged_; }

    const std::string& folder() const { return folder_; }
    struct Counts {
        std::size_t hits = 0;
        std::size_t misses = 0;   // no entry
        std::size_t damaged = 0;  // an entry that failed its checks
        std::size_t written = 0;
    };
    Counts counts() const;
    /// Notes a failure to write (once), for the end of the build.
    void report(base::Diagnostics& diagnostics) const;

private:
    std::string path_of(std::string_view kind, const base::Digest& key) const;
    void prune();

    std::string folder_;
    base::Digest program_;
    std::atomic<std::size_t> hits_{0}, misses_{0}, damaged_{0}, written_{0};
    mutable std::mutex mutex_;
    std::map<std::string, std::string> pending_;  // entry paths and the bytes to write
    std::string problem_;            // the first write that failed
};

/// The cache the options ask for (--cache DIR, else .cinefolio-cache in the
/// output folder); nullptr with --no-cache.
std::unique_ptr<DiskCache> open_cache(const Options& options);

/// What identifies this program: its version and its build id (the linker's
/// digest of the executable), so a rebuilt cinefolio never reads the
/// entries of another.
base::Digest program_identity();

}  // namespace cinefolio::cli
