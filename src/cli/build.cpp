// Running a command: load, report, run the backends, write atomically.

#include <filesystem>
#include <iostream>

#include "cinefolio/index/index.hpp"
#include "cli.hpp"
#include "jobs.hpp"
#include "timings.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

void print_diagnostics(const base::Diagnostics& diagnostics, const base::SourceMap& sources) {
    for (const auto& item : diagnostics.all()) std::cerr << base::format(item, sources);
}

// `build`: the anthology, and with --booklets every film's booklet too
// (the shorthand for `build` and `booklets` in one run, on all cores).
int build(const Options& options, const LoadedBook& loaded, base::SourceMap& sources,
          base::Diagnostics& diagnostics) {
    auto moment = build_time(loaded.manifest, diagnostics);
    std::optional<epub::Options> epub_settings;
    if (options.want_epub) epub_settings = epub_options(loaded, loaded.manifest.style, moment, diagnostics);
    // The EPUB needs the print setup too: its index cites print pages.
    auto print = print_setup(loaded, loaded.design, moment, options.profile, diagnostics);
    if (diagnostics.has_errors() || !print) return kInputError;
    print->settings.threads = options.jobs;

    std::vector<Job> jobs(1);
    jobs[0].book = loaded.book;
    jobs[0].stem = (fs::path(options.output_dir) / loaded.book.metadata.id).string();
    jobs[0].print = &*print;
    jobs[0].epub = epub_settings;
    jobs[0].want_pdf = options.want_pdf;
    jobs[0].want_cover = options.cover;
    jobs[0].print_isbn = loaded.manifest.print_isbn;
    std::optional<BookletRun> booklet_run;  // owns the booklets' print setup while they run
    if (options.booklets) {
        booklet_run = prepare_booklets(options, loaded, sources, moment, diagnostics);
        if (!booklet_run) return kInputError;
        for (auto& job : booklet_run->jobs) jobs.push_back(std::move(job));
    }
    const bool all_written = run_jobs(jobs, options);
    merge_diagnostics(jobs, diagnostics);
    return all_written && !failed(diagnostics, options) ? kSuccess : kInputError;
}

}  // namespace

int run(const Options& options) {
    if (options.command == "watch") return watch(options);
    base::SourceMap sources;
    return run_once(options, sources);
}

int run_once(const Options& options, base::SourceMap& sources) {
    base::Diagnostics diagnostics;
    if (options.timings) enable_timings();
    std::optional<Stage> stage(std::in_place, "load");
    auto loaded = load_book(options.manifest_path, sources, diagnostics, options.root_dir, options.jobs);
    stage.reset();
    int status = kSuccess;
    if (!loaded || failed(diagnostics, options)) {
        status = kInputError;
    } else if (options.command == "index-candidates") {
        auto found = index::candidates(loaded->book, loaded->index_file ? &*loaded->index_file : nullptr,
                                       loaded->design.index_locators_per_lens);
        std::cout << manifest::emit_index_file(
            found, "Index candidates for " + options.manifest_path +
                       ": promote entries worth indexing into the curated index file (`index:` in the manifest). "
                       "An entry with more than " +
                       std::to_string(loaded->design.index_locators_per_lens) +
                       " locators in one lens has proposed subentries: phrases that recur around it (`rule: "
                       "phrases`); one marked `rule: subentries` is already curated, for its subentries alone.");
    } else if (options.command == "dump") {
        std::cout << model::dump(loaded->book, sources);
    } else if (options.command == "check") {
        if (!options.quiet) {
            std::size_t chapters = 0;
            for (const auto& part : loaded->book.parts) chapters += part.chapters.size();
            std::cout << options.manifest_path << ": " << loaded->book.parts.size() << " film(s), " << chapters
                      << " essay(s), no errors\n";
        }
    } else if (options.command == "booklets") {
        status = booklets(options, *loaded, sources, diagnostics);
    } else if (options.command == "preview") {
        status = preview(options, *loaded, diagnostics);
    } else {
        status = build(options, *loaded, sources, diagnostics);  // build, cover, and each build of watch
    }
    print_diagnostics(diagnostics, sources);
    print_timings();
    if (status == kSuccess && options.strict && diagnostics.warning_count() > 0) status = kInputError;
    return status;
}

}  // namespace cinefolio::cli
