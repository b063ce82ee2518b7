// Command-line parsing and help texts.

#include <algorithm>
#include <iostream>
#include <stdexcept>

#include "cinefolio/base/text.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

namespace {

constexpr const char* kUsage = R"(usage: cinefolio <command> [options] BOOK.yaml

Compiles anthologies of film criticism into EPUB 3 and print PDF.

commands:
  new     DIR                                      start a book in DIR (a new or empty folder)
  build   BOOK.yaml [-o DIR] [--format epub,pdf]   write DIR/<id>.epub and DIR/<id>.pdf
          [--booklets]                             and one EPUB and PDF per film
  watch   BOOK.yaml [-o DIR] [build's options]     build, then rebuild whenever a file of the book changes
  cover   BOOK.yaml [-o DIR] [--profile print]     write DIR/<id>-cover.pdf, the wrap-around print cover
  booklets BOOK.yaml [-o DIR] [--films ID,...]     one EPUB and PDF per film:
          [--format epub,pdf] [--shard K/N]        DIR/<film-title>-<movieId>.epub and .pdf
  preview BOOK.yaml [-o DIR] [--pages 1-4]         render print pages to PNG
          [--dpi 96] [--spreads]
  check   BOOK.yaml                                validate the book, write nothing
  dump    BOOK.yaml                                print the book model as indented text
  index-candidates BOOK.yaml                       print index candidates (YAML) for the editor

options:
  -h, --help      show help (also after a command: `cinefolio build --help`)
  --version       print the version and the folder of styles, fonts and templates
  --strict        treat warnings as errors
  --root DIR      the folder every file of the book must lie in (default:
                  the manifest's folder)
  -q, --quiet     print only diagnostics

exit status: 0 success, 1 errors in the input, 2 wrong usage.
SOURCE_DATE_EPOCH, when set, fixes every date written into the outputs.
)";

constexpr const char* kNewHelp = R"(usage: cinefolio new DIR [-q]

Starts a book in DIR, which must be a new or an empty folder: book.yaml with
every manifest key set or explained, two essays with front matter (one with
a footnote), a scraped article listed under `imports:`, and a curated
index.yaml. It builds at once: `cinefolio build DIR/book.yaml -o DIR/out`.
The book's `id` is made from DIR's name and its `date` is today
(SOURCE_DATE_EPOCH when set).
)";

constexpr const char* kBuildHelp = R"(usage: cinefolio build BOOK.yaml [-o DIR] [--format epub,pdf] [--booklets] [--profile screen|print] [--cover] [--root DIR] [--strict] [-q]

Compiles the book into DIR/<id>.epub and DIR/<id>.pdf (DIR defaults to out/,
<id> to the manifest's `id` or its folder's name). Nothing is written when
the book has errors; each file is written under a temporary name and renamed.

  -o, --output DIR     output folder (created if missing)
  --format LIST        comma-separated: epub, pdf (default both)
  --booklets           also one booklet per film, as `cinefolio booklets` writes
                       them (DIR/<film-title-slug>-<movieId>.epub and .pdf)
  --profile NAME       screen (links, tags; the default) or print (PDF/X-1a:2003
                       with trim and bleed boxes, no annotations); overrides
                       the manifest's `print: {profile: …}`
  --cover              also DIR/<id>-cover.pdf, the wrap-around print cover
  --root DIR           read files only from DIR (default: the manifest's folder)
  --strict             treat warnings as errors
  -j, --jobs N         set N films at once and build N booklets at once (default:
                       one per core); the files are the same for every N
  --timings            print each stage's time and the peak memory on stderr
  --cache DIR          keep what a build learns (shaped words, hyphenations,
                       covers) in DIR for the next build (default:
                       .cinefolio-cache in the output folder); safe to delete
  --no-cache           neither read nor write the cache
  -q, --quiet          print only diagnostics
)";

constexpr const char* kWatchHelp = R"(usage: cinefolio watch BOOK.yaml [-o DIR] [--format epub,pdf] [--booklets] [--profile screen|print] [--cover] [--root DIR] [--strict] [--rebuilds N] [-q]

Builds the book as `cinefolio build` does, then watches its files and builds
it again whenever one is saved: the manifest, the essays (a new file in a
folder the manifest names counts), the index file, the images and the
style's files. Every file under the book's folder is watched except hidden
folders and the output folder. Each rebuild prints the file that changed and
how long it took; a book with errors keeps the files written before (every
file is written under a temporary name and renamed) and is built again at
the next save. Ctrl-C stops once the build under way has written its files.

