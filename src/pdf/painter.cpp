// Pages, links, labels, outline and metadata with Cairo's PDF surface.

#include "painter.hpp"

#include "cinefolio/base/progress.hpp"

#include "draw.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <charconv>
#include <optional>
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

/// The element type of a path step ("P" of "P#17").
std::string type_of(const std::string& element) { return element.substr(0, element.find('#')); }

/// The serial number of a path's innermost element (17 of ".../P#17"):
/// elements are numbered in the order the typesetter opened them.
std::int64_t serial_of(const std::string& path) {
    const std::size_t hash = path.rfind('#');
    std::int64_t serial = 0;
    if (hash != std::string::npos) std::from_chars(path.data() + hash + 1, path.data() + path.size(), serial);
    return serial;
}

/// Keeps Cairo's open structure tags equal to a run's path of elements
/// ("Part#1/Sect#3/P#17"): closes what the run is not in, opens what it is.
/// Cairo 1.16 carries open tags across pages, so a paragraph that turns
/// the page stays one P.
class StructureTags {
public:
    explicit StructureTags(cairo_t* cr) : cr_(cr) {}
    StructureTags(const StructureTags&) = delete;
    StructureTags& operator=(const StructureTags&) = delete;

    /// Moves to `path`. When anything closes or opens, `between` runs after
    /// the closing and before the opening: then only elements that hold
    /// other elements are open, and Cairo 1.16 marks content only inside
    /// elements without children, so what `between` draws is no element's
    /// text (running heads, folios) and a link tag becomes a sibling
    /// element rather than a child that would unmark a paragraph's text.
    template <typename Between>
    void enter(const std::string& path, Between&& between) {
        // Most runs go on in the element the run before was in.
        if (!entered_.empty() && path == entered_) return;
        std::vector<std::string> wanted;
        for (std::size_t start = 0; start < path.size();) {
            std::size_t end = path.find('/', start);
            if (end == std::string::npos) end = path.size();
            wanted.push_back(path.substr(start, end - start));
            start = end + 1;
        }
        std::size_t common = 0;
        while (common < open_.size() && common < wanted.size() && open_[common] == wanted[common]) ++common;
        if (common == open_.size() && common == wanted.size()) {
            entered_ = path;
            return;
        }
        while (open_.size() > common) close_innermost();
        between();
        for (std::size_t i = common; i < wanted.size(); ++i) {
            if (open_.empty()) ++top_level_;
            cairo_tag_begin(cr_, type_of(wanted[i]).c_str(), "");
            open_.push_back(wanted[i]);
            opened_.push_back(wanted[i]);
        }
        entered_ = path;
    }

    /// Closes the innermost open element.
    void close_innermost() {
        if (open_.empty()) return;
        cairo_tag_end(cr_, type_of(open_.back()).c_str());
        open_.pop_back();
        entered_.clear();  // the path entered last is no longer open
    }

    void close_all() {
        while (!open_.empty()) close_innermost();
    }

    /// Every element opened so far, in order ("Figure#20").
    const std::vector<std::string>& opened() const { return opened_; }

    /// A link tag begins: Cairo makes it an element of its own, a child
    /// of the innermost open one.
    void link() {
        if (open_.empty()) ++top_level_;
    }
    /// How many elements the Document holds so far, links included.
    std::size_t top_level() const { return top_level_; }

private:
    cairo_t* cr_;
    std::vector<std::string> open_;
    std::vector<std::string> opened_;
    std::string entered_;  // the path open_ holds, while nothing closed since
    std::size_t top_level_ = 0;
};

void paint_link(cairo_t* cr, const typeset::Link& link, StructureTags& tags) {
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
    tags.link();
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
}

