#include "xhtml.hpp"

#include <sstream>

#include "cinefolio/base/text.hpp"

namespace cinefolio::epub {

namespace {

void add_line_break(pugi::xml_node parent) { parent.append_child(pugi::node_pcdata).set_value("\n"); }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string save(const pugi::xml_document& document, unsigned flags) {
    std::ostringstream out;
    document.save(out, "  ", flags, pugi::encoding_utf8);
    return out.str();
}

}  // namespace

std::string xml_safe_text(std::string_view text) {
    std::string clean;
    clean.reserve(text.size());
    for (std::size_t offset = 0; offset < text.size();) {
        auto byte = static_cast<unsigned char>(text[offset]);
        if (byte < 0x80) {
            // XML 1.0 (Char production) has no C0 controls but these three.
            if (byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r') clean += text[offset];
            ++offset;
            continue;
        }
        // Invalid UTF-8 decodes to U+FFFD, so the output is always well formed.
        char32_t code_point = base::decode_utf8(text, offset);
        if (code_point == 0xFFFE || code_point == 0xFFFF) continue;
        base::append_utf8(clean, code_point);
    }
    return clean;
}

void add_xml_declaration(pugi::xml_document& document) {
    pugi::xml_node declaration = document.prepend_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
}

void start_xhtml(XhtmlPage& page, std::string_view language, std::string_view title,
                 std::string_view stylesheet_href, std::string_view body_type) {
    add_xml_declaration(page.document);
    add_line_break(page.document);
    page.document.append_child(pugi::node_doctype).set_value("html");
    add_line_break(page.document);
    page.html = page.document.append_child("html");
    page.html.append_attribute("xmlns") = xhtml_namespace;
    page.html.append_attribute("xmlns:epub") = epub_namespace;
    // Both attributes: `lang` for HTML readers, `xml:lang` for XML ones.
    page.html.append_attribute("lang") = std::string(language).c_str();
    page.html.append_attribute("xml:lang") = std::string(language).c_str();
    pugi::xml_node head = append_block(page.html, "head");
    pugi::xml_node charset = append_block(head, "meta");
    charset.append_attribute("charset") = "utf-8";
    append_text(append_block(head, "title"), title);
    if (!stylesheet_href.empty()) {
        pugi::xml_node link = append_block(head, "link");
        link.append_attribute("rel") = "stylesheet";
        link.append_attribute("type") = "text/css";
        link.append_attribute("href") = std::string(stylesheet_href).c_str();
    }
    add_line_break(head);
    page.body = append_block(page.html, "body");
    if (!body_type.empty()) page.body.append_attribute("epub:type") = std::string(body_type).c_str();
    add_line_break(page.html);
}

std::string serialize_xhtml(const pugi::xml_document& document) {
    return save(document, pugi::format_raw | pugi::format_no_declaration) + "\n";
}

std::string serialize_indented(const pugi::xml_document& document) {
    return save(document, pugi::format_indent | pugi::format_no_declaration);
}

pugi::xml_node append_block(pugi::xml_node parent, const char* name) {
    add_line_break(parent);
    return parent.append_child(name);
}

void append_text(pugi::xml_node parent, std::string_view text) {
    std::string clean = xml_safe_text(text);
    if (clean.empty()) return;
    // Extend a preceding text node rather than leaving runs of tiny ones.
    pugi::xml_node last = parent.last_child();
    if (last.type() == pugi::node_pcdata) {
        last.set_value((std::string(last.value()) + clean).c_str());
        return;
    }
    parent.append_child(pugi::node_pcdata).set_value(clean.c_str());
}

void set_semantics(pugi::xml_node element, const char* epub_type, const char* role) {
    if (epub_type && *epub_type) element.append_attribute("epub:type") = epub_type;
    if (role && *role) element.append_attribute("role") = role;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || !(is_ascii_letter(id[0]) || id[0] == '_')) return false;
    for (char c : id)
        if (!(is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
    return true;
}

}  // namespace cinefolio::epub