  -o, --output DIR     output folder (created if missing)
  --format LIST        comma-separated: epub, pdf (default both)
  --booklets           also one booklet per film
  --profile NAME       screen (the default) or print
  --cover              also DIR/<id>-cover.pdf
  --root DIR           read files only from DIR (default: the manifest's folder)
  --strict             treat warnings as errors
  -j, --jobs N         threads, as for build
  --rebuilds N         stop after N rebuilds (for scripts; default: until Ctrl-C)
  --timings            print each build's stages and peak memory on stderr
  --cache DIR          keep what a build learns (shaped words, hyphenations,
                       covers) in DIR for the next build (default:
                       .cinefolio-cache in the output folder); safe to delete
  --no-cache           neither read nor write the cache
  -q, --quiet          print only diagnostics
)";

constexpr const char* kCoverHelp = R"(usage: cinefolio cover BOOK.yaml [-o DIR] [--profile screen|print] [--root DIR] [--strict] [-q]

Writes DIR/<id>-cover.pdf: back, spine and front of the printed book on one
sheet, 2 x trim width + spine wide, plus the bleed on every side in the
print profile. The book is set first, so the spine follows its page count
(padded as `print: {pad_to: …}` asks) and paper (`print: {paper: white}`:
0.002252 in a page, `cream`: 0.0025 in). The front shows the title,
subtitle and creators (over the manifest's `cover` image when it gives
one); the spine its title and creators once it is 0.25 in wide; the back
the manifest's `back_cover` text, with room for the barcode when the book
has an `isbn`. `build --cover` writes it beside the book.

  -o, --output DIR     output folder (created if missing)
  --profile NAME       screen or print (PDF/X-1a:2003, bleed and boxes)
  --root DIR           read files only from DIR (default: the manifest's folder)
  --strict             treat warnings as errors
  -q, --quiet          print only diagnostics
)";

constexpr const char* kBookletsHelp = R"(usage: cinefolio booklets BOOK.yaml [-o DIR] [--films ID,...] [--format epub,pdf] [--shard K/N] [--root DIR] [--strict] [-q]

Writes one booklet per film: DIR/<film-title-slug>-<movieId>.epub and .pdf
(the slug is the film's title in lower-case ASCII, the movieId makes the name
unique). A booklet has its own title page (the film, its year and director,
the lenses it gathers), the book's credits and rights, a cover naming the
film (or the film's `cover:` in the manifest), the film's essays in lens
order and an index of that film. The print design is the style's booklet
design with the manifest's `booklets:` map applied; every PDF is padded with
blank pages to a multiple of `booklets.pad_to` (default 4). Each `wrote`
line is printed as its file is written.

  -o, --output DIR     output folder (created if missing)
  --films LIST         comma-separated movieIds: only these films' booklets
  --profile NAME       screen (the default) or print (PDF/X-1a:2003, boxes)
  --format LIST        comma-separated: epub, pdf (default both)
  --shard K/N          only the K-th of N slices of the films (1 <= K <= N):
                       film i (0-based, in the book's order, after --films)
                       is in slice i mod N + 1; the N slices together write
                       exactly the files of one run without --shard
  --root DIR           read files only from DIR (default: the manifest's folder)
  --strict             treat warnings as errors
  -j, --jobs N         build N booklets at once (default: one per core)
  --timings            print each stage's time and the peak memory on stderr
  --cache DIR          keep what a build learns (shaped words, hyphenations,
                       covers) in DIR for the next build (default:
                       .cinefolio-cache in the output folder); safe to delete
  --no-cache           neither read nor write the cache
  -q, --quiet          print only diagnostics
)";

constexpr const char* kPreviewHelp = R"(usage: cinefolio preview BOOK.yaml [-o DIR] [--pages 1-4] [--dpi 96] [--spreads] [--root DIR] [-q]

Renders pages of the print edition to PNG from the same layout as the PDF:
DIR/<id>-p<N>.png per page, or with --spreads DIR/<id>-p<N>-<M>.png per pair
of facing pages (the first page, a recto, stands alone).

  -o, --output DIR     output folder (created if missing)
  --pages RANGE        1-based page numbers of the PDF: `3`, `1-4`, `5-` (default: all)
  --dpi N              pixels per inch, 10 to 600 (default 96)
  --spreads            facing pages side by side
  --root DIR           read files only from DIR (default: the manifest's folder)
  -q, --quiet          print only diagnostics
)";

constexpr const char* kCheckHelp = R"(usage: cinefolio check BOOK.yaml [--strict] [--root DIR]

Reads the manifest and every essay and reports every problem found, without
writing anything. Exit 0 when the book would build.
)";

constexpr const char* kCandidatesHelp = R"(usage: cinefolio index-candidates BOOK.yaml

Prints, as YAML in the curated index file's format, the terms the
extraction rules find (bold lead-ins with a gloss, italic titles, critics
with their outlets) and capitalised multi-word names, each with its counts
per lens and per film. Entries the curated file already has are left out.
Promote the ones worth indexing into the file the manifest's `index:` names.
)";

constexpr const char* kDumpHelp = R"(usage: cinefolio dump BOOK.yaml

Prints the assembled book model as indented text: parts, chapters, and one
line per block with its stable id and source line:column.
)";

