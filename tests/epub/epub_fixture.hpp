#pragma once
// What the EPUB tests share: the sample EPUB (written once per process), its
// entries read back with libzip, and small pugixml helpers.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "cinefolio/epub/epub.hpp"

namespace cinefolio::test {

/// The build time the sample is written with.
inline constexpr const char* sample_modified = "2023-11-14T22:13:20Z";
/// 2023-11-14 22:13:20 as MS-DOS time and date words.
inline constexpr unsigned expected_dos_time = (22u << 11) | (13u << 5) | (20u / 2);
inline constexpr unsigned expected_dos_date = ((2023u - 1980u) << 9) | (11u << 5) | 14u;

/// A valid 1x1 PNG, so the image path is exercised with a real file.
const std::string& tiny_png();

/// The "classic" style with its fonts (subset by the backend), the PNG as
/// an image of the text and as the cover.
epub::Options sample_options();

/// The sample book with one image pointing at the PNG resource.
model::Book sample_with_image();

/// sample_with_image() written with sample_options(), once per process.
const std::string& sample_epub();

/// An archive's entries, name -> bytes, plus their order.
struct Unpacked {
    std::vector<std::string> order;
    std::map<std::string, std::string> files;
};

/// Reads every entry of an archive (libzip, with consistency checks).
Unpacked unpack(const std::string& bytes);

/// unpack(sample_epub()), once per process.
const Unpacked& sample_files();

/// Parses XML, failing the test if it is not well formed.
pugi::xml_document parse(const std::string& xml);

/// "OEBPS/text/a.xhtml" -> "OEBPS/text/".
std::string folder_of(const std::string& path);

/// "OEBPS/text/" + "../styles/book.css" -> "OEBPS/styles/book.css".
std::string resolve(const std::string& folder, const std::string& relative);

/// http, https and mailto links leave the book.
bool is_external(const std::string& href);

/// Every id attribute in a document.
std::set<std::string> ids_of(const pugi::xml_document& document);

/// The first text child of a node.
std::string text_of(pugi::xml_node node);

/// All the text under a node, as a reader sees it.
std::string all_text(pugi::xml_node node);

/// "f452008-realism" -> "OEBPS/text/f452008-realism.xhtml".
std::string chapter_file(const std::string& id);

/// Reads a little-endian 16- or 32-bit word of a ZIP header.
unsigned read_u16(const std::string& bytes, std::size_t at);
unsigned read_u32(const std::string& bytes, std::size_t at);

/// The MS-DOS time and date of one local file header.
struct DosStamp {
    unsigned time = 0;
    unsigned date = 0;
};

/// Walks an archive's local file headers in order (they must carry their
/// sizes: no data descriptors) and returns each entry's time and date.
std::vector<DosStamp> local_header_times(const std::string& bytes);

}  // namespace cinefolio::test
