#include "zip_archive.hpp"

#include <cstdio>

#include "libzip_handles.hpp"

namespace cinefolio::epub {

namespace {

// zlib's default level: level 9 made the 100 booklets 0.06 % smaller (26.61 MB
// against 26.63) and took a tenth more time; either is deterministic.
constexpr zip_uint32_t deflate_level = 6;

// Adds one entry; the bytes are borrowed, so they must outlive zip_close.
bool add_entry(zip_t* archive, const ZipEntry& entry, DosTime modified, std::string& error) {
    ZipSource source(zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0));
    if (!source) {
        error = "cannot buffer `" + entry.name + "`: " + zip_strerror(archive);
        return false;
    }
    zip_int64_t index = zip_file_add(archive, entry.name.c_str(), source.get(), ZIP_FL_ENC_UTF_8);
    if (index < 0) {
        error = "cannot add `" + entry.name + "`: " + zip_strerror(archive);
        return false;
    }
    source.release();  // the archive owns it now
    auto position = static_cast<zip_uint64_t>(index);
    zip_int32_t method = entry.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE;
    if (zip_set_file_compression(archive, position, method, entry.compress ? deflate_level : 0) != 0 ||
        zip_file_set_dostime(archive, position, modified.time, modified.date, 0) != 0) {
        error = "cannot set up `" + entry.name + "`: " + zip_strerror(archive);
        return false;
    }
    return true;
}

// Reads the whole finished archive out of the in-memory source.
std::optional<std::string> read_back(zip_source_t* source, std::string& error) {
    if (zip_source_open(source) != 0) {
        error = std::string("cannot reopen the archive: ") + zip_error_strerror(zip_source_error(source));
        return std::nullopt;
    }
    std::string bytes;
    char buffer[1 << 16];
    zip_int64_t count = 0;
    while ((count = zip_source_read(source, buffer, sizeof buffer)) > 0) bytes.append(buffer, static_cast<std::size_t>(count));
    bool failed = count < 0;
    if (failed) error = std::string("cannot read the archive back: ") + zip_error_strerror(zip_source_error(source));
    zip_source_close(source);
    if (failed) return std::nullopt;
    return bytes;
}

}  // namespace

std::optional<std::string> zip_archive(const std::vector<ZipEntry>& entries, DosTime modified, std::string& error) {
    ZipError zip_error;
    ZipSource buffer(zip_source_buffer_create(nullptr, 0, 0, zip_error.get()));
    if (!buffer) {
        error = std::string("cannot create an in-memory archive: ") + zip_error.text();
        return std::nullopt;
    }
    ZipArchive archive(zip_open_from_source(buffer.get(), ZIP_CREATE | ZIP_TRUNCATE, zip_error.get()));
    if (!archive) {
        error = std::string("cannot open an in-memory archive: ") + zip_error.text();
        return std::nullopt;
    }
    // The archive now holds a reference to the buffer; keep one for us so the
    // bytes survive zip_close and can be read back.
    zip_source_keep(buffer.get());
    for (const ZipEntry& entry : entries)
        if (!add_entry(archive.get(), entry, modified, error)) return std::nullopt;
    if (zip_close(archive.get()) != 0) {
        error = std::string("cannot finish the archive: ") + zip_strerror(archive.get());
        return std::nullopt;
    }
    archive.release();  // zip_close freed it
    return read_back(buffer.get(), error);
}

}  // namespace cinefolio::epub
