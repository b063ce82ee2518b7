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
#include <set>
#include <thread>
#include <tuple>

#include "cinefolio/base/files.hpp"
#include "cinefolio/epub/epub.hpp"
#include "cinefolio/index/index.hpp"
#include "cinefolio/model/booklet.hpp"
#include "cinefolio/pdf/cover.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cli.hpp"

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

// Without a cover image, a typographic one in the book's typeface.
std::optional<epub::Resource> generated_cover(const model::Metadata& metadata, base::Diagnostics& diagnostics) {
    const std::string folder = "fonts/linux-libertine/";
    auto regular = read_resource(folder + "LinLibertine_R.otf", diagnostics);
    auto italic = read_resource(folder + "LinLibertine_RI.otf", diagnostics);
    auto bold = read_resource(folder + "LinLibertine_RB.otf", diagnostics);
    if (!regular || !italic || !bold) return std::nullopt;
    pdf::FontFiles fonts;
    fonts.regular = std::move(*regular);
    fonts.italic = std::move(*italic);
    fonts.bold = std::move(*bold);
    auto png = pdf::cover_png(metadata, fonts, diagnostics);
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
    options.cover = loaded.cover ? loaded.cover : generated_cover(loaded.book.metadata, diagnostics);
    if (!options.cover) return std::nullopt;
    return options;
}

std::optional<pdf::Options> pdf_options(const LoadedBook& loaded, std::int64_t moment, base::Diagnostics& diagnostics) {
    pdf::Options options;
    options.build_time = moment;
    options.hyphenation_patterns = hyphenation_patterns(loaded.book.metadata.language, diagnostics);
    options.hyphenation_exceptions = loaded.manifest.hyphenation_exceptions;
    for (const auto& image : loaded.images) options.images[image.name] = {image.media_type, image.bytes};
    const std::string folder = "fonts/linux-libertine/";
    auto regular = read_resource(folder + "LinLibertine_R.otf", diagnostics);
    auto italic = read_resource(folder + "LinLibertine_RI.otf", diagnostics);
    auto bold = read_resource(folder + "LinLibertine_RB.otf", diagnostics);
    auto bold_italic = read_resource(folder + "LinLibertine_RBI.otf", diagnostics);
    auto mono = read_resource(folder + "LinLibertine_M.otf", diagnostics);
    auto fallback = read_resource("fonts/dejavu/DejaVuSans.ttf", diagnostics);
    if (!regular || !italic || !bold || !bold_italic || !mono || !fallback) return std::nullopt;
    options.fonts = {std::move(*regular),     std::move(*italic), std::move(*bold),
                     std::move(*bold_italic), std::move(*mono),   {std::move(*fallback)}};
    // For comparisons (tests/bench): CINEFOLIO_MICROTYPE=none, expansion or
    // protrusion; unset means both.
    if (const char* microtype = std::getenv("CINEFOLIO_MICROTYPE")) {
        const std::string value = microtype;
        options.font_expansion = value.find("expansion") != std::string::npos;
        options.margin_kerning = value.find("protrusion") != std::string::npos;
    }
    return options;
}

struct Output {
    std::string path;
    std::string bytes;
};

// One book to write: the anthology, or a film's booklet.
struct Job {
    model::Book book;
    std::optional<epub::Options> epub;  // with the book's own cover
    base::Diagnostics diagnostics;
    std::vector<Output> outputs;
};

// The backends are pure functions over a const Book, so every job runs on
// its own thread pool worker with its own diagnostics; the results are
// merged in job order, so the messages and the files do not depend on
// which worker finished first. Within a job the print edition comes
// first: the EPUB's index cites its pages. An EPUB built without its PDF
// is paginated all the same (and its typesetting warnings, which concern
// print only, dropped), so the EPUB's bytes do not depend on `--format`.
void run_jobs(std::vector<Job>& jobs, const std::optional<pdf::Options>& typesetting, bool want_pdf,
              const std::string& output_dir) {
    std::vector<std::optional<std::string>> epubs(jobs.size()), pdfs(jobs.size());
    auto run = [&](std::size_t i) {
        Job& job = jobs[i];
        pdf::PageLabels labels;
        if (want_pdf) {
            if (auto printed = pdf::print(job.book, *typesetting, job.diagnostics)) {
                labels = std::move(printed->page_labels);
                pdfs[i] = std::move(printed->bytes);
            }
        } else if (job.epub && typesetting) {
            base::Diagnostics print_only;
            if (auto paginated = pdf::paginate(job.book, *typesetting, print_only)) labels = std::move(*paginated);
        }
        if (job.epub) {
            job.epub->page_labels = std::move(labels);
            epubs[i] = epub::write(job.book, *job.epub, job.diagnostics);
        }
    };
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t job = next++; job < jobs.size(); job = next++) run(job);
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
    std::optional<pdf::Options> pdf_settings;
    if (options.want_epub) epub_settings = epub_options(loaded, moment, diagnostics);
    // The EPUB needs the typesetting settings too: its index cites print pages.
    if (options.want_pdf || options.want_epub) pdf_settings = pdf_options(loaded, moment, diagnostics);
    if (diagnostics.has_errors()) return kInputError;

    std::vector<Job> jobs(1);
    jobs[0].book = loaded.book;
    jobs[0].epub = epub_settings;
    if (options.booklets) {
        for (std::size_t part = 0; part < loaded.book.parts.size(); ++part) {
            Job job;
            job.book = model::booklet(loaded.book, part);
            job.epub = epub_settings;
            // A booklet's cover names its film, unless the book has an image.
            if (job.epub && loaded.manifest.cover.empty())
                job.epub->cover = generated_cover(job.book.metadata, diagnostics);
            jobs.push_back(std::move(job));
        }
        if (diagnostics.has_errors()) return kInputError;
    }
    run_jobs(jobs, pdf_settings, options.want_pdf, options.output_dir);
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
