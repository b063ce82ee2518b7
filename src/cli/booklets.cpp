// `booklets`: one EPUB and PDF per film, each a small book of its own,
// selected with --films and sliced with --shard for a CI matrix or an
// indexed batch job.

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cinefolio/base/text.hpp"
#include "cinefolio/model/booklet.hpp"
#include "jobs.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// ASCII letters for the accented Latin letters film titles use (Latin-1
// and Latin Extended-A), so "Sátántangó" is "satantango" and not "sttang".
// One entry per code point from U+00C0; "" drops the character.
const char* ascii_letters(char32_t code_point) {
    static const char* const latin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};
    // U+0100-U+017F, one letter each; `*` is ij, `#` is oe.
    static const std::string_view extended_a =
        "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "ii**jjkkklllllll"
        "lllnnnnnnnnnoooo" "oo##rrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
    if (code_point >= 0xC0 && code_point < 0x100) return latin1[code_point - 0xC0];
    if (code_point >= 0x100 && code_point < 0x180) {
        static const char* const letters[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                                              "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
        const char letter = extended_a[code_point - 0x100];
        if (letter == '*') return "ij";
        if (letter == '#') return "oe";
        return letters[letter - 'a'];
    }
    return nullptr;
}

std::string fold_to_ascii(std::string_view text) {
    std::string out;
    for (std::size_t offset = 0; offset < text.size();) {
        const char32_t code_point = base::decode_utf8(text, offset);
        // An apostrophe joins a word: "Don't" is "dont", not "don-t".
        if (code_point == '\'' || code_point == U'\u2019') continue;
        if (code_point < 0x80) out += static_cast<char>(code_point);
        else if (const char* letters = ascii_letters(code_point)) out += letters;
        else out += ' ';  // a letter we cannot spell in ASCII still parts words
    }
    return out;
}

// The films --films selects (every film without it), in the book's order,
// then the shard's slice of them: film i is in slice i mod N + 1, so the
// N slices are disjoint, cover every film and differ in size by one at most.
std::optional<std::vector<std::size_t>> selected_parts(const Options& options, const model::Book& book,
                                                      base::Diagnostics& diagnostics) {
    for (const auto id : options.films) {
        const bool found = std::any_of(book.parts.begin(), book.parts.end(),
                                       [&](const model::Part& part) { return part.film_id == id; });
        if (found) continue;
        std::string films;
        for (const auto& part : book.parts)
            films += (films.empty() ? "" : ", ") + std::to_string(part.film_id) + " (" + part.title + ")";
        diagnostics.error({}, "--films names " + std::to_string(id) + ", which is no film of this book",
                          "its films are " + films);
    }
    if (diagnostics.has_errors()) return std::nullopt;
    std::vector<std::size_t> parts;
    std::size_t position = 0;
    for (std::size_t part = 0; part < book.parts.size(); ++part) {
        const auto id = book.parts[part].film_id;
        if (!options.films.empty() && std::find(options.films.begin(), options.films.end(), id) == options.films.end())
            continue;
        if (position++ % static_cast<std::size_t>(options.shard_count) == static_cast<std::size_t>(options.shard - 1))
            parts.push_back(part);
    }
    return parts;
}

}  // namespace

std::string booklet_stem(const model::Part& film) {
    std::string slug = base::slug(fold_to_ascii(film.title));
    // Long titles are cut at a word, so names stay readable in a listing.
    constexpr std::size_t longest = 48;
    if (slug.size() > longest) {
        slug.resize(longest);
        if (const auto hyphen = slug.rfind('-'); hyphen != std::string::npos && hyphen > 0) slug.resize(hyphen);
    }
    if (slug.empty()) slug = "film";
    return slug + "-" + std::to_string(film.film_id);
}

std::optional<BookletRun> prepare_booklets(const Options& options, const LoadedBook& loaded,
                                           base::SourceMap& sources, std::int64_t moment,
                                           base::Diagnostics& diagnostics) {
    const auto& settings = loaded.manifest.booklets;
    auto design = load_booklet_design(loaded.manifest, sources, diagnostics);
    if (!design) return std::nullopt;
    // The painter pads every booklet to `booklets.pad_to` (4: folded sheets).
    design->production.pad_to = settings.pad_to;
    auto print = print_setup(loaded, *design, moment, options.profile, diagnostics);
    std::optional<epub::Options> epub;
    if (options.want_epub)
        epub = epub_options(loaded, settings.style.empty() ? loaded.manifest.style : settings.style, moment,
                            diagnostics);
    auto parts = selected_parts(options, loaded.book, diagnostics);
    if (!print || !parts || diagnostics.has_errors()) return std::nullopt;
    BookletRun prepared;
    prepared.print = std::make_unique<PrintSetup>(std::move(*print));
    for (const auto part : *parts) {
        const model::Part& film = loaded.book.parts[part];
        Job job;
        job.book = model::booklet(loaded.book, part);
        job.stem = (fs::path(options.output_dir) / booklet_stem(film)).string();
        job.print = prepared.print.get();
        job.want_pdf = options.want_pdf;
        job.want_cover = options.cover;
        if (epub) {
            job.epub = epub;
            // The anthology's cover image does not name the film: a booklet
            // shows its film's own cover, or a typographic one (run_job).
            job.epub->cover.reset();
            if (const auto cover = loaded.film_covers.find(film.film_id); cover != loaded.film_covers.end())
                job.epub->cover = cover->second;
        }
        prepared.jobs.push_back(std::move(job));
    }
    return prepared;
}

int booklets(const Options& options, const LoadedBook& loaded, base::SourceMap& sources,
             base::Diagnostics& diagnostics) {
    auto moment = build_time(loaded.manifest, diagnostics);
    auto prepared = prepare_booklets(options, loaded, sources, moment, diagnostics);
    if (!prepared) return kInputError;
    if (prepared->jobs.empty()) {
        // More slices than films: this one is empty, which is no error.
        if (!options.quiet)
            std::cout << "shard " << options.shard << "/" << options.shard_count << " holds no film" << std::endl;
        return kSuccess;
    }
    const bool all_written = run_jobs(prepared->jobs, options);
    merge_diagnostics(prepared->jobs, diagnostics);
    return all_written && !failed(diagnostics, options) ? kSuccess : kInputError;
}

}  // namespace cinefolio::cli
