// Running a command: load, report, run the backends, write atomically.

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <tuple>

#include "cinefolio/base/files.hpp"
#include "cinefolio/epub/epub.hpp"
#include "cinefolio/index/index.hpp"
#include "cinefolio/model/booklet.hpp"
#include "cinefolio/model/words.hpp"
#include "cinefolio/pdf/cover.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/typeset.hpp"
#include "cli.hpp"
#include "print_edition.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

void print_diagnostics(const base::Diagnostics& diagnostics, const base::SourceMap& sources) {
    for (const auto& item : diagnostics.all()) std::cerr << base::format(item, sources);
}

// With --strict a warning fails the build like an error.
bool failed(const base::Diagnostics& diagnostics, const Options& options) {
    return diagnostics.has_errors() || (options.strict && diagnostics.warning_count() > 0);
}

std::string iso8601(std::int64_t seconds) {
    std::time_t time = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

// The files the style's stylesheet names with url(): each is read from the
// same path under the data folder (see epub::stylesheet_resources).
bool add_style_resources(epub::Options& options, base::Diagnostics& diagnostics) {
    bool ok = true;
    for (const std::string& name : epub::stylesheet_resources(options.stylesheet)) {
        std::string media_type = epub::media_type_for(name);
        auto bytes = read_resource(name, diagnostics);
        if (!bytes || media_type.empty()) {
            if (bytes)
                diagnostics.error(
                    {}, "the stylesheet names `" + name + "`, which is not a font or image an EPUB can carry");
            ok = false;
            continue;
        }
        options.resources.push_back({name, media_type, std::move(*bytes)});
    }
    return ok;
}

// Without a cover image, a typographic one in the book's own faces.
std::optional<epub::Resource> generated_cover(const model::Metadata& metadata, const typeset::FontSet& fonts,
                                              base::Diagnostics& diagnostics) {
    const model::Words& words = model::words_for(metadata.language);
    // The manifest requires a title; a film's booklet takes the film's, which may be empty.
    const std::string title = metadata.title.empty() ? std::string(words.untitled) : metadata.title;
    auto png = pdf::cover_png({title, metadata.subtitle, model::join_names(metadata.creators, words),
                               std::string(words.edited_by_caps)},
                              fonts, diagnostics);
    if (!png) return std::nullopt;
    return epub::Resource{"images/cover.png", "image/png", std::move(*png)};
}

std::optional<epub::Options> epub_options(const LoadedBook& loaded, std::int64_t moment,
                                          base::Diagnostics& diagnostics) {
    epub::Options options;
    options.modified = iso8601(moment);
    auto css = read_resource("styles/" + loaded.manifest.style + "/epub.css", diagnostics);
    if (!css) return std::nullopt;
    options.stylesheet = std::move(*css);
    if (!add_style_resources(options, diagnostics)) return std::nullopt;
    options.resources.insert(options.resources.end(), loaded.images.begin(), loaded.images.end());
    options.cover = loaded.cover;
    // The EPUB's contents list what the print contents lists.
    const manifest::ContentsShows& shows = loaded.design.contents;
    options.contents = {shows.title, shows.author, shows.lens};
    // Bold leads follow the one rule the print design sets for the book.
    options.leads_apart = loaded.design.leads == manifest::Leads::display;
    return options;
}

// Everything a job needs to set a book in pages, shared read-only by the
// jobs: the design, hyphenation, the faces' bytes and the decoded images.
struct PrintSetup {
    typeset::Settings settings;
    FaceFiles faces;
    std::map<std::string, pdf::ImageFile> image_files;  // outlives `images`, which points into it
    std::unique_ptr<pdf::PrintImages> images;
    std::int64_t moment = 0;
};

std::optional<PrintSetup> print_setup(const LoadedBook& loaded, std::int64_t moment, base::Diagnostics& diagnostics) {
    PrintSetup setup;
    setup.moment = moment;
    auto faces = read_faces(loaded.design.faces, diagnostics);
    if (!faces) return std::nullopt;
    setup.faces = std::move(*faces);
    for (const auto& image : loaded.images) setup.image_files[image.name] = {image.media_type, image.bytes};
    setup.images = std::make_unique<pdf::PrintImages>(setup.image_files);
    typeset::Settings& settings = setup.settings;
    settings.design = loaded.design;
    settings.hyphenation_patterns = hyphenation_patterns(loaded.book.metadata.language, diagnostics);
    settings.hyphenation_exceptions = loaded.manifest.hyphenation_exceptions;
    settings.hyphenate_names = loaded.manifest.hyphenate_names;
    settings.build_date = pdf::day_of(moment);
    settings.images = setup.images->info();
    // For comparisons (tests/bench): CINEFOLIO_MICROTYPE=none, expansion or
    // protrusion; unset means both.
    if (const char* microtype = std::getenv("CINEFOLIO_MICROTYPE")) {
        const std::string value = microtype;
        settings.font_expansion = value.find("expansion") != std::string::npos;
        settings.margin_kerning = value.find("protrusion") != std::string::npos;
    }
    return setup;
}

struct Output {
    std::string path;
    std::string bytes;
};

// One book to write: the anthology, or a film's booklet.
struct Job {
    model::Book book;
    std::optional<epub::Options> epub;
    std::string print_isbn;  // the anthology's print ISBN; a booklet has none
    base::Diagnostics diagnostics;
    std::vector<Output> outputs;
};

// Typesets a job's book once; the PDF paints that layout and the EPUB
// takes its page labels from it. Each job loads its own faces: FreeType
// faces must not be shared between threads.
void run_job(Job& job, const PrintSetup& print, bool want_pdf, std::optional<std::string>& epub_bytes,
             std::optional<std::string>& pdf_bytes) {
    auto fonts = typeset::FontSet::load(print.faces.view(), job.diagnostics);
    if (!fonts) return;
    // An EPUB built without its PDF is paginated all the same (its index
    // cites print pages) and its typesetting warnings, which concern print
    // only, dropped: so the EPUB's bytes do not depend on `--format`.
    base::Diagnostics print_only;
    auto document = typeset::typeset(job.book, print.settings, *fonts, want_pdf ? job.diagnostics : print_only);
    if (!document) {
        if (!want_pdf) job.diagnostics.append(print_only);
        return;
    }
    if (want_pdf) {
        const auto& metadata = job.book.metadata;
        const pdf::Options options{metadata.title,
                                   model::join_names(metadata.creators, model::words_for(metadata.language)),
                                   metadata.subtitle, print.moment};
        pdf_bytes = pdf::paint(*document, *fonts, *print.images, options, job.diagnostics);
    }
    if (job.epub) {
        if (!job.epub->cover) job.epub->cover = generated_cover(job.book.metadata, *fonts, job.diagnostics);
        if (!job.epub->cover) return;
        job.epub->page_labels = std::move(document->anchor_labels);
        job.epub->page_starts = epub_page_starts(*document);
        job.epub->print_source = print_source(job.print_isbn, job.book.metadata.identifier, print.settings.design);
        epub_bytes = epub::write(job.book, *job.epub, job.diagnostics);
    }
}

// The backends are pure functions over const values, so every job runs on
// its own worker with its own diagnostics; the results are merged in job
// order, so the messages and the files do not depend on which worker
// finished first.
void run_jobs(std::vector<Job>& jobs, const PrintSetup& print, bool want_pdf, const std::string& output_dir) {
    std::vector<std::optional<std::string>> epubs(jobs.size()), pdfs(jobs.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t job = next++; job < jobs.size(); job = next++) run_job(jobs[job], print, want_pdf, epubs[job], pdfs[job]);
    };
    std::size_t count = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, jobs.size());
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < count; ++i) workers.emplace_back(worker);
    worker();
    for (auto& thread : workers) thread.join();
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        auto stem = (fs::path(output_dir) / jobs[i].book.metadata.id).string();
        if (epubs[i]) jobs[i].outputs.push_back({stem + ".epub", std::move(*epubs[i])});
        if (pdfs[i]) jobs[i].outputs.push_back({stem + ".pdf", std::move(*pdfs[i])});
    }
}

