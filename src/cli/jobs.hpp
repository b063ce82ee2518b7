#pragma once
// Books to typeset and write, run on every core: the anthology and its
// per-film booklets. Private to src/cli.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/base/digest.hpp"
#include "cinefolio/epub/epub.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/pdf/cover.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/typeset.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

/// Everything a job needs to set a book in pages, shared read-only by the
/// jobs: the design, hyphenation, the faces' bytes and the decoded images.
struct PrintSetup {
    typeset::Settings settings;
    FaceFiles faces;
    base::Digest faces_digest;  // of every face's bytes, for cache keys
    std::map<std::string, pdf::ImageFile> image_files;  // outlives `images`, which points into it
    std::unique_ptr<pdf::PrintImages> images;
    std::int64_t moment = 0;
    pdf::PrintCover cover;                      // the print cover's words and sheet, less the page count
    std::optional<pdf::ImageFile> cover_image;  // the manifest's `cover`, for the print cover's front
};

/// The print setup of a book in `design`, its production profile replaced
/// by `profile` (--profile) unless empty; nullopt after reporting errors.
std::optional<PrintSetup> print_setup(const LoadedBook& loaded, const manifest::PrintDesign& design,
                                      std::int64_t moment, const std::string& profile,
                                      base::Diagnostics& diagnostics);

/// The EPUB options of a book in `style` (its stylesheet and the files it
/// names, the essays' images, the manifest's cover); nullopt after errors.
std::optional<epub::Options> epub_options(const LoadedBook& loaded, const std::string& style, std::int64_t moment,
                                          base::Diagnostics& diagnostics);

/// One book to write: the anthology, or a film's booklet.
struct Job {
    model::Book book;
    std::string stem;  // the output path without its extension
    const PrintSetup* print = nullptr;
    std::optional<epub::Options> epub;  // nullopt: no EPUB
    bool want_pdf = true;
    bool want_cover = false;  // also <stem>-cover.pdf, the wrap-around print cover
    std::string print_isbn;   // the anthology's print ISBN (its EPUB's dc:source); a booklet has none
    base::Diagnostics diagnostics;
};

/// Runs every job on its own worker and writes each job's files
/// (atomically) the moment it is done, printing its `wrote` lines then,
/// unless its diagnostics fail it. The bytes of a file never depend on
/// which job ran first. Returns false if some job wrote nothing.
bool run_jobs(std::vector<Job>& jobs, const Options& options);

/// The jobs' diagnostics appended to `into` in job order, each message
/// once (a booklet typesets the same essays as the book).
void merge_diagnostics(const std::vector<Job>& jobs, base::Diagnostics& into);

/// Creates the output folder; false after reporting why it cannot.
bool make_output_folder(const std::string& folder, base::Diagnostics& diagnostics);

/// With --strict a warning fails the build like an error.
bool failed(const base::Diagnostics& diagnostics, const Options& options);

/// `booklets`: one EPUB and PDF per selected film; returns the exit code.
int booklets(const Options& options, const LoadedBook& loaded, base::SourceMap& sources,
             base::Diagnostics& diagnostics);

/// The booklets' print setup (their design, padded to `booklets.pad_to`)
/// and one job per film `options` selects (--films, then --shard), in the
/// book's order.
struct BookletRun {
    std::unique_ptr<PrintSetup> print;  // the jobs point at it
    std::vector<Job> jobs;
};

/// Prepares the booklets; nullopt after reporting errors (a bad booklet
/// design, a film --films names that the book lacks).
std::optional<BookletRun> prepare_booklets(const Options& options, const LoadedBook& loaded,
                                           base::SourceMap& sources, std::int64_t moment,
                                           base::Diagnostics& diagnostics);

/// A booklet's file name without extension: the film's title as a
/// lower-case ASCII slug (accents folded, at most 48 characters) and its
/// movieId, which makes it unique: "closeness-452008".
std::string booklet_stem(const model::Part& film);

/// `preview`: PNGs of print pages or spreads; returns the exit code.
int preview(const Options& options, const LoadedBook& loaded, base::Diagnostics& diagnostics);

}  // namespace cinefolio::cli
