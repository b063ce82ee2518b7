// Running jobs: typeset each book once, paint and write its files the
// moment it is done.

#include "jobs.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cinefolio/base/files.hpp"
#include "cinefolio/base/parallel.hpp"
#include "cinefolio/model/words.hpp"
#include "cinefolio/pdf/cover.hpp"
#include "disk_cache.hpp"
#include "print_edition.hpp"
#include "progress.hpp"
#include "timings.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

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

// The words a cover shows, in the book's language.
pdf::CoverText cover_text(const model::Metadata& metadata) {
    const model::Words& words = model::words_for(metadata.language);
    // The manifest requires a title; a film's booklet takes the film's, which may be empty.
    return {metadata.title.empty() ? std::string(words.untitled) : metadata.title, metadata.subtitle,
            model::join_names(metadata.creators, words), std::string(words.edited_by_caps)};
}

// Without a cover image, a typographic one in the book's own faces; from
// the cache when an earlier build painted the same words in the same faces.
std::optional<epub::Resource> generated_cover(const model::Metadata& metadata, const PrintSetup& print,
                                              const typeset::FontSet& fonts, DiskCache* cache,
                                              base::Diagnostics& diagnostics) {
    const pdf::CoverText text = cover_text(metadata);
    const pdf::CoverSize size;
    base::Digest key;
    if (cache) {
        base::Hasher inputs;
        inputs.add(text.title).add(text.subtitle).add(text.editors).add(text.edited_by);
        inputs.add(static_cast<std::uint64_t>(size.width)).add(static_cast<std::uint64_t>(size.height));
        inputs.add(std::string_view(reinterpret_cast<const char*>(print.faces_digest.bytes.data()),
                                    print.faces_digest.bytes.size()));
        inputs.add(pdf::cover_png_engine());
        key = cache->key("cover", inputs);
        if (auto png = cache->read("cover", key)) return epub::Resource{"images/cover.png", "image/png", std::move(*png)};
    }
    // Only a cover painted without a word to say is kept: a hit must not
    // silence a warning.
    base::Diagnostics said;
    auto png = pdf::cover_png(text, fonts, said, size);
    if (cache && png && said.all().empty()) cache->write("cover", key, *png);
    diagnostics.append(said);
    if (!png) return std::nullopt;
    return epub::Resource{"images/cover.png", "image/png", std::move(*png)};
}

struct JobFiles {
    std::optional<std::string> epub;
    std::optional<std::string> pdf;
    std::optional<std::string> cover;
};

/// The faces a worker thread loaded, by print set-up: FreeType faces must
/// not be shared between threads, but a thread's jobs of one design (the
/// booklets) share them, and with them Cairo's glyph caches, which hold
/// every glyph's outline and metrics and would otherwise be filled again
/// for each booklet. No output depends on what a cache holds.
using ThreadFonts = std::map<const PrintSetup*, typeset::FontSet>;

const typeset::FontSet* fonts_for(const PrintSetup& print, ThreadFonts& loaded, base::Diagnostics& diagnostics) {
    if (auto found = loaded.find(&print); found != loaded.end()) return &found->second;
    auto fonts = typeset::FontSet::load(print.faces.view(), diagnostics);
    if (!fonts) return nullptr;  // said in this job; the next job tries again and says so too
    return &loaded.emplace(&print, std::move(*fonts)).first->second;
}