int build(const Options& options, const LoadedBook& loaded, base::Diagnostics& diagnostics) {
    auto moment = build_time(loaded.manifest, diagnostics);
    std::optional<epub::Options> epub_settings;
    if (options.want_epub) epub_settings = epub_options(loaded, moment, diagnostics);
    // The EPUB needs the print setup too: its index cites print pages.
    auto print = print_setup(loaded, moment, diagnostics);
    if (diagnostics.has_errors() || !print) return kInputError;

    std::vector<Job> jobs(1);
    jobs[0].book = loaded.book;
    jobs[0].epub = epub_settings;
    jobs[0].print_isbn = loaded.manifest.print_isbn;
    if (options.booklets) {
        for (std::size_t part = 0; part < loaded.book.parts.size(); ++part) {
            Job job;
            job.book = model::booklet(loaded.book, part);
            // A booklet's generated cover names its film (run_job paints it).
            job.epub = epub_settings;
            jobs.push_back(std::move(job));
        }
        if (diagnostics.has_errors()) return kInputError;
    }
    run_jobs(jobs, *print, options.want_pdf, options.output_dir);
    std::vector<Output> outputs;
    // A booklet typesets the same essays as the book: say each thing once.
    std::set<std::tuple<int, std::size_t, std::string>> said;
    for (auto& job : jobs) {
        for (const auto& item : job.diagnostics.all()) {
            if (!said.emplace(item.span.file, item.span.begin, item.message).second) continue;
            base::Diagnostics one;
            if (item.severity == base::Severity::error)
                one.error(item.span, item.message, item.hint);
            else if (item.severity == base::Severity::warning)
                one.warning(item.span, item.message, item.hint);
            else
                one.note(item.span, item.message, item.hint);
            diagnostics.append(one);
        }
        for (auto& output : job.outputs) outputs.push_back(std::move(output));
    }
    if (failed(diagnostics, options)) return kInputError;

    std::error_code code;
    fs::create_directories(options.output_dir, code);
    if (code) {
        diagnostics.error({}, "cannot create the output folder `" + options.output_dir + "`: " + code.message());
        return kInputError;
    }
    for (const auto& output : outputs) {
        std::string error;
        if (!base::write_file_atomic(output.path, output.bytes, error)) {
            diagnostics.error({}, "cannot write `" + output.path + "`: " + error);
            return kInputError;
        }
        if (!options.quiet)
            std::cout << "wrote " << output.path << " (" << (output.bytes.size() + 512) / 1024 << " KiB)\n";
    }
    return kSuccess;
}

}  // namespace

int run(const Options& options) {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto loaded = load_book(options.manifest_path, sources, diagnostics, options.root_dir);
    int status = kSuccess;
    if (!loaded || failed(diagnostics, options)) {
        status = kInputError;
    } else if (options.command == "index-candidates") {
        auto found = index::candidates(loaded->book, loaded->index_file ? &*loaded->index_file : nullptr);
        std::cout << manifest::emit_index_file(
            found, "Index candidates for " + options.manifest_path +
                       ": promote entries worth indexing into the curated index file (`index:` in the manifest).");
    } else if (options.command == "dump") {
        std::cout << model::dump(loaded->book, sources);
    } else if (options.command == "check") {
        if (!options.quiet) {
            std::size_t chapters = 0;
            for (const auto& part : loaded->book.parts) chapters += part.chapters.size();
            std::cout << options.manifest_path << ": " << loaded->book.parts.size() << " film(s), " << chapters
                      << " essay(s), no errors\n";
        }
    } else {
        status = build(options, *loaded, diagnostics);
    }
    print_diagnostics(diagnostics, sources);
    if (status == kSuccess && options.strict && diagnostics.warning_count() > 0) status = kInputError;
    return status;
}

}  // namespace cinefolio::cli
