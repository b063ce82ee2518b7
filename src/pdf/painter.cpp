// Pages, links, labels, outline and metadata with Cairo's PDF surface.

#include "painter.hpp"

#include "draw.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <vector>

#include "cinefolio/model/url.hpp"

namespace cinefolio::pdf {

namespace {

// Crop marks start this far outside the bleed and run this long (points):
// the usual 1/8 in gap and 1/4 in mark.
constexpr double crop_mark_gap = 9;
constexpr double crop_mark_length = 18;

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

/// A web address as it can go through Cairo into the PDF, or empty when the
/// URL rule (model/url.hpp) refuses it. Cairo 1.16 writes the attribute's
/// bytes into `/URI (…)` unescaped (cairo-pdf-interchange.c), so an
/// unbalanced parenthesis or a backslash would end or escape the PDF string
/// early and damage the file. The rule already encodes backslashes;
/// parentheses are percent-encoded here, which servers read alike and
/// which stays right should a later Cairo escape the string itself.
std::string pdf_uri(const std::string& uri) {
    const model::WebAddress address = model::normalise_web_url(uri, {});
    std::string out;
    if (!address.problem.empty()) return out;
    for (char c : address.href) {
        if (c == '(')
            out += "%28";
        else if (c == ')')
            out += "%29";
        else
            out += c;
    }
    return out;
}

std::string rect(const typeset::Link& link) {
    return "rect=[" + number(link.x) + " " + number(link.y) + " " + number(link.width) + " " + number(link.height) +
           "]";
}

void paint_link(cairo_t* cr, const typeset::Link& link) {
    std::string attributes;
    if (!link.uri.empty()) {
        const std::string uri = pdf_uri(link.uri);
        if (uri.empty()) return;
        attributes = "uri=" + quoted(uri) + " " + rect(link);
    } else if (!link.destination.empty()) {
        // Named destinations: Cairo 1.16 writes no /Dest for "page=" links.
        attributes = "dest=" + quoted(link.destination) + " " + rect(link);
    } else {
        return;
    }
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
}

/// Trim marks at each corner, outside the bleed so the knife never shows
/// them: hairlines 0.25 pt, a printers' usual weight.
void paint_crop_marks(cairo_t* cr, const typeset::PagedDocument& document, const PageSetup& setup) {
    const double offset = setup.bleed + crop_mark_gap;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.25);
    for (const double x : {0.0, document.width}) {
        for (const double y : {0.0, document.height}) {
            const double outward_x = x == 0 ? -1 : 1;
            const double outward_y = y == 0 ? -1 : 1;
            cairo_move_to(cr, x + outward_x * offset, y);
            cairo_line_to(cr, x + outward_x * (offset + crop_mark_length), y);
            cairo_move_to(cr, x, y + outward_y * offset);
            cairo_line_to(cr, x, y + outward_y * (offset + crop_mark_length));
        }
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void paint_page(cairo_t* cr, cairo_surface_t* surface, const typeset::Page& page, const CairoFonts& fonts,
                const ImageSurfaces& images, const typeset::PagedDocument& document, const PageSetup& setup) {
    // Everything is drawn in trim coordinates; the sheet's bleed and slug
    // lie at negative coordinates and beyond the trim.
    cairo_identity_matrix(cr);
    cairo_translate(cr, setup.bleed + setup.slug, setup.bleed + setup.slug);
    if (setup.crop_marks) paint_crop_marks(cr, document, setup);
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface, page.label.c_str());
    for (const auto& destination : page.destinations) {
        const std::string attributes = "name=" + quoted(destination.name) + " x=0 y=" + number(destination.y);
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
        cairo_tag_end(cr, CAIRO_TAG_DEST);
    }
    draw_page(cr, page, fonts, images, setup.grey_images);
    if (setup.links)
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

/// The blank pages that pad the book to a multiple of `pad_to`, labelled on
/// from the last folio when it is a number.
std::vector<typeset::Page> padding(const typeset::PagedDocument& document, int pad_to) {
    const std::size_t multiple = static_cast<std::size_t>(std::max(pad_to, 1));
    const std::size_t count = (multiple - document.pages.size() % multiple) % multiple;
    std::vector<typeset::Page> pages(count);
    int last = 0;
    const std::string label = document.pages.empty() ? std::string() : document.pages.back().label;
    const auto parsed = std::from_chars(label.data(), label.data() + label.size(), last);
    const bool numbered = !label.empty() && parsed.ec == std::errc() && parsed.ptr == label.data() + label.size();
    for (std::size_t i = 0; i < count; ++i)
        if (numbered) pages[i].label = std::to_string(last + 1 + static_cast<int>(i));
    return pages;
}

void paint_pages(cairo_t* cr, cairo_surface_t* surface, const typeset::PagedDocument& document,
                 const CairoFonts& fonts, const ImageSurfaces& images, const PageSetup& setup) {
    for (const auto& page : document.pages) paint_page(cr, surface, page, fonts, images, document, setup);
    for (const auto& page : padding(document, setup.pad_to))
        paint_page(cr, surface, page, fonts, images, document, setup);
}

}  // namespace

std::string paint(const typeset::PagedDocument& document, const CairoFonts& fonts, const ImageSurfaces& images,
                  const DocumentInfo& info, const PageSetup& setup, std::string& error) {
    std::string bytes;
    {
        const double edge = 2 * (setup.bleed + setup.slug);
        CairoSurface surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, document.width + edge,
                                                                 document.height + edge));
        if (setup.pdf_1_4) cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_4);
        set_info(surface.get(), info);
        CairoContext cr(cairo_create(surface.get()));
        set_unhinted(cr.get());
        // Cairo 1.16 writes link annotations with /StructParent entries that
        // point at objects it never writes unless some structure element
        // encloses them; one Document element around everything keeps the
        // file sound (qpdf --check).
        cairo_tag_begin(cr.get(), "Document", "");
        paint_pages(cr.get(), surface.get(), document, fonts, images, setup);
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
