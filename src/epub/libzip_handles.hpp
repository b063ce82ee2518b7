#pragma once
// RAII owners for libzip objects (private to src/epub), so every path out of
// the archive writer frees what it made.

#include <memory>

#include <zip.h>

namespace cinefolio::epub {

/// Frees a source we still own (one never handed to an archive, or kept
/// alive with zip_source_keep to read the finished bytes back).
struct ZipSourceFree {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using ZipSource = std::unique_ptr<zip_source_t, ZipSourceFree>;

/// Abandons an archive that was never closed successfully; a closed one is
/// released from the pointer first, since zip_close already freed it.
struct ZipDiscard {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipDiscard>;

/// Clears a zip_error_t when it goes out of scope.
class ZipError {
public:
    ZipError() { zip_error_init(&error_); }
    ~ZipError() { zip_error_fini(&error_); }
    ZipError(const ZipError&) = delete;
    ZipError& operator=(const ZipError&) = delete;
    zip_error_t* get() { return &error_; }
    const char* text() { return zip_error_strerror(&error_); }

private:
    zip_error_t error_;
};

}  // namespace cinefolio::epub