/// Trim marks at each corner, outside the bleed so the knife never shows
/// them: hairlines 0.25 pt, a printers' usual weight.
void paint_crop_marks(cairo_t* cr, const Trim& trim, const PageSetup& setup) {
    const double offset = setup.bleed + crop_mark_gap;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.25);
    for (const double x : {0.0, trim.width}) {
        for (const double y : {0.0, trim.height}) {
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

/// A page's tagged runs and images in reading order: the runs as the
/// page lists them, each figure before the first run of a later element.
struct Piece {
    const typeset::GlyphRun* run = nullptr;
    const typeset::Image* image = nullptr;
    const std::string& structure() const { return run != nullptr ? run->structure : image->structure; }
};

std::vector<Piece> reading_order(const typeset::Page& page) {
    std::vector<const typeset::Image*> figures;
    for (const auto& image : page.images)
        if (!image.structure.empty()) figures.push_back(&image);
    std::vector<Piece> pieces;
    std::size_t next = 0;
    for (const auto& run : page.runs) {
        if (run.structure.empty()) continue;
        while (next < figures.size() && serial_of(figures[next]->structure) < serial_of(run.structure))
            pieces.push_back({nullptr, figures[next++]});
        pieces.push_back({&run, nullptr});
    }
    while (next < figures.size()) pieces.push_back({nullptr, figures[next++]});
    return pieces;
}

void paint_page(cairo_t* cr, cairo_surface_t* surface, const typeset::Page& page, const CairoFonts& fonts,
                const ImageSurfaces& images, const Trim& trim, const PageSetup& setup, StructureTags& tags,
                bool close_all) {
    // Everything is drawn in trim coordinates; the sheet's bleed and slug
    // lie at negative coordinates and beyond the trim.
    cairo_identity_matrix(cr);
    cairo_translate(cr, setup.bleed + setup.slug, setup.bleed + setup.slug);
    if (setup.crop_marks) paint_crop_marks(cr, trim, setup);
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface, page.label.c_str());
    for (const auto& destination : page.destinations) {
        const std::string attributes = "name=" + quoted(destination.name) + " x=0 y=" + number(destination.y);
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
        cairo_tag_end(cr, CAIRO_TAG_DEST);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    // What belongs to no element: furniture, rules, untagged images, links.
    bool loose_drawn = false;
    const auto draw_loose = [&] {
        if (loose_drawn) return;
        loose_drawn = true;
        for (const auto& image : page.images)
            if (image.structure.empty()) draw_image(cr, image, images, setup.grey_images);
        for (const auto& run : page.runs)
            if (run.structure.empty()) draw_run(cr, run, fonts);
        draw_rules(cr, page);
        if (setup.links)
            for (const auto& link : page.links) paint_link(cr, link, tags);
    };
    const std::vector<Piece> pieces = reading_order(page);
    for (const auto& piece : pieces) {
        tags.enter(piece.structure(), draw_loose);
        if (piece.run != nullptr)
            draw_run(cr, *piece.run, fonts);
        else
            draw_image(cr, *piece.image, images, setup.grey_images);
    }
    // A page inside one element from top to bottom (a long paragraph)
    // never came between elements. Its furniture stays inside the element
    // rather than split it; a link would unmark the element's text, so a
    // page with links closes the element and its text goes on in a new one.
    // Cairo 1.16 never replays a blank page's recording, tags included, so
    // a page that draws nothing must not close anything: its tags would be
    // lost and the tree would fall out of step with the pages.
    const bool draws = !page.runs.empty() || !page.images.empty() || !page.rules.empty() || setup.crop_marks;
    if (!loose_drawn && draws && (pieces.empty() || (setup.links && !page.links.empty()))) tags.close_innermost();
    draw_loose();
    // The last page that draws anything closes every element, for the same reason.
    if (close_all && draws) tags.close_all();
    cairo_show_page(cr);
}

template <typename CairoPage>
void add_outline(cairo_surface_t* surface, const typeset::PagedDocument& document, CairoPage cairo_page) {
    // Parent ids by level: an entry hangs under the last entry one level up.
    std::vector<int> parents{CAIRO_PDF_OUTLINE_ROOT};
    for (const auto& entry : document.outline) {
        const std::size_t level = static_cast<std::size_t>(entry.level);
        if (parents.size() > level + 1) parents.resize(level + 1);
        while (parents.size() < level + 1) parents.push_back(parents.back());
        const std::string target =
            "page=" + std::to_string(cairo_page(entry.page) + 1) + " pos=[0 " + number(entry.y) + "]";
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

}  // namespace

/// What the painter keeps while pages arrive: the surface, the open
/// structure tags and the pages it holds back (see `body_page`).
struct Painter::Surface {
    Surface(double width, double height, const CairoFonts& faces, const ImageSurfaces& pictures,
            const DocumentInfo& info, const PageSetup& sheet)
        : trim{width, height}, fonts(faces), images(pictures), setup(sheet) {
        const double edge = 2 * (setup.bleed + setup.slug);
        surface = CairoSurface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, width + edge, height + edge));
        if (setup.pdf_1_4) cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_4);
        set_info(surface.get(), info);
        cr = CairoContext(cairo_create(surface.get()));
        set_unhinted(cr.get());
        // Cairo 1.16 writes link annotations with /StructParent entries that
        // point at objects it never writes unless some structure element
        // encloses them; one Document element around everything keeps the
        // file sound (qpdf --check).
        cairo_tag_begin(cr.get(), "Document", "");
        tags.emplace(cr.get());
    }

    void paint(const typeset::Page& page, bool close_all) {
        paint_page(cr.get(), surface.get(), page, fonts, images, trim, setup, *tags, close_all);
    }

    Trim trim;
    std::string bytes;  // what Cairo writes
    CairoSurface surface;
    CairoContext cr;
    std::optional<StructureTags> tags;
    const CairoFonts& fonts;
    const ImageSurfaces& images;
    const PageSetup& setup;
};

