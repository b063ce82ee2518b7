#pragma once
// The Book: the one value both backends read. Plain data, std types only.
// Built by assemble::assemble from the manifest and the corpus.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/index.hpp"

namespace cinefolio::model {

/// Kinds of inline content (a closed set; renderers switch over it).
enum class InlineKind {
    text,           // `text` holds the characters
    emphasis,       // children
    strong,         // children
    strikethrough,  // children
    code,           // `text` holds the code
    link,           // children, `url`
    image,          // `url`, children are the alt text
    soft_break,     // a line break in the source: a space when rendered
    hard_break,     // a forced line break
    footnote_ref,   // `text` is the footnote's number ("1"); `url` the Markdown label in the
                    // corpus, the footnote's id (Footnote::id) once assembled
    anchor,         // an invisible target; `text` is its id (index locators point here)
};

/// One inline element with its children (emphasis, links...).
struct Inline {
    InlineKind kind = InlineKind::text;
    std::string text;
    std::string url;
    std::vector<Inline> children;
    /// Where a link or image stands in its essay (for warnings about its
    /// target); other inlines leave it empty and borrow their block's.
    base::Span source;
};

/// Kinds of block content.
enum class BlockKind {
    paragraph,       // inlines
    heading,         // inlines, level (1 = first level under the chapter title)
    bullet_list,     // children are list_item
    ordered_list,    // children are list_item, `start`
    list_item,       // children are blocks
    block_quote,     // children are blocks
    code_block,      // `text` is the literal code, `info` the language
    thematic_break,  // nothing
    table,           // children are table_row (first is the header row)
    table_row,       // children are table_cell
    table_cell,      // inlines, `align`
};

enum class Align { none, left, center, right };

/// One block with a stable id and the source position it came from.
struct Block {
    BlockKind kind = BlockKind::paragraph;
    std::string id;                  // stable within the book, e.g. "f452008-realism-p12"
    base::Span source;               // where it began in the essay file
    int level = 0;                   // heading level, 1..6, nesting without gaps
    int start = 1;                   // first number of an ordered list
    bool tight = false;              // list without blank lines between items
    bool run_in_lead = false;        // paragraph opening with a bold lead-in
    Align align = Align::none;       // table cell alignment
    std::string text;                // code block literal
    std::string info;                // code block info string
    std::vector<Inline> inlines;
    std::vector<Block> children;
};

/// A footnote of a chapter, numbered in order of first reference.
struct Footnote {
    std::string id;      // e.g. "f452008-realism-fn1"
    std::string number;  // "1"
    std::vector<Block> blocks;
};

/// A lens (critical category) in reading order with its display name.
struct Lens {
    std::string name;    // as in front matter: "REALISM"
    std::string label;   // display name: "Realism"
    std::string siglum;  // short form on index locators: "R" (unique in the book)
};

/// One essay, read through one lens; the chapter's title is the lens label.
struct Chapter {
    std::string id;                 // "f452008-realism": film and lens, stable
    std::string lens;               // lens name, "REALISM"
    std::string title;              // lens display name, "Realism"
    std::vector<Inline> subtitle;   // the essay's own title, may be empty
    std::vector<Inline> dek;        // standfirst of a scraped import, may be empty
    std::string author;             // byline, may be empty
    std::string language;           // the essay's own BCP 47 tag (front matter); empty: the book's
    std::string source_path;        // essay file as the user named it
    base::Span source;              // start of the essay file
    std::vector<Block> blocks;
    std::vector<Footnote> footnotes;
};

/// One film: a part of the book.
struct Part {
    std::string id;                 // "f452008"
    std::int64_t film_id = 0;       // movieId
    std::string title;              // movieTitle
    std::optional<int> year;
    std::string director;
    std::vector<Chapter> chapters;  // in lens order
};

/// Book-level metadata shown on the title and copyright pages. The
/// manifest checked every field once (manifest::parse); the backends
/// print them as they are.
struct Metadata {
    std::string id;                     // output file stem
    std::string title;                  // not empty
    std::string subtitle;
    std::vector<std::string> creators;  // editors, in order
    std::string language = "en";        // a BCP 47 tag
    std::string identifier;             // the unique identifier: "urn:isbn:...", "urn:uuid:..." or the manifest's
    std::string isbn;                   // the ISBN as written ("978-0-306-40615-7"), empty when none
    std::string print_isbn;             // the print edition's ISBN, empty when none
    std::string edition;                // "Second edition", as written; may be empty
    int printing = 0;                   // this printing's number, 0 when not given
    std::string publisher;
    std::string rights;                 // copyright line
    std::string date;                   // publication date, YYYY[-MM[-DD]], may be empty
    std::string description;
    /// A booklet's: the title of the anthology it is cut from, which its
    /// title page names with the lenses it gathers; empty for a book.
    std::string collection;
};

/// The whole anthology.
struct Book {
    Metadata metadata;
    std::vector<Lens> lenses;  // the lenses used, in reading order
    std::vector<Part> parts;
    Index index;               // the cross-lens index; empty without one
};

/// Concatenated plain text of inlines (for titles, alt text, search).
std::string plain_text(const std::vector<Inline>& inlines);

/// The book as indented text, one line per block with ids and source
/// positions: what golden tests compare.
std::string dump(const Book& book, const base::SourceMap& sources);

}  // namespace cinefolio::model
