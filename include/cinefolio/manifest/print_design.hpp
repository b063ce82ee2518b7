#pragma once
// The print design of a style (styles/<name>/print.yaml) with the
// manifest's `print:` overrides applied: trim, margins, faces and every
// type role. Plain data in points; the typesetter reads nothing else about
// the look of the page.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"

namespace cinefolio::manifest {

/// Size, baseline-to-baseline leading (points) and letter-spacing (in
/// ems) of one kind of text.
struct TypeRole {
    double size = 11;
    double leading = 13.5;
    double tracking = 0;
};

/// The four margins of the text block, in points.
struct Margins {
    double inside = 54;   // the spine side
    double outside = 72;  // the fore-edge
    double top = 54;
    double bottom = 72;
};

/// The faces' files, relative to the data folder (fonts/...).
struct Faces {
    std::string regular = "fonts/linux-libertine/LinLibertine_R.otf";
    std::string italic = "fonts/linux-libertine/LinLibertine_RI.otf";
    std::string bold = "fonts/linux-libertine/LinLibertine_RB.otf";
    std::string bold_italic = "fonts/linux-libertine/LinLibertine_RBI.otf";
    std::string mono = "fonts/linux-libertine/LinLibertine_M.otf";
    /// Tried in order for characters the faces above lack.
    std::vector<std::string> fallbacks{"fonts/dejavu/DejaVuSans.ttf"};
};

/// Vertical spaces, in lines of the body's leading, so they keep the
/// baseline grid whatever the type size.
struct Spaces {
    double heading_1_before = 1.5;
    double heading_1_after = 0.5;
    double heading_2_before = 1;
    double heading_2_after = 0.25;
    double heading_3_before = 1;
    double heading_3_after = 0;
    double block = 0.5;            // above and below quotes, code, tables, figures
    double list = 1;               // above and below a list; whole lines at the body's leading
    double notes_before = 2;       // above an essay's notes
    double opening_sink = 5;       // chapter, contents and index openings start this far down
    double part_sink = 9;          // part titles and the half title hang lower
    double title_sink = 6;         // the title page
    double after_opening = 1.5;    // between an opening's display lines and the text
    double head_above_text = 2;    // running head baseline above the first text baseline
    double folio_below_text = 2.3; // dropped folio below the last text baseline
};

/// Every kind of text the printed book sets, each with its TypeRole.
struct Roles {
    TypeRole body{11, 13.5};
    TypeRole block_quote{10, 12.5};
    TypeRole notes{9.5, 12};
    TypeRole notes_heading{11, 13.5, 0.08};
    TypeRole table{10, 12.5};
    TypeRole code{9, 11.5};
    TypeRole heading_1{13, 16};
    TypeRole heading_2{12, 15};
    TypeRole heading_3{11, 13.5, 0.04};
    TypeRole chapter_kicker{9, 13.5, 0.08};  // the film's name above an essay's title
    TypeRole chapter_title{22, 26.4};
    TypeRole chapter_subtitle{14, 17.5};
    TypeRole byline{11, 13.5, 0.03};
    TypeRole dek{11, 13.5};
    TypeRole part_title{24, 28};
    TypeRole part_year{13, 13.5};
    TypeRole part_credit{11, 13.5, 0.08};  // "directed by" and the director
    TypeRole running_head{10, 12, 0.1};
    TypeRole folio{10, 12};
    TypeRole contents_title{22, 26.4};
    TypeRole contents{11, 13.5};
    TypeRole index_title{22, 26.4};
    TypeRole index{9, 11};
    TypeRole index_letter{10, 11};
    TypeRole half_title{13, 16.2, 0.1};
    TypeRole title{28, 32};
    TypeRole title_subtitle{14, 17.5};
    TypeRole title_credit{11, 13.5};  // "edited by"
    TypeRole title_creators{13, 16.9, 0.03};
    TypeRole title_publisher{11, 13.5, 0.1};
    TypeRole copyright{9, 11.5};
};

/// The names print.yaml and `print: {roles: …}` use for each role, in
/// one table, so the reader, the scaling and the docs agree.
const std::vector<std::pair<const char*, TypeRole Roles::*>>& role_table();

/// Where essays open: on a recto, as chapters of a book do, or on the
/// next page of either side, for a continuous book.
enum class Openings { right, any };

/// What a contents entry of an essay shows beside its folio.
struct ContentsShows {
    bool title = true;   // the essay's own title (its lens when it has none)
    bool author = true;
    bool lens = true;    // the lens label, when the title line does not already say it
};

/// How bold run-in leads are set, one rule for the whole book and the same
/// in print and the EPUB: run in at the head of their paragraph, or on a
/// line of their own after a blank line, like a small heading.
enum class Leads { run_in, display };

/// What the PDF is made for and how the printer wants it: `screen` (links,
/// tags) or `print` (PDF/X, boxes, no annotations).
struct Production {
    std::string profile = "screen";  // "screen" or "print"
    double bleed = 0;                // points beyond the trim on each side
    bool crop_marks = false;         // trim marks outside the bleed
    int pad_to = 1;                  // blank pages make the count a multiple of this
    std::string paper = "white";     // "white" or "cream": the cover's spine width
};

/// A whole print design.
struct PrintDesign {
    double trim_width = 432;   // 6 in
    double trim_height = 648;  // 9 in
    Margins margins;
    Faces faces;
    Roles roles;
    Spaces spaces;
    Openings openings = Openings::right;
    ContentsShows contents;
    /// The fewest lines an essay's last page holds when tightening or
    /// loosening the spreads before it by a line can give them (0: any).
    int last_page_lines = 5;
    Leads leads = Leads::display;  // a name with its gloss cannot be justified run in
    /// An index entry with more locators than this in one lens is a
    /// warning that suggests subentries (0: no limit).
    int index_locators_per_lens = 15;

    Production production;
};

/// Reads a style's print design file (registered in `sources`); every
/// key is optional and falls back to `defaults`, by default PrintDesign's
/// defaults, which are the `classic` style's (a booklet design falls back
/// to its style's print design). nullopt after reporting errors.
std::optional<PrintDesign> parse_print_design(const base::SourceMap& sources, base::FileId file,
                                              base::Diagnostics& diagnostics, PrintDesign defaults = {});

/// What the manifest's `print:` map asks for; unset fields keep the style's.
struct PrintOverrides {
    std::optional<std::pair<double, double>> trim;  // width, height in points
    std::optional<double> inside, outside, top, bottom;  // margins, points
    std::optional<double> font_size;  // the body's, points
    std::optional<double> leading;    // the body's, points
    std::optional<Openings> openings;
    std::optional<std::string> profile, paper;
    std::optional<double> bleed;
    std::optional<bool> crop_marks;
    std::optional<int> pad_to;
    base::Span source;
};

/// Applies the overrides: the trim and margins as given; a new body size
/// or leading scales every role in proportion, so the design keeps its
/// shape at another size.
PrintDesign apply(PrintDesign design, const PrintOverrides& overrides);

/// Why the design's margins leave no room for text on its trim ("" when
/// they leave enough).
std::string room_problem(const PrintDesign& design);

/// A length: a number with `pt`, `in`, `mm` or `cm`, in points; nullopt
/// if it is not one.
std::optional<double> parse_length(const std::string& text);

/// A trim: a preset name (`6x9in`, `A5`, …) or `WxH` with a unit, as
/// (width, height) in points; nullopt if it is not one.
std::optional<std::pair<double, double>> parse_trim(const std::string& text);

/// The trim presets' names, for hints and docs.
const std::vector<std::string>& trim_presets();

}  // namespace cinefolio::manifest
