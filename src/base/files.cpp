#include "cinefolio/base/files.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace cinefolio::base {

std::optional<std::string> read_file(const std::string& path, std::string& error) {
    std::error_code code;
    if (std::filesystem::is_directory(path, code)) {
        error = "is a folder, not a file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "read failed";
        return std::nullopt;
    }
    return buffer.str();
}

namespace {

constexpr std::string_view temporary_marker = ".tmp-";

// The pid a temporary name ends with, or 0 when the name is not one of ours.
pid_t temporary_owner(std::string_view name, std::string_view target) {
    if (!name.starts_with(target) || name.substr(target.size(), temporary_marker.size()) != temporary_marker) return 0;
    auto digits = name.substr(target.size() + temporary_marker.size());
    if (digits.empty() || digits.size() > 9) return 0;
    pid_t pid = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return 0;
        pid = pid * 10 + (c - '0');
    }
    return pid;
}

// Flushes the folder's entry list, so the rename itself survives a crash.
void sync_folder(const std::filesystem::path& folder) {
    int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

void remove_stale_temporaries(const std::string& path) {
    namespace fs = std::filesystem;
    fs::path target(path);
    auto folder = target.parent_path();
    auto stem = target.filename().string();
    std::error_code code;
    for (fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, code), end; !code && it != end;
         it.increment(code)) {
        pid_t owner = temporary_owner(it->path().filename().string(), stem);
        // A live owner may be another build writing right now: leave it.
        if (owner <= 0 || owner == ::getpid() || ::kill(owner, 0) == 0 || errno != ESRCH) continue;
        std::error_code ignored;
        fs::remove(it->path(), ignored);
    }
}

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& error) {
    // A build killed mid-write (SIGKILL, power loss) leaves its temporary
    // behind; the next write of the same file clears such leftovers.
    remove_stale_temporaries(path);
    // The temporary lives beside the target so rename() stays on one file
    // system and is atomic; the pid keeps parallel builds apart.
    std::string temporary = path + std::string(temporary_marker) + std::to_string(::getpid());
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        auto count = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (count < 0) {
            if (errno == EINTR) continue;
            error = std::strerror(errno);
            ::close(fd);
            ::unlink(temporary.c_str());
            return false;
        }
        written += static_cast<std::size_t>(count);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        error = std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        error = std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    sync_folder(std::filesystem::path(path).parent_path());
    return true;
}

}  // namespace cinefolio::base
