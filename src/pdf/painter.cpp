// Pages, links, labels, outline and metadata with Cairo's PDF surface.

#include "painter.hpp"

#include "draw.hpp"

#include <cairo-pdf.h>

#include <charconv>
#include <vector>

namespace cinefolio::pdf {

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

/// A number for Cairo's attribute strings, independent of the C locale.
std::string number(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
    return std::string(buffer, result.ptr);
}

/// A quoted string value for Cairo's attribute syntax.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string rect(const typeset::Link& link) {
    return "rect=[" + number(link.x) + " " + number(link.y) + " " + number(link.width) + " " + number(link.height) +
           "]";
}

void paint_link(cairo_t* cr, const typeset::Link& link) {
    std::string attributes;
    if (!link.uri.empty()) {
        attributes = "uri=" + quoted(link.uri) + " " + rect(link);
    } else if (!link.destination.empty()) {
        // Named destinations: Cairo 1.16 writes no /Dest for "page=" links.
        attributes = "dest=" + quoted(link.destination) + " " + rect(link);
    } else {
        return;
    }
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
}

void paint_page(cairo_t* cr, cairo_surface_t* surface, const typeset::Page& page, const CairoFonts& fonts,
                const ImageSurfaces& images) {
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface, page.label.c_str());
    for (const auto& destination : page.destinations) {
        const std::string attributes = "name=" + quoted(destination.name) + " x=0 y=" + number(destination.y);
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
        cairo_tag_end(cr, CAIRO_TAG_DEST);
    }
    draw_page(cr, page, fonts, images);
    for (const auto& link : page.links) paint_link(cr, link);
    cairo_show_page(cr);
}

void add_outline(cairo_surface_t* surface, const typeset::PagedDocument& document) {
    // Parent ids by level: an entry hangs under the last entry one level up.
    std::vector<int> parents{CAIRO_PDF_OUTLINE_ROOT};
    for (const auto& entry : document.outline) {
        const std::size_t level = static_cast<std::size_t>(entry.level);
        if (parents.size() > level + 1) parents.resize(level + 1);
        while (parents.size() < level + 1) parents.push_back(parents.back());
        const std::string target = "page=" + std::to_string(entry.page + 1) + " pos=[0 " + number(entry.y) + "]";
        // The book and film levels start open so the essays show at once.
        const auto flags = entry.level <= 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : static_cast<cairo_pdf_outline_flags_t>(0);
        const int id =
            cairo_pdf_surface_add_outline(surface, parents[level], entry.title.c_str(), target.c_str(), flags);
        parents.push_back(id);
    }
}

void set_info(cairo_surface_t* surface, const DocumentInfo& info) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
    if (!info.author.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
    if (!info.subject.empty()) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cinefolio");
    // Fixed dates from the build moment: Cairo would otherwise stamp the
    // clock and the same book would never give the same bytes.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, info.date.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, info.date.c_str());
}

}  // namespace

std::string paint(const typeset::PagedDocument& document, const CairoFonts& fonts, const ImageSurfaces& images,
                  const DocumentInfo& info, std::string& error) {
    std::string bytes;
    {
        CairoSurface surface(
            cairo_pdf_surface_create_for_stream(append_bytes, &bytes, document.width, document.height));
        set_info(surface.get(), info);
        CairoContext cr(cairo_create(surface.get()));
        set_unhinted(cr.get());
        // Cairo 1.16 writes link annotations with /StructParent entries that
        // point at objects it never writes unless some structure element
        // encloses them; one Document element around everything keeps the
        // file sound (qpdf --check).
        cairo_tag_begin(cr.get(), "Document", "");
        for (const auto& page : document.pages) paint_page(cr.get(), surface.get(), page, fonts, images);
        cairo_tag_end(cr.get(), "Document");
        add_outline(surface.get(), document);
        cairo_status_t status = cairo_status(cr.get());
        cr.reset();
        cairo_surface_finish(surface.get());
        if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface.get());
        if (status != CAIRO_STATUS_SUCCESS) {
            error = cairo_status_to_string(status);
            return {};
        }
    }
    return bytes;
}

}  // namespace cinefolio::pdf
