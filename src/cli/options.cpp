// Command-line parsing and help texts.

#include <iostream>

#include "cli.hpp"

namespace cinefolio::cli {

namespace {

constexpr const char* kUsage = R"(usage: cinefolio <command> [options] BOOK.yaml

Compiles anthologies of film criticism into EPUB 3 and print PDF.

commands:
  build   BOOK.yaml [-o DIR] [--format epub,pdf]   write DIR/<id>.epub and DIR/<id>.pdf
          [--booklets]                             and one EPUB and PDF per film
  check   BOOK.yaml                                validate the book, write nothing
  dump    BOOK.yaml                                print the book model as indented text
  index-candidates BOOK.yaml                       print index candidates (YAML) for the editor

options:
  -h, --help      show help (also after a command: `cinefolio build --help`)
  --version       print the version
  --strict        treat warnings as errors
  --root DIR      the folder every file of the book must lie in (default:
                  the manifest's folder)
  -q, --quiet     print only diagnostics

exit status: 0 success, 1 errors in the input, 2 wrong usage.
SOURCE_DATE_EPOCH, when set, fixes every date written into the outputs.
)";

constexpr const char* kBuildHelp = R"(usage: cinefolio build BOOK.yaml [-o DIR] [--format epub,pdf] [--booklets] [--root DIR] [--strict] [-q]

Compiles the book into DIR/<id>.epub and DIR/<id>.pdf (DIR defaults to out/,
<id> to the manifest's `id` or its folder's name). Nothing is written when
the book has errors; each file is written under a temporary name and renamed.

  -o, --output DIR     output folder (created if missing)
  --format LIST        comma-separated: epub, pdf (default both)
  --booklets           also one booklet per film: DIR/<id>-f<movieId>.epub and
                       .pdf, its index covering that film; built in parallel
  --root DIR           read files only from DIR (default: the manifest's folder)
  --strict             treat warnings as errors
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
    if (command == "build") return kBuildHelp;
    if (command == "check") return kCheckHelp;
    if (command == "dump") return kDumpHelp;
    if (command == "index-candidates") return kCandidatesHelp;
    return kUsage;
}

std::nullopt_t usage_error(const std::string& message, const std::string& command, int& exit_code) {
    std::cerr << "cinefolio: error: " << message << "\n\n" << help_for(command);
    exit_code = kUsageError;
    return std::nullopt;
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

}  // namespace

std::optional<Options> parse_arguments(const std::vector<std::string>& arguments, int& exit_code) {
    exit_code = kSuccess;
    if (arguments.empty()) return usage_error("no command given", "", exit_code);
    const auto& first = arguments[0];
    if (first == "-h" || first == "--help" || first == "help") {
        std::cout << kUsage;
        return std::nullopt;
    }
    if (first == "--version") {
        std::cout << "cinefolio " << CINEFOLIO_VERSION << "\n";
        return std::nullopt;
    }
    Options options;
    options.command = first;
    if (first != "build" && first != "check" && first != "dump" && first != "index-candidates") {
        return usage_error("unknown command `" + first + "`", "", exit_code);
    }
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const auto& argument = arguments[i];
        auto value = [&](const char* flag) -> std::optional<std::string> {
            if (i + 1 >= arguments.size()) return std::nullopt;
            (void)flag;
            return arguments[++i];
        };
        if (argument == "-h" || argument == "--help") {
            std::cout << help_for(first);
            return std::nullopt;
        } else if (argument == "--booklets" && first == "build") {
            options.booklets = true;
        } else if (argument == "--strict") {
            options.strict = true;
        } else if (argument == "-q" || argument == "--quiet") {
            options.quiet = true;
        } else if ((argument == "-o" || argument == "--output") && first == "build") {
            auto dir = value("-o");
            if (!dir || dir->empty()) return usage_error(argument + " needs a folder", first, exit_code);
            options.output_dir = *dir;
        } else if (argument == "--root") {
            auto dir = value("--root");
            if (!dir || dir->empty()) return usage_error("--root needs a folder", first, exit_code);
            options.root_dir = *dir;
        } else if (argument == "--format" && first == "build") {
            auto list = value("--format");
            if (!list || !parse_formats(*list, options))
                return usage_error("--format takes a list of epub and pdf, e.g. `--format epub,pdf`", first, exit_code);
        } else if (!argument.empty() && argument[0] == '-') {
            return usage_error("unknown option `" + argument + "`", first, exit_code);
        } else if (options.manifest_path.empty()) {
            options.manifest_path = argument;
        } else {
            return usage_error("more than one manifest given (`" + options.manifest_path + "` and `" + argument + "`)",
                               first, exit_code);
        }
    }
    if (options.manifest_path.empty()) return usage_error("no manifest given", first, exit_code);
    return options;
}

}  // namespace cinefolio::cli
