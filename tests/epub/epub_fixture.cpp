#include "epub_fixture.hpp"

#include <memory>

#include <catch2/catch.hpp>
#include <zip.h>

#include "sample_book.hpp"
#include "support/process.hpp"

namespace cinefolio::test {

// A valid 1x1 PNG, so the image path is exercised with a real file.
const std::string& tiny_png() {
    static const unsigned char bytes[] = {
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00,
        0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00,
        0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01,
        0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    static const std::string png(reinterpret_cast<const char*>(bytes), sizeof bytes);
    return png;
}

epub::Options sample_options() {
    epub::Options options;
    options.modified = sample_modified;
    options.stylesheet = slurp(CINEFOLIO_SOURCE_DIR "/styles/classic/epub.css");
    // The style convention the CLI follows: a url() names the file by its
    // path in the data folder, which is also its path in the package.
    for (const std::string& name : epub::stylesheet_resources(options.stylesheet))
        options.resources.push_back({name, epub::media_type_for(name), slurp(CINEFOLIO_SOURCE_DIR "/" + name)});
    options.resources.push_back({"images/still.png", "image/png", tiny_png()});
    options.cover = epub::Resource{"images/cover.png", "image/png", tiny_png()};
    return options;
}

// The sample book with one image pointing at the bundled PNG.
model::Book sample_with_image() {
    model::Book book = sample_book();
    model::Inline image{model::InlineKind::image, {}, "images/still.png", {{model::InlineKind::text, "a dot", {}, {}, {}}}, {}};
    book.parts[1].chapters[1].blocks[0].inlines.push_back(image);
    return book;
}

// Written once per process: several checks read the same bytes.
const std::string& sample_epub() {
    static const std::string bytes = [] {
        base::Diagnostics diagnostics;
        auto written = epub::write(sample_with_image(), sample_options(), diagnostics);
        REQUIRE(written);
        REQUIRE(diagnostics.all().empty());
        return *written;
    }();
    return bytes;
}

namespace {

struct ArchiveDiscard {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct FileClose {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

Unpacked unpack(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(source);
    std::unique_ptr<zip_t, ArchiveDiscard> archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!archive) zip_source_free(source);
    REQUIRE(archive);
    Unpacked unpacked;
    zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        auto index = static_cast<zip_uint64_t>(i);
        std::string name = zip_get_name(archive.get(), index, 0);
        zip_stat_t stat;
        REQUIRE(zip_stat_index(archive.get(), index, 0, &stat) == 0);
        std::unique_ptr<zip_file_t, FileClose> file(zip_fopen_index(archive.get(), index, 0));
        REQUIRE(file);
        std::string content(stat.size, '\0');
        REQUIRE(zip_fread(file.get(), content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
        unpacked.order.push_back(name);
        unpacked.files[name] = content;
    }
    zip_error_fini(&error);
    return unpacked;
}

const Unpacked& sample_files() {
    static const Unpacked unpacked = unpack(sample_epub());
    return unpacked;
}

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document document;
    pugi::xml_parse_result result = document.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata);
    INFO(result.description());
    REQUIRE(result);
    return document;
}

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// "OEBPS/text/" + "../styles/book.css" -> "OEBPS/styles/book.css".
std::string resolve(const std::string& folder, const std::string& relative) {
    std::vector<std::string> parts;
    std::string path = folder + relative;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string part = path.substr(start, end - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string joined;
    for (const auto& part : parts) joined += (joined.empty() ? "" : "/") + part;
    return joined;
}

bool is_external(const std::string& href) {
    return href.starts_with("http://") || href.starts_with("https://") || href.starts_with("mailto:");
}

std::set<std::string> ids_of(const pugi::xml_document& document) {
    std::set<std::string> ids;
    for (const pugi::xpath_node& node : document.select_nodes("//*[@id]")) ids.insert(node.node().attribute("id").value());
    return ids;
}

std::string text_of(pugi::xml_node node) { return node.text().get() + std::string(); }

// All the text under a node, as a reader sees it.
std::string all_text(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata) out += child.value();
        else out += all_text(child);
    }
    return out;
}

std::string chapter_file(const std::string& id) { return "OEBPS/text/" + id + ".xhtml"; }

unsigned read_u16(const std::string& bytes, std::size_t at) {
    return unsigned(static_cast<unsigned char>(bytes.at(at))) | unsigned(static_cast<unsigned char>(bytes.at(at + 1))) << 8;
}

unsigned read_u32(const std::string& bytes, std::size_t at) { return read_u16(bytes, at) | read_u16(bytes, at + 2) << 16; }

std::vector<DosStamp> local_header_times(const std::string& bytes) {
    std::vector<DosStamp> stamps;
    std::size_t offset = 0;
    while (bytes.compare(offset, 4, "PK\x03\x04") == 0) {
        REQUIRE((read_u16(bytes, offset + 6) & 0x8) == 0);  // general flag bit 3: data descriptor
        stamps.push_back({read_u16(bytes, offset + 10), read_u16(bytes, offset + 12)});
        // Header (30 bytes), name, extra field, compressed data.
        offset += 30 + read_u16(bytes, offset + 26) + read_u16(bytes, offset + 28) + read_u32(bytes, offset + 18);
    }
    return stamps;
}

}  // namespace cinefolio::test
