#pragma once
// Building and serializing the XML documents of the EPUB with pugixml
// (private to src/epub): markup is never assembled from strings, so text and
// attributes are always escaped.

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace cinefolio::epub {

/// The XHTML namespace and the EPUB structural-semantics namespace.
inline constexpr const char* xhtml_namespace = "http://www.w3.org/1999/xhtml";
inline constexpr const char* epub_namespace = "http://www.idpf.org/2007/ops";

/// An XHTML content document in the making: its root and its body.
struct XhtmlPage {
    pugi::xml_document document;
    pugi::xml_node html;
    pugi::xml_node body;
};

/// Starts an XHTML5 document with `lang` and `xml:lang`, a title, the book's
/// stylesheet at `stylesheet_href` (none if empty) and epub:type on the body.
void start_xhtml(XhtmlPage& page, std::string_view language, std::string_view title,
                 std::string_view stylesheet_href, std::string_view body_type);

/// Serializes an XHTML page without adding whitespace inside elements
/// (pugixml's indenting would add spaces between inline elements).
std::string serialize_xhtml(const pugi::xml_document& document);

/// Serializes a document without mixed content (OPF, NCX, container) indented.
std::string serialize_indented(const pugi::xml_document& document);

/// Adds an XML declaration (version 1.0, UTF-8) as the document's first node.
void add_xml_declaration(pugi::xml_document& document);

/// Appends a block-level child, preceded by a line break so the serialized
/// file reads one block per line (whitespace between blocks is insignificant).
pugi::xml_node append_block(pugi::xml_node parent, const char* name);

/// Text made safe for XML 1.0: invalid UTF-8 becomes U+FFFD, characters XML
/// cannot carry (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) are dropped.
std::string xml_safe_text(std::string_view text);

/// Appends text, dropping characters XML 1.0 cannot carry (C0 controls
/// other than tab, line feed and carriage return).
void append_text(pugi::xml_node parent, std::string_view text);

/// Sets epub:type and, when DPUB-ARIA has one, the matching role (empty: none).
void set_semantics(pugi::xml_node element, const char* epub_type, const char* role);

/// True for the ids XHTML in an EPUB accepts: an XML name without colons
/// (ASCII letters, digits, '-', '_', '.'; not starting with a digit, '-' or '.').
bool is_valid_id(std::string_view id);

}  // namespace cinefolio::epub
