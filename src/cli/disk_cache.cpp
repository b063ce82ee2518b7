// The build cache's folder and the header that guards each entry.

#include "disk_cache.hpp"

#include <elf.h>
#include <link.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>

#include "cinefolio/base/files.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// An entry: this line, the format's number, the entry's key (which names
// it), the size and digest of its bytes, then the bytes.
constexpr std::string_view magic = "cinefolio cache\n";
constexpr std::uint32_t entry_format = 1;
constexpr std::size_t header_size = magic.size() + 4 + 16 + 8 + 16;

void put_number(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get_number(std::string_view in, std::size_t at, int bytes) {
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) value |= std::uint64_t{static_cast<unsigned char>(in[at + i])} << (8 * i);
    return value;
}

// An entry's file name: its key in 32 lower-case hex digits.
bool is_entry_name(std::string_view name) {
    return name.size() == 32 && std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string_view digest_view(const base::Digest& digest) {
    return {reinterpret_cast<const char*>(digest.bytes.data()), digest.bytes.size()};
}

// The GNU build id of the executable, from its program headers.
std::string build_id() {
    std::string id;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) -> int {
            // The first object listed is the executable itself.
            auto& out = *static_cast<std::string*>(data);
            for (int h = 0; h < info->dlpi_phnum; ++h) {
                const ElfW(Phdr)& header = info->dlpi_phdr[h];
                if (header.p_type != PT_NOTE) continue;
                const char* note = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
                std::size_t left = header.p_memsz;
                while (left >= sizeof(ElfW(Nhdr))) {
                    ElfW(Nhdr) head;
                    std::memcpy(&head, note, sizeof head);
                    const std::size_t name = (head.n_namesz + 3) & ~std::size_t{3};
                    const std::size_t body = (head.n_descsz + 3) & ~std::size_t{3};
                    const std::size_t size = sizeof head + name + body;
                    if (size > left) break;
                    if (head.n_type == NT_GNU_BUILD_ID && head.n_namesz == 4 &&
                        std::memcmp(note + sizeof head, "GNU", 4) == 0) {
                        out.assign(note + sizeof head + name, head.n_descsz);
                        return 1;
                    }
                    note += size;
                    left -= size;
                }
            }
            return 1;
        },
        &id);
    return id;
}

}  // namespace

base::Digest program_identity() {
    static const base::Digest identity = [] {
        base::Hasher hasher;
        hasher.add(CINEFOLIO_VERSION);
        std::string id = build_id();
        if (id.empty()) {
            // No build id (another linker): the executable's own bytes.
            std::string error;
            id = base::read_file("/proc/self/exe", error).value_or("");
        }
        hasher.add(id);
        return hasher.finish();
    }();
    return identity;
}

DiskCache::DiskCache(std::string folder, base::Digest program) : folder_(std::move(folder)), program_(program) {}

base::Digest DiskCache::key(std::string_view kind, const base::Hasher& inputs) const {
    base::Hasher key;
    key.add(digest_view(program_)).add(kind).add(digest_view(inputs.finish()));
    return key.finish();
}

std::string DiskCache::path_of(std::string_view kind, const base::Digest& key) const {
    return (fs::path(folder_) / std::string(kind) / key.hex()).string();
}

std::optional<std::string> DiskCache::read(std::string_view kind, const base::Digest& key) {
    std::error_code code;
    const std::string path = path_of(kind, key);
    if (!fs::is_regular_file(path, code)) {
        ++misses_;
        return std::nullopt;
    }
    // No entry is near this size (the text memo of 500 films is a few MB):
    // a file this large is not one, and is not read.
    if (const auto size = fs::file_size(path, code); code || size > (std::uintmax_t{1} << 30)) {
        ++damaged_;
        return std::nullopt;
    }
    std::string error;
    auto file = base::read_file(path, error);
    const auto whole = [&](std::string_view bytes) {
        if (bytes.size() < header_size || bytes.substr(0, magic.size()) != magic) return false;
        std::size_t at = magic.size();
        if (get_number(bytes, at, 4) != entry_format) return false;
        at += 4;
        if (bytes.substr(at, 16) != digest_view(key)) return false;
        at += 16;
        if (get_number(bytes, at, 8) != bytes.size() - header_size) return false;
        at += 8;
        const std::string_view payload = bytes.substr(header_size);
        return bytes.substr(at, 16) == digest_view(base::digest(payload));
    };
    if (!file || !whole(*file)) {
        ++damaged_;
        return std::nullopt;
    }
    ++hits_;
    // Read is used: the entry's time is renewed, so pruning keeps it.
    fs::last_write_time(path, fs::file_time_type::clock::now(), code);
    return file->substr(header_size);
}