// Typesets a job's book once; the PDF paints that layout and the EPUB
// takes its page labels from it.
JobFiles run_job(Job& job, ThreadFonts& thread_fonts, DiskCache* cache) {
    JobFiles files;
    const PrintSetup& print = *job.print;
    const typeset::FontSet* fonts = fonts_for(print, thread_fonts, job.diagnostics);
    if (!fonts) return files;
    // An EPUB built without its PDF is paginated all the same (its index
    // cites print pages) and its typesetting warnings, which concern print
    // only, dropped: so the EPUB's bytes do not depend on `--format`.
    base::Diagnostics print_only;
    // The EPUB's cover is drawn first, before any thread sets a film: it
    // uses this thread's FreeType faces, and its 16 MB raster is given back
    // before the layout grows (drawn after, it set the EPUB's peak). Its
    // messages follow the painter's, as when one ran after the other.
    base::Diagnostics epub_diagnostics;
    if (job.epub && !job.epub->cover) {
        Stage cover("cover");
        job.epub->cover = generated_cover(job.book.metadata, print, *fonts, cache, epub_diagnostics);
    }
    std::optional<Stage> stage(std::in_place, "typeset");
    // Without its PDF nothing paints the layout: its lines keep no glyphs.
    std::optional<typeset::Settings> layout_only;
    if (!job.want_pdf) {
        layout_only.emplace(print.settings);
        layout_only->glyphs = false;
    }
    // The painter paints the body's pages as they are set, on this thread,
    // while the worker threads set the films after them. It pads the
    // pages to `print: {pad_to}` (a booklet's 4).
    auto options = pdf_options(job.book.metadata, print.settings.design.production, print.moment);
    options.threads = print.settings.threads;
    options.progress = print.settings.progress;
    std::optional<pdf::StreamingPaint> painting;
    typeset::PageSink sink;
    if (job.want_pdf) {
        painting.emplace(print.settings.design.trim_width, print.settings.design.trim_height, *fonts, *print.images,
                         options);
        sink = [&painting](typeset::Page&& page) { painting->page(std::move(page)); };
    } else {
        // The EPUB needs of the layout only its page labels and starts:
        // each page's lines are dropped as soon as the page is made.
        sink = [](typeset::Page&&) {};
    }
    auto document = typeset::typeset(job.book, layout_only ? *layout_only : print.settings, *fonts,
                                     job.want_pdf ? job.diagnostics : print_only, sink);
    stage.reset();
#if defined(__GLIBC__)
    // With glibc's allocator (the tests', and the program's when built
    // without tcmalloc), setting the films on worker threads leaves their
    // arenas holding the space of the lists the pages were moved out of:
    // handing it back keeps the painter's and the EPUB's memory from
    // stacking on top of it. tcmalloc's central lists reuse that space
    // for any thread, and this call leaves them alone.
    malloc_trim(0);
#endif
    if (!document) {
        if (!job.want_pdf) job.diagnostics.append(print_only);
        job.diagnostics.append(epub_diagnostics);
        return files;
    }
    // The EPUB is written on a thread of its own while the PDF's front
    // matter is painted and the file finished (unless -j 1): both only
    // read the book and the layout.
    std::future<decltype(epub::write(job.book, *job.epub, epub_diagnostics))> written;
    if (job.epub) {
        if (job.epub->cover) {
            job.epub->page_labels = std::move(document->anchor_labels);  // the painter reads anchor_pages
            job.epub->page_starts = epub_page_starts(*document);
            job.epub->print_source = print_source(job.print_isbn, job.book.metadata.identifier, print.settings.design);
            job.epub->print_colophon = document->colophon;
            const auto policy = print.settings.threads == 1 ? std::launch::deferred : std::launch::async;
            written = std::async(policy, [&job, &epub_diagnostics] {
                Stage epub("epub");
                return epub::write(job.book, *job.epub, epub_diagnostics);
            });
        }
    }
    if (job.want_pdf) {
        Stage paint("paint");
        files.pdf = painting->finish(*document, job.diagnostics);
        painting.reset();
    }
    if (job.want_cover) {
        pdf::PrintCover cover = print.cover;
        cover.text = cover_text(job.book.metadata);
        cover.pages = pdf::padded_page_count(document->pages.size(), options.pad_to);
        cover.image = print.cover_image ? &*print.cover_image : nullptr;
        files.cover = pdf::cover_pdf(cover, *fonts, options, job.diagnostics);
    }
    if (written.valid()) files.epub = written.get();
    job.diagnostics.append(epub_diagnostics);
    return files;
}

}  // namespace

bool make_output_folder(const std::string& folder, base::Diagnostics& diagnostics) {
    std::error_code code;
    fs::create_directories(folder, code);
    if (!code) return true;
    diagnostics.error({}, "cannot create the output folder `" + folder + "`: " + code.message());
    return false;
}

namespace {

// The blocks of a book's essays, lists' items and notes included: about
// the paragraphs it sets (a progress bar's yardstick).
std::size_t block_count(const std::vector<model::Block>& blocks) {
    std::size_t count = blocks.size();
    for (const auto& block : blocks) count += block_count(block.children);
    return count;
}

std::size_t block_count(const model::Book& book) {
    std::size_t count = 0;
    for (const auto& part : book.parts)
        for (const auto& chapter : part.chapters) {
            count += block_count(chapter.blocks);
            for (const auto& note : chapter.footnotes) count += block_count(note.blocks);
        }
    return count;
}

// Writes a finished job's files and says so at once (flushed), so a long
// run shows its progress even into a pipe or a log file.
bool write_job(Job& job, JobFiles& files, const Options& options, std::mutex& console, ProgressBar& bar) {
    if (failed(job.diagnostics, options)) return false;
    if ((job.epub && !files.epub) || (job.want_pdf && !files.pdf) || (job.want_cover && !files.cover)) return false;
    {
        // Made by the first job to finish, so a run that fails writes no folder either.
        const std::lock_guard<std::mutex> lock(console);
        const auto folder = fs::path(job.stem).parent_path();
        if (!folder.empty() && !make_output_folder(folder.string(), job.diagnostics)) return false;
    }
    std::vector<std::pair<std::string, std::string*>> outputs;
    if (files.epub) outputs.emplace_back(job.stem + ".epub", &*files.epub);
    if (files.pdf) outputs.emplace_back(job.stem + ".pdf", &*files.pdf);
    if (files.cover) outputs.emplace_back(job.stem + "-cover.pdf", &*files.cover);
    Stage stage("write");
    for (const auto& [path, bytes] : outputs) {
        std::string error;
        if (!base::write_file_atomic(path, *bytes, error)) {
            job.diagnostics.error({}, "cannot write `" + path + "`: " + error);
            return false;
        }
        base::count(&build_progress().files_written);
        if (!options.quiet) bar.say("wrote " + path + " (" + std::to_string((bytes->size() + 512) / 1024) + " KiB)");
    }
    return true;
}

}  // namespace

