#pragma once
// The book manifest (book.yaml) as plain structs, validated.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/manifest/print_design.hpp"

namespace cinefolio::manifest {

/// A film entry of `films:` (a bare movieId or a map adding what the essays'
/// front matter lacks).
struct Film {
    std::int64_t id = 0;
    std::string title;  // overrides movieTitle when given
    std::optional<int> year;
    std::string director;
    std::string cover;  // the film's booklet cover image, relative to the manifest; empty: a generated cover
    base::Span cover_source;
    base::Span source;
};

/// The manifest's `booklets:` map: how the per-film booklets are printed.
struct BookletSettings {
    /// The style whose booklet design (styles/<name>/booklet.yaml) and
    /// stylesheet the booklets use; empty: the book's `style`.
    std::string style;
    base::Span style_source;
    /// What the booklets change of that design (trim, margins, type size).
    PrintOverrides print;
    /// Every booklet PDF gets blank pages at the end up to a multiple of
    /// this: 4 folds into a saddle-stitched booklet, 1 leaves it alone.
    int pad_to = 4;
    base::Span source;
};

/// A lens entry of `lenses:` in reading order.
struct Lens {
    std::string name;   // "REALISM"
    std::string label;  // display name; title case of the name when not given
    base::Span source;
};

/// An essay without front matter and the data the manifest supplies for it.
struct Import {
    std::string file;  // relative to the manifest's folder
    std::int64_t movie_id = 0;
    std::string movie_title;
    std::string category;
    std::string author;  // optional byline (else taken from the scraped text)
    std::string title;   // optional title (else taken from the scraped text)
    base::Span source;
};

/// An entry of `essays:`: a file, folder or glob relative to the manifest.
struct EssayPattern {
    std::string pattern;
    base::Span source;
};

/// The whole manifest.
struct Manifest {
    std::string path;    // the manifest file as the user named it
    std::string folder;  // its folder: the book's root
    base::FileId file = -1;

    std::string id;  // output file stem
    std::string title;
    std::string subtitle;
    std::vector<std::string> creators;
    std::string language = "en";  // a BCP 47 tag
    std::string publisher;
    std::string rights;
    std::string date;  // YYYY, YYYY-MM or YYYY-MM-DD, a real day; may be empty
    /// The ISBN as written, its check digit verified; empty when the book
    /// has none. An identifier `urn:isbn:...` gives it too.
    std::string isbn;
    /// The print edition's ISBN (the EPUB's dc:source) as written, its
    /// check digit verified; optional.
    std::string print_isbn;
    /// The edition as the copyright page prints it ("Second edition, revised").
    std::string edition;
    /// This printing's number (1 for the first): the copyright page's
    /// printer's key; 0 when not given.
    int printing = 0;
    /// The book's unique identifier, never empty after parse: `urn:isbn:`
    /// and the ISBN when there is one, else the manifest's `identifier`,
    /// else a `urn:uuid:` derived from id, title, subtitle and creators.
    std::string identifier;
    std::string description;
    std::string style = "classic";
    base::Span style_source;                          // the `style:` value, when given
    /// `print:`: what the book changes of its style's print design.
    PrintOverrides print;
    /// `booklets:`: the per-film booklets' design and padding.
    BookletSettings booklets;
    std::vector<std::string> hyphenation_exceptions;  // words the PDF never hyphenates
    bool hyphenate_names = false;  // `hyphenation: {names: true}`: capitalised words may take hyphens
    std::string index;  // curated index file, relative to the manifest; optional
    base::Span index_source;
    std::string cover;  // EPUB cover image, relative to the manifest; empty: a generated cover
    base::Span cover_source;
    std::string back_cover;  // the print cover's back text; blank lines part paragraphs

    std::vector<EssayPattern> essays;
    std::vector<EssayPattern> exclude;  // globs for files `essays:` folders and globs hold but the book does not
    std::vector<Film> films;  // empty: all films found, in order of first appearance
    std::vector<Lens> lenses;  // empty: all lenses found, in order of first appearance
    std::vector<Import> imports;
};

/// Reads and validates a manifest already registered in `sources`.
/// Returns nullopt after reporting errors.
std::optional<Manifest> parse(const base::SourceMap& sources, base::FileId file, base::Diagnostics& diagnostics);

/// The keys `parse` understands at the top level (for suggestions and docs).
const std::vector<std::string>& known_keys();

}  // namespace cinefolio::manifest
