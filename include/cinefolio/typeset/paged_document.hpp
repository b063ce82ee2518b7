#pragma once
// The typesetter's output: pages of positioned glyph runs, rules, images and
// links, plus the outline and the page of every anchor. Plain data, std types only;
// a painter needs nothing else (and the fonts) to draw it.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cinefolio::typeset {

/// The faces a book is set in; the painter maps each to a loaded font.
enum class FontStyle : std::uint8_t { regular, italic, bold, bold_italic, mono };

/// How many FontStyle values there are (for arrays indexed by style).
inline constexpr std::size_t font_style_count = 5;

/// One glyph at an absolute position (points, origin top left, y down).
struct Glyph {
    std::uint32_t id = 0;
    double x = 0;
    double y = 0;
};

/// `bytes` of the run's text spelled by `glyphs` glyphs, in order; lets a
/// PDF map glyphs back to text (ligatures, accents) for search and copy.
struct Cluster {
    int bytes = 0;
    int glyphs = 0;
    /// One capital drawn as a small capital (OpenType c2sc): the glyph is
    /// the small capital the lower-case letter draws too, and a PDF must
    /// map it back to the capital here and to the small letter there.
    bool capital = false;
};

/// Glyphs of one face and size, with the UTF-8 text they spell.
struct GlyphRun {
    FontStyle font = FontStyle::regular;
    /// 0: the face of `font`; n: the n-th face of the fallback chain.
    int fallback = 0;
    double size = 0;
    /// Horizontal scale of the glyph shapes (font expansion): 1.02 draws
    /// them 2 % wider. Positions already include it.
    double horizontal_scale = 1;
    std::vector<Glyph> glyphs;
    std::string text;
    std::vector<Cluster> clusters;
    /// The structure elements the run belongs to, outermost first, for the
    /// PDF's tags ("Part#1/Sect#3/P#17"); "" for page furniture.
    std::string structure;
};

/// A filled rectangle (rules, strike-through lines); top-left corner and size.
struct Rule {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

/// An image drawn scaled into a rectangle (top-left corner and size); `name`
/// is the image's resource name, as the Book's image URLs give it.
struct Image {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    std::string name;
    /// The structure elements the image belongs to, like a run's.
    std::string structure;
};

/// What a structure element says beyond its type, for the PDF's tags.
struct ElementAttributes {
    std::string alt;       // a figure's alternative text
    std::string language;  // BCP 47, when the element's text is not in the book's language
};

/// A clickable area: either a URI or a named destination in the document.
struct Link {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    std::string uri;          // external target, empty for internal links
    std::string destination;  // an anchor id with a Destination on some page
};

/// A named place on a page that links and readers can jump to.
struct Destination {
    std::string name;  // the anchor id ("f452008-realism")
    double y = 0;      // top of what it names
};

/// How one line of text was set: what line-breaking golden tests compare.
struct LineRecord {
    double x = 0;              // left end of the measure
    double y = 0;              // baseline
    double width = 0;          // the measure it was set to (protrusion included)
    double natural_width = 0;  // its content before justification
    double ratio = 0;          // glue set: > 0 stretched by that share of its stretch, < 0 shrunk
    double expansion = 0;      // glyph scaling, 0.01 = 1 % wider
    bool hyphenated = false;   // ends with a hyphen the typesetter added
    std::string text;
    /// What the line sets, for the EPUB's page-break markers: a model block's
    /// id, or a division's (see PageStart); empty for furniture and labels.
    std::string block;
    /// Where the line's first word starts in that block (see PageStart).
    std::size_t offset = 0;
};

/// One printed page and the label its folio shows ("iv", "12", "" if blind).
struct Page {
    std::string label;
    std::vector<GlyphRun> runs;
    std::vector<Rule> rules;
    std::vector<Image> images;
    std::vector<Link> links;
    std::vector<Destination> destinations;
    std::vector<LineRecord> lines;  // the text lines on it, in setting order
};

/// One bookmark of the PDF outline; `level` 0 is the top.
struct OutlineEntry {
    std::string title;
    int level = 0;
    int page = 0;  // 0-based page index
    double y = 0;
};

/// Where a printed page's text begins, so the EPUB can mark the spot.
/// `block_id` is the model block the page's first line sets (a paragraph,
/// heading, list item's paragraph, table cell, footnote paragraph, code
/// block), and `offset` counts the bytes of that block's text before the
/// page's first word, white space (base::is_offset_space) left out: both
/// backends spell white space differently, the words alike. A page that
/// starts after a hyphen starts at the whole word. A page opening a
/// division starts at the division instead, offset 0: a chapter or part
/// id, "contents", "half-title", "title-page", "copyright"; in "index",
/// `offset` is the n-th group heading or entry (subentries too, from 1).
struct PageStart {
    int page = 0;            // 0-based page index
    std::string label;       // the folio as printed ("iv", "37")
    std::string block_id;
    std::size_t offset = 0;
};

/// The whole book as pages.
struct PagedDocument {
    double width = 0;
    double height = 0;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    /// Block, chapter and part ids to the 0-based page index they start on;
    /// index anchors to the page of the line where their term begins.
    std::map<std::string, int> anchor_pages;
    /// The same ids to the folio printed on that page ("12", "iv").
    std::map<std::string, std::string> anchor_labels;
    /// The copyright page's colophon ("Set in Linux Libertine O with
    /// cinefolio"), for an EPUB paginated like this edition.
    std::string colophon;
    /// Where each page that holds text begins, in page order; blank pages
    /// and pages of furniture only have none.
    std::vector<PageStart> page_starts;
    /// Attributes of the structure elements the runs' paths name, by
    /// element ("Figure#20"); elements without any are absent.
    std::map<std::string, ElementAttributes> structure_attributes;
};

/// A readable trace, one line per page, run, rule, image and link with positions:
/// what golden tests compare.
std::string trace(const PagedDocument& document);

/// The set lines, one per line: page, baseline, width, adjustment ratio,
/// expansion, hyphenated or not, and the text; what breaking goldens compare.
std::string line_trace(const PagedDocument& document);

}  // namespace cinefolio::typeset