bool failed(const base::Diagnostics& diagnostics, const Options& options) {
    return diagnostics.has_errors() || (options.strict && diagnostics.warning_count() > 0);
}

std::optional<epub::Options> epub_options(const LoadedBook& loaded, const std::string& style, std::int64_t moment,
                                          base::Diagnostics& diagnostics) {
    epub::Options options;
    options.modified = iso8601(moment);
    auto css = read_resource("styles/" + style + "/epub.css", diagnostics);
    if (!css) return std::nullopt;
    options.stylesheet = std::move(*css);
    if (!add_style_resources(options, diagnostics)) return std::nullopt;
    options.resources.insert(options.resources.end(), loaded.images.begin(), loaded.images.end());
    // One copy of the fonts and images for every book of the run: 500
    // booklets each holding their own came to 3 GB.
    options.shared_resources = std::make_shared<const std::vector<epub::Resource>>(std::move(options.resources));
    options.resources.clear();
    options.cover = loaded.cover;
    // The EPUB's contents list what the print contents lists, and bold
    // leads follow the one rule the print design sets for the book.
    const manifest::ContentsShows& shows = loaded.design.contents;
    options.contents = {shows.title, shows.author, shows.lens};
    options.leads_apart = loaded.design.leads == manifest::Leads::display;
    return options;
}

std::optional<PrintSetup> print_setup(const LoadedBook& loaded, const manifest::PrintDesign& design,
                                      std::int64_t moment, const std::string& profile,
                                      base::Diagnostics& diagnostics) {
    PrintSetup setup;
    setup.moment = moment;
    auto faces = read_faces(design.faces, diagnostics);
    if (!faces) return std::nullopt;
    setup.faces = std::move(*faces);
    for (const auto& image : loaded.images) setup.image_files[image.name] = {image.media_type, image.bytes};
    setup.images = std::make_unique<pdf::PrintImages>(setup.image_files);
    typeset::Settings& settings = setup.settings;
    settings.design = design;
    // `--profile` wins over the manifest's `print: {profile: …}`.
    if (!profile.empty()) settings.design.production.profile = profile;
    settings.hyphenation_patterns = hyphenation_patterns(loaded.book.metadata.language, diagnostics);
    // An essay in a language of its own is hyphenated by that language's patterns.
    for (const auto& part : loaded.book.parts)
        for (const auto& chapter : part.chapters)
            if (!chapter.language.empty() && chapter.language != loaded.book.metadata.language &&
                !settings.essay_hyphenation_patterns.contains(chapter.language))
                settings.essay_hyphenation_patterns[chapter.language] = hyphenation_patterns(chapter.language, diagnostics);
    settings.hyphenation_exceptions = loaded.manifest.hyphenation_exceptions;
    settings.hyphenate_names = loaded.manifest.hyphenate_names;
    settings.images = setup.images->info();
    // One cache for the books this design sets (the book, or all booklets).
    settings.cache = typeset::make_text_cache(settings, loaded.book.metadata.language);
    settings.progress = &build_progress();
    base::Hasher faces_inputs;
    const typeset::FontBytes face_bytes = setup.faces.view();
    for (std::string_view face : {face_bytes.regular, face_bytes.italic, face_bytes.bold, face_bytes.bold_italic,
                                  face_bytes.mono})
        faces_inputs.add(face);
    for (std::string_view face : face_bytes.fallbacks) faces_inputs.add(face);
    setup.faces_digest = faces_inputs.finish();
    setup.cover = print_cover_of(loaded, settings.design);
    if (loaded.cover) setup.cover_image = pdf::ImageFile{loaded.cover->media_type, loaded.cover->bytes};
    // For comparisons (tests/bench): CINEFOLIO_MICROTYPE=none, expansion or
    // protrusion; unset means both.
    if (const char* microtype = std::getenv("CINEFOLIO_MICROTYPE")) {
        const std::string value = microtype;
        settings.font_expansion = value.find("expansion") != std::string::npos;
        settings.margin_kerning = value.find("protrusion") != std::string::npos;
    }
    return setup;
}