const char* help_for(const std::string& command) {
    if (command == "new") return kNewHelp;
    if (command == "build") return kBuildHelp;
    if (command == "watch") return kWatchHelp;
    if (command == "booklets") return kBookletsHelp;
    if (command == "preview") return kPreviewHelp;
    if (command == "check") return kCheckHelp;
    if (command == "cover") return kCoverHelp;
    if (command == "dump") return kDumpHelp;
    if (command == "index-candidates") return kCandidatesHelp;
    return kUsage;
}

const std::vector<std::string> kCommands = {"new",   "build", "watch", "booklets",        "preview",
                                            "cover", "check", "dump",  "index-candidates"};

// One option: its spellings, the commands that take it, and whether a
// value follows it. The parser and the "did you
// mean" suggestions read this one table, so they cannot drift apart.
struct OptionSpec {
    std::vector<std::string> names;
    std::vector<std::string> commands;
    bool takes_value = false;
};

const std::vector<OptionSpec>& option_specs() {
    static const std::vector<OptionSpec> specs = {
        {{"-h", "--help"},
         {"new", "build", "watch", "booklets", "preview", "cover", "check", "dump", "index-candidates"}},
        {{"-q", "--quiet"},
         {"new", "build", "watch", "booklets", "preview", "cover", "check", "dump", "index-candidates"}},
        {{"--strict"}, {"build", "watch", "booklets", "preview", "cover", "check", "dump", "index-candidates"}},
        {{"--root"}, {"build", "watch", "booklets", "preview", "cover", "check", "dump", "index-candidates"}, true},
        {{"-o", "--output"}, {"build", "watch", "booklets", "preview", "cover"}, true},
        {{"--format"}, {"build", "watch", "booklets"}, true},
        {{"--booklets"}, {"build", "watch"}},
        {{"--profile"}, {"build", "watch", "booklets", "cover"}, true},
        {{"--cover"}, {"build", "watch"}},
        {{"--rebuilds"}, {"watch"}, true},
        {{"--films"}, {"booklets"}, true},
        {{"--shard"}, {"booklets"}, true},
        {{"--pages"}, {"preview"}, true},
        {{"--dpi"}, {"preview"}, true},
        {{"--spreads"}, {"preview"}},
        {{"-j", "--jobs"}, {"build", "watch", "booklets"}, true},
        {{"--timings"}, {"build", "watch", "booklets"}},
        {{"--cache"}, {"build", "watch", "booklets"}, true},
        {{"--no-cache"}, {"build", "watch", "booklets"}},
    };
    return specs;
}

// What follows an option that takes a value, for "needs a …".
std::string value_name(const std::string& option) {
    if (option == "--format" || option == "--films") return "a list";
    if (option == "--profile") return "a profile (screen or print)";
    if (option == "--shard") return "K/N";
    if (option == "--pages") return "a page range";
    if (option == "--dpi" || option == "-j" || option == "--jobs" || option == "--rebuilds") return "a number";
    return "a folder";
}

bool accepts(const OptionSpec& spec, const std::string& command) {
    return std::find(spec.commands.begin(), spec.commands.end(), command) != spec.commands.end();
}

const OptionSpec* find_option(const std::string& name) {
    for (const auto& spec : option_specs()) {
        if (std::find(spec.names.begin(), spec.names.end(), name) != spec.names.end()) return &spec;
    }
    return nullptr;
}

// The long spellings a command accepts: a one-letter option is too short
// for an edit distance to tell a typo from another option.
std::vector<std::string> long_options_of(const std::string& command) {
    std::vector<std::string> names;
    for (const auto& spec : option_specs()) {
        if (!accepts(spec, command)) continue;
        for (const auto& name : spec.names)
            if (name.rfind("--", 0) == 0) names.push_back(name);
    }
    return names;
}