void DiskCache::write(std::string_view kind, const base::Digest& key, std::string bytes) {
    std::string entry;
    entry.reserve(header_size + bytes.size());
    entry.append(magic);
    put_number(entry, entry_format, 4);
    entry.append(digest_view(key));
    put_number(entry, bytes.size(), 8);
    entry.append(digest_view(base::digest(bytes)));
    entry.append(bytes);
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.insert_or_assign(path_of(kind, key), std::move(entry));
}

void DiskCache::flush() {
    std::map<std::string, std::string> entries;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        entries.swap(pending_);
    }
    std::string error;
    std::error_code code;
    // A tag that backup tools (and `tar --exclude-caches`) honour.
    const std::string tag = (fs::path(folder_) / "CACHEDIR.TAG").string();
    if (!entries.empty() && !fs::exists(tag, code)) {
        fs::create_directories(folder_, code);
        if (code) error = code.message();
        else
            base::write_file_atomic(tag,
                                    "Signature: 8a477f597d28d172789f06886806bc55\n"
                                    "# This folder is cinefolio's build cache; deleting it is always safe.\n",
                                    error);
    }
    for (const auto& [path, entry] : entries) {
        if (!error.empty()) break;
        fs::create_directories(fs::path(path).parent_path(), code);
        if (code) error = code.message();
        else if (base::write_file_atomic(path, entry, error)) ++written_;
    }
    if (!error.empty()) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (problem_.empty()) problem_ = error;
        return;
    }
    prune();
}

void DiskCache::prune() {
    using namespace std::chrono_literals;
    const auto now = fs::file_time_type::clock::now();
    std::error_code code;
    for (fs::directory_iterator kinds(folder_, code), end; !code && kinds != end; kinds.increment(code)) {
        std::error_code ignored;
        if (!kinds->is_directory(ignored)) continue;
        for (fs::directory_iterator it(kinds->path(), ignored); !ignored && it != end; it.increment(ignored)) {
            const std::string name = it->path().filename().string();
            const bool entry = is_entry_name(name);
            const bool temporary = !entry && name.size() > 32 && is_entry_name(name.substr(0, 32)) &&
                                   name.compare(32, 5, ".tmp-") == 0;
            if (!entry && !temporary) continue;  // not ours
            std::error_code unreadable;
            const auto modified = it->last_write_time(unreadable);
            if (unreadable || now - modified < (entry ? std::chrono::hours(24 * 30) : std::chrono::hours(24))) continue;
            fs::remove(it->path(), unreadable);
        }
    }
}

DiskCache::Counts DiskCache::counts() const { return {hits_, misses_, damaged_, written_}; }

void DiskCache::report(base::Diagnostics& diagnostics) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (problem_.empty()) return;
    diagnostics.note({}, "the build cache `" + folder_ + "` cannot be written (" + problem_ +
                             "); the files are the same without it, the next build only slower",
                     "pass --cache DIR for a folder that can be written, or --no-cache");
}

std::unique_ptr<DiskCache> open_cache(const Options& options) {
    if (!options.use_cache) return nullptr;
    std::string folder = options.cache_dir;
    if (folder.empty()) folder = (fs::path(options.output_dir) / ".cinefolio-cache").string();
    return std::make_unique<DiskCache>(std::move(folder), program_identity());
}

}  // namespace cinefolio::cli
