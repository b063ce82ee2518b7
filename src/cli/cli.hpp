#pragma once
// The command-line driver: loads a book, runs the backends, writes files.
// Private to src/cli; main.cpp and the CLI tests use it.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/epub/epub.hpp"
#include "cinefolio/manifest/index_file.hpp"
#include "cinefolio/manifest/manifest.hpp"
#include "cinefolio/manifest/print_design.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/pdf/cover.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/fonts.hpp"

namespace cinefolio::cli {

/// Exit codes the README documents.
enum ExitCode : int { kSuccess = 0, kInputError = 1, kUsageError = 2 };

/// What the user asked for on the command line.
struct Options {
    std::string command;  // new, build, booklets, preview, check, dump, index-candidates
    std::string manifest_path;
    std::string new_dir;  // new: the folder to start a book in
    std::string output_dir = "out";
    std::string root_dir;  // --root: the folder the book's files must lie in (default: the manifest's)
    bool want_epub = true;
    bool want_pdf = true;
    bool strict = false;
    bool booklets = false;  // build: also one EPUB and PDF per film
    bool quiet = false;
    std::string profile;  // --profile screen|print; empty: the manifest's
    bool cover = false;   // build --cover: also the wrap-around print cover
    std::vector<std::int64_t> films;  // booklets --films: these movieIds only (empty: every film)
    int shard = 1;                    // booklets --shard K/N: the K-th (1-based) of N slices
    int shard_count = 1;
    int first_page = 1;  // preview --pages: 1-based page numbers of the document, inclusive
    int last_page = 0;   // 0: to the last page
    double dpi = 96;     // preview --dpi
    bool spreads = false;  // preview --spreads: facing pages side by side
    int jobs = 0;          // -j: threads for the films of a book and for booklets (0: one per core)
    bool timings = false;  // --timings: each stage's time and the peak memory on stderr
    int rebuilds = 0;      // watch --rebuilds N: stop after N rebuilds (0: when interrupted)
    bool use_cache = true;  // --no-cache: neither read nor write it
    std::string cache_dir;  // --cache DIR; empty: <output_dir>/.cinefolio-cache
};

/// Parses argv; on a usage error prints to stderr and returns nullopt with
/// `exit_code` set (2 for errors, 0 for --help/--version).
std::optional<Options> parse_arguments(const std::vector<std::string>& arguments, int& exit_code);

/// A manifest and the book assembled from it.
struct LoadedBook {
    manifest::Manifest manifest;
    model::Book book;
    manifest::PrintDesign design;  // the style's, with the manifest's `print:` applied
    std::optional<manifest::IndexFile> index_file;  // the curated index, when the manifest names one
    std::vector<epub::Resource> images;             // the essays' local images, named as the Book's URLs
    std::optional<epub::Resource> cover;            // the manifest's `cover` image, read inside the root
    std::map<std::int64_t, epub::Resource> film_covers;  // `films: [{id, cover}]`, by movieId
};

/// Reads the manifest and every essay; nullopt after reporting errors. No
/// file outside `root` (default: the manifest's folder) is read. `threads`
/// (-j; 0: one per core) search the chapters for the index's terms.
std::optional<LoadedBook> load_book(const std::string& manifest_path, base::SourceMap& sources,
                                    base::Diagnostics& diagnostics, const std::string& root = {}, int threads = 1);

/// The print design of the manifest's style with its `print:` overrides;
/// nullopt after reporting errors (a bad design file, margins that leave
/// no room). The style must exist (check_style).
std::optional<manifest::PrintDesign> load_print_design(const manifest::Manifest& manifest, base::SourceMap& sources,
                                                       base::Diagnostics& diagnostics);

/// The booklets' print design: `booklets.style` (default: the book's
/// style), its booklet.yaml read over its print.yaml (without one, the
/// print design on A5), then the manifest's `booklets:` overrides.
std::optional<manifest::PrintDesign> load_booklet_design(const manifest::Manifest& manifest,
                                                         base::SourceMap& sources, base::Diagnostics& diagnostics);

/// The bytes of a design's faces, read from the data folder.
struct FaceFiles {
    std::string regular, italic, bold, bold_italic, mono;
    std::vector<std::string> fallbacks;
    /// The bytes as typeset::FontSet::load takes them.
    typeset::FontBytes view() const;
};

/// Reads every face a design names; nullopt after reporting a missing one.
std::optional<FaceFiles> read_faces(const manifest::Faces& faces, base::Diagnostics& diagnostics);

/// Where styles/, fonts/ and templates/ are found: $CINEFOLIO_DATA_DIR,
/// else ../share/cinefolio beside the running program when it holds them
/// (an installed copy), else the source tree the program was built from.
std::string data_dir();

/// Checks that the manifest's `style` is a folder of styles/ holding an
/// epub.css; reports an error at `style:` naming the styles there are.
bool check_style(const manifest::Manifest& manifest, base::Diagnostics& diagnostics);
/// The same for a style named elsewhere (`booklets: {style: …}`), reported at `where`.
bool check_style(const std::string& style, const base::Span& where, base::Diagnostics& diagnostics);

/// Reads a resource file under data_dir(); reports an error if missing.
std::optional<std::string> read_resource(const std::string& relative, base::Diagnostics& diagnostics);

/// The libhyphen pattern file for a BCP 47 language (empty, with a note,
/// when none is installed).
std::string hyphenation_patterns(const std::string& language, base::Diagnostics& diagnostics);

/// The build moment in seconds since the epoch: SOURCE_DATE_EPOCH when set,
/// else the manifest's date, else now. Reports a malformed variable.
std::int64_t build_time(const manifest::Manifest& manifest, base::Diagnostics& diagnostics);

/// The PDF's document information and sheet for a book in a production
/// profile (`screen` or `print`).
pdf::Options pdf_options(const model::Metadata& metadata, const manifest::Production& production,
                         std::int64_t moment);

/// The print cover's back text, ISBN room, trim, paper: all but the words
/// and the page count, which come from each book a build sets.
pdf::PrintCover print_cover_of(const LoadedBook& loaded, const manifest::PrintDesign& design);

/// Runs a command (build, booklets, preview, check, dump) and returns the exit code.
int run(const Options& options);

/// Runs a command that reads the book once (every command but `new`;
/// `watch` builds): loads it, runs the command, prints its messages and
/// (with --timings) its stages; returns the exit code. `sources` keeps the
/// files it read (the manifest, the essays, the design files).
int run_once(const Options& options, base::SourceMap& sources);

/// `watch`: builds, then rebuilds whenever a file of the book changes,
/// until interrupted (or `options.rebuilds` rebuilds); returns the last
/// build's exit code.
int watch(const Options& options);

/// `new`: copies the book template (templates/new under data_dir()) into
/// `options.new_dir`, which must be missing or empty; returns the exit code.
int new_book(const Options& options);

}  // namespace cinefolio::cli