// A usage error says what was wrong, a hint, and the one usage line of the
// command (the first line of its help), not the whole help: the reader
// wants the mistake, and `--help` is one command away.
std::nullopt_t usage_error(const std::string& message, const std::string& hint, const std::string& command,
                           int& exit_code) {
    std::string help = help_for(command);
    std::cerr << "cinefolio: error: " << message << "\n";
    if (!hint.empty()) std::cerr << "  hint: " << hint << "\n";
    std::cerr << help.substr(0, help.find('\n')) << "\n";
    exit_code = kUsageError;
    return std::nullopt;
}

std::string see_help(const std::string& command) {
    return "`cinefolio " + (command.empty() ? std::string() : command + " ") + "--help` lists the options";
}

std::nullopt_t unknown_command(const std::string& name, int& exit_code) {
    std::string hint;
    if (auto near = base::nearest(name, kCommands)) hint = "did you mean `" + *near + "`?";
    else hint = "the commands are new, build, watch, booklets, preview, cover, check, dump and index-candidates";
    return usage_error("unknown command `" + name + "`", hint, "", exit_code);
}

std::nullopt_t unknown_option(const std::string& name, const std::string& command, int& exit_code) {
    std::string hint;
    if (const auto* spec = find_option(name)) {
        hint = "`" + name + "` is an option of `" + spec->commands.front() + "`";
    } else if (auto near = base::nearest(name, long_options_of(command))) {
        hint = "did you mean `" + *near + "`?";
    } else {
        hint = see_help(command);
    }
    return usage_error("unknown option `" + name + "`", hint, command, exit_code);
}

bool parse_formats(const std::string& list, Options& options) {
    options.want_epub = options.want_pdf = false;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        auto name = list.substr(start, end - start);
        if (name == "epub") options.want_epub = true;
        else if (name == "pdf") options.want_pdf = true;
        else return false;
        start = end + 1;
    }
    return options.want_epub || options.want_pdf;
}

// A whole number of at most 18 digits, all of `text`.
std::optional<std::int64_t> whole_number(const std::string& text) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(text);
}

// Splits "a,b,c" (no empty items).
std::optional<std::vector<std::string>> comma_list(const std::string& list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= list.size()) {
        auto end = std::min(list.find(',', start), list.size());
        if (end == start) return std::nullopt;
        items.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

bool parse_films(const std::string& list, Options& options) {
    auto items = comma_list(list);
    if (!items) return false;
    for (const auto& item : *items) {
        auto id = whole_number(item);
        if (!id) return false;
        options.films.push_back(*id);
    }
    return true;
}

bool parse_shard(const std::string& text, Options& options) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return false;
    auto index = whole_number(text.substr(0, slash));
    auto count = whole_number(text.substr(slash + 1));
    // 10 000 slices is far past any CI matrix or Job (GitHub caps a matrix at 256).
    if (!index || !count || *count < 1 || *count > 10000 || *index < 1 || *index > *count) return false;
    options.shard = static_cast<int>(*index);
    options.shard_count = static_cast<int>(*count);
    return true;
}

// "3", "1-4" or "5-" (to the end).
bool parse_pages(const std::string& text, Options& options) {
    const auto dash = text.find('-');
    auto first = whole_number(text.substr(0, dash));
    if (!first || *first < 1 || *first > 100000) return false;
    options.first_page = static_cast<int>(*first);
    if (dash == std::string::npos) {
        options.last_page = options.first_page;
        return true;
    }
    const std::string rest = text.substr(dash + 1);
    if (rest.empty()) {
        options.last_page = 0;
        return true;
    }
    auto last = whole_number(rest);
    if (!last || *last < *first || *last > 100000) return false;
    options.last_page = static_cast<int>(*last);
    return true;
}

bool parse_dpi(const std::string& text, Options& options) {
    auto dpi = whole_number(text);
    // Below 10 dpi a page is a smudge; above 600 a page is 50 MB of pixels.
    if (!dpi || *dpi < 10 || *dpi > 600) return false;
    options.dpi = static_cast<double>(*dpi);
    return true;
}