// The backends are pure functions over const values, so every job runs on
// its own worker with its own diagnostics; a file's bytes depend on its
// job only, so it may be written the moment its job is done, in whatever
// order the workers finish.
bool run_jobs(std::vector<Job>& jobs, const Options& options) {
    if (jobs.empty()) return true;
    std::unique_ptr<DiskCache> cache = open_cache(options);
    // Each design's text memo starts from what the last build learnt.
    struct Memo {
        typeset::TextCache* memo = nullptr;
        base::Digest key;
        std::size_t size = 0;
    };
    std::vector<Memo> memos;
    if (cache) {
        std::set<const PrintSetup*> seen;
        for (const Job& job : jobs) {
            if (!seen.insert(job.print).second || !job.print->settings.cache) continue;
            const PrintSetup& print = *job.print;
            base::Hasher inputs;
            typeset::hash_text_cache_inputs(print.settings, print.faces.view(), job.book.metadata.language, inputs);
            Memo memo{print.settings.cache.get(), cache->key("text", inputs), 0};
            Stage stage("cache");
            if (auto bytes = cache->read("text", memo.key); bytes && !typeset::restore_text_cache(*memo.memo, *bytes))
                cache->count_damaged();
            memo.size = typeset::text_cache_size(*memo.memo);
            memos.push_back(memo);
        }
    }
    base::Progress& progress = build_progress();
    progress.reset();
    progress.books = jobs.size();
    bool painting = false;
    for (const Job& job : jobs) {
        progress.files_expected += (job.epub ? 1 : 0) + (job.want_pdf ? 1 : 0) + (job.want_cover ? 1 : 0);
        progress.paragraphs_expected += block_count(job.book);
        painting = painting || job.want_pdf;
    }
    std::vector<char> written(jobs.size(), 0);
    {
        ProgressBar bar(!options.quiet, painting);
        std::mutex console;
        std::vector<ThreadFonts> fonts(base::worker_count(jobs.size(), options.jobs));
        base::parallel_for(jobs.size(), options.jobs, [&](std::size_t job, std::size_t worker) {
            JobFiles files = run_job(jobs[job], fonts[worker], cache.get());
            written[job] = write_job(jobs[job], files, options, console, bar);
            // Only its messages are needed now: a run of 500 booklets kept
            // each one's model and EPUB parts (its cover, its page labels).
            jobs[job].book = {};
            jobs[job].epub.reset();
        });
    }
    const bool all = std::all_of(written.begin(), written.end(), [](char done) { return done != 0; });
    if (cache) {
        Stage stage("cache");
        // A memo is written again only when this build taught it words.
        // Designs with the same faces and hyphenation (the book's and the
        // booklets') share one entry, which takes what each learnt.
        std::map<std::string, std::size_t> first_of;  // an entry's key -> the memo that writes it
        std::vector<char> grew(memos.size(), 0);
        for (std::size_t m = 0; m < memos.size(); ++m) {
            const auto [found, first] = first_of.try_emplace(memos[m].key.hex(), m);
            if (typeset::text_cache_size(*memos[m].memo) > memos[m].size) grew[found->second] = 1;
            if (!first) typeset::restore_text_cache(*memos[found->second].memo, typeset::save_text_cache(*memos[m].memo));
        }
        for (const auto& [key, m] : first_of)
            if (grew[m]) cache->write("text", memos[m].key, typeset::save_text_cache(*memos[m].memo));
        if (all) cache->flush();
        cache->report(jobs.front().diagnostics);
        const DiskCache::Counts counts = cache->counts();
        timing_note("cache: " + std::to_string(counts.hits) + " read, " + std::to_string(counts.misses) +
                    " missing, " + std::to_string(counts.damaged) + " damaged (ignored), " +
                    std::to_string(counts.written) + " written, in " + cache->folder());
    }
    return all;
}

void merge_diagnostics(const std::vector<Job>& jobs, base::Diagnostics& into) {
    std::set<std::tuple<int, std::size_t, std::string>> said;
    for (const auto& job : jobs) {
        for (const auto& item : job.diagnostics.all()) {
            if (!said.emplace(item.span.file, item.span.begin, item.message).second) continue;
            base::Diagnostics one;
            if (item.severity == base::Severity::error)
                one.error(item.span, item.message, item.hint);
            else if (item.severity == base::Severity::warning)
                one.warning(item.span, item.message, item.hint);
            else
                one.note(item.span, item.message, item.hint);
            into.append(one);
        }
    }
}

}  // namespace cinefolio::cli