namespace {

bool has_content(const typeset::Page& page) {
    return !page.runs.empty() || !page.images.empty() || !page.rules.empty();
}

}  // namespace

Painter::Painter(double width, double height, const CairoFonts& fonts, const ImageSurfaces& images,
                 const DocumentInfo& info, const PageSetup& setup)
    : surface_(std::make_unique<Surface>(width, height, fonts, images, info, setup)) {}

Painter::~Painter() = default;

void Painter::body_page(typeset::Page&& page) {
    // The body's last page that draws anything closes every element, and
    // which one that is shows only when a later one draws: the pages from
    // the last that drew wait for it.
    if (has_content(page)) flush_held(false);
    held_.push_back(std::move(page));
    ++body_pages_;
}

void Painter::flush_held(bool last) {
    for (std::size_t i = 0; i < held_.size(); ++i) {
        surface_->paint(held_[i], last && i == 0 && has_content(held_[i]));
        base::count(surface_->setup.painted);
    }
    held_.clear();
}

std::string Painter::finish(const typeset::PagedDocument& document, std::vector<std::string>& elements,
                            PageOrder& order, std::string& error) {
    Surface& s = *surface_;
    flush_held(true);
    // The rest of the pages (the front matter, which lists the body's
    // pages, so it is painted after it): the pages the body did not send.
    const std::size_t body = body_pages_;
    if (body > document.pages.size()) {
        error = "the painter was given more pages than the book has";
        return {};
    }
    const std::size_t front = document.pages.size() - body;
    order.front_pages = front;
    order.body_pages = body;
    order.body_elements = s.tags->top_level();
    std::size_t last_drawn = 0;
    for (std::size_t p = 0; p < front; ++p)
        if (has_content(document.pages[p])) last_drawn = p;
    for (std::size_t p = 0; p < front; ++p) {
        s.paint(document.pages[p], p == last_drawn);
        base::count(s.setup.painted);
    }
    for (const auto& page : padding(document, s.setup.pad_to)) s.paint(page, false);
    s.tags->close_all();
    cairo_tag_end(s.cr.get(), "Document");
    elements = s.tags->opened();
    // The outline names pages as Cairo numbers them: the body first.
    add_outline(s.surface.get(), document,
                [&](int page) { return static_cast<int>(order.painted_index(static_cast<std::size_t>(page))); });
    cairo_status_t status = cairo_status(s.cr.get());
    s.cr.reset();
    cairo_surface_finish(s.surface.get());
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(s.surface.get());
    s.surface.reset();
    if (status != CAIRO_STATUS_SUCCESS) {
        error = cairo_status_to_string(status);
        return {};
    }
    return std::move(s.bytes);
}

}  // namespace cinefolio::pdf