// Applies one recognised option (its value, if it takes one, already
// read); returns an error message for a bad value.
std::optional<std::string> apply(const std::string& name, const std::string& value, Options& options) {
    if (name == "-q" || name == "--quiet") options.quiet = true;
    else if (name == "--strict") options.strict = true;
    else if (name == "--booklets") options.booklets = true;
    else if (name == "--root") options.root_dir = value;
    else if (name == "--cover") options.cover = true;
    else if (name == "--profile") {
        if (value != "screen" && value != "print") return "--profile takes `screen` or `print`, found `" + value + "`";
        options.profile = value;
    }
    else if (name == "-o" || name == "--output") options.output_dir = value;
    else if (name == "--timings") options.timings = true;
    else if (name == "--cache") options.cache_dir = value;  // an empty value is refused as missing
    else if (name == "--no-cache") options.use_cache = false;
    else if (name == "--spreads") options.spreads = true;
    else if (name == "--format" && !parse_formats(value, options))
        return "--format takes a list of epub and pdf, e.g. `--format epub,pdf`";
    else if (name == "--films" && !parse_films(value, options))
        return "--films takes a list of movieIds, e.g. `--films 452008,452009`";
    else if (name == "--shard" && !parse_shard(value, options))
        return "--shard takes K/N with 1 <= K <= N, e.g. `--shard 2/3`, found `" + value + "`";
    else if (name == "--pages" && !parse_pages(value, options))
        return "--pages takes a page or a range of 1-based page numbers, e.g. `3`, `1-4` or `5-`, found `" + value +
               "`";
    else if (name == "--rebuilds") {
        auto count = whole_number(value);
        if (!count || *count < 1 || *count > 1000000)
            return "--rebuilds takes a whole number from 1, e.g. `--rebuilds 1`; found `" + value + "`";
        options.rebuilds = static_cast<int>(*count);
    }
    else if (name == "--dpi" && !parse_dpi(value, options))
        return "--dpi takes a whole number from 10 to 600, found `" + value + "`";
    else if (name == "-j" || name == "--jobs") {
        // A count of threads: 1 to 1024 (more is a typo, not a machine).
        int jobs = 0;
        std::size_t used = 0;
        try {
            jobs = std::stoi(value, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != value.size() || jobs < 1 || jobs > 1024)
            return name + " takes a number of threads from 1 to 1024, e.g. `-j 2`; found `" + value + "`";
        options.jobs = jobs;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Options> parse_arguments(const std::vector<std::string>& arguments, int& exit_code) {
    exit_code = kSuccess;
    if (arguments.empty()) {
        // Called bare, the user has yet to learn the commands: the whole help.
        std::cerr << "cinefolio: error: no command given\n\n" << kUsage;
        exit_code = kUsageError;
        return std::nullopt;
    }
    const auto& first = arguments[0];
    if (first == "-h" || first == "--help" || first == "help") {
        std::cout << kUsage;
        return std::nullopt;
    }
    if (first == "--version") {
        std::cout << "cinefolio " << CINEFOLIO_VERSION << "\n" << "data folder: " << data_dir() << "\n";
        return std::nullopt;
    }
    if (!first.empty() && first[0] == '-') {
        std::string hint = see_help("");
        if (auto near = base::nearest(first, {"--help", "--version"})) hint = "did you mean `" + *near + "`?";
        return usage_error("unknown option `" + first + "`", hint, "", exit_code);
    }
    if (std::find(kCommands.begin(), kCommands.end(), first) == kCommands.end())
        return unknown_command(first, exit_code);
    Options options;
    options.command = first;
    // `cover` is a build that writes only the cover.
    if (first == "cover") {
        options.want_epub = options.want_pdf = false;
        options.cover = true;
    }
    // `new` names a folder to create, every other command a manifest.
    const std::string operand = first == "new" ? "folder" : "manifest";
    std::string& positional = first == "new" ? options.new_dir : options.manifest_path;
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const auto& argument = arguments[i];
        if (argument.size() > 1 && argument[0] == '-') {
            const auto* spec = find_option(argument);
            if (!spec || !accepts(*spec, first)) return unknown_option(argument, first, exit_code);
            if (argument == "-h" || argument == "--help") {
                std::cout << help_for(first);
                return std::nullopt;
            }
            std::string value;
            if (spec->takes_value) {
                if (i + 1 >= arguments.size() || arguments[i + 1].empty())
                    return usage_error(argument + " needs " + value_name(argument), see_help(first), first,
                                       exit_code);
                value = arguments[++i];
            }
            if (auto problem = apply(argument, value, options)) return usage_error(*problem, {}, first, exit_code);
        } else if (positional.empty()) {
            positional = argument;
        } else {
            return usage_error("more than one " + operand + " given (`" + positional + "` and `" +
                                   argument + "`)",
                               {}, first, exit_code);
        }
    }
    if (positional.empty())
        return usage_error("no " + operand + " given", {}, first, exit_code);
    return options;
}

}  // namespace cinefolio::cli
