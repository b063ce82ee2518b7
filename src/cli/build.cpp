// Running a command: load, report, run the backends, write atomically.

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <future>
#include <iostream>

#include "cinefolio/base/files.hpp"
#include "cinefolio/epub/epub.hpp"
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

std::optional<epub::Options> epub_options(const LoadedBook& loaded, std::int64_t moment, base::Diagnostics& diagnostics) {
    epub::Options options;
    options.modified = iso8601(moment);
    auto css = read_resource("styles/" + loaded.manifest.style + "/epub.css", diagnostics);
    if (!css) return std::nullopt;
    options.stylesheet = std::move(*css);
    return options;
}

std::optional<pdf::Options> pdf_options(const LoadedBook& loaded, std::int64_t moment, base::Diagnostics& diagnostics) {
    pdf::Options options;
    options.build_time = moment;
    options.hyphenation_patterns = hyphenation_patterns(loaded.book.metadata.language, diagnostics);
    const std::string folder = "fonts/linux-libertine/";
    auto regular = read_resource(folder + "LinLibertine_R.otf", diagnostics);
    auto italic = read_resource(folder + "LinLibertine_RI.otf", diagnostics);
    auto bold = read_resource(folder + "LinLibertine_RB.otf", diagnostics);
    auto bold_italic = read_resource(folder + "LinLibertine_RBI.otf", diagnostics);
    auto mono = read_resource(folder + "LinLibertine_M.otf", diagnostics);
    if (!regular || !italic || !bold || !bold_italic || !mono) return std::nullopt;
    options.fonts = {std::move(*regular), std::move(*italic), std::move(*bold), std::move(*bold_italic),
                     std::move(*mono)};
    return options;
}

struct Output {
    std::string path;
    std::string bytes;
};

int build(const Options& options, const LoadedBook& loaded, base::Diagnostics& diagnostics) {
    auto moment = build_time(loaded.manifest, diagnostics);
    std::optional<epub::Options> epub_settings;
    std::optional<pdf::Options> pdf_settings;
    if (options.want_epub) epub_settings = epub_options(loaded, moment, diagnostics);
    if (options.want_pdf) pdf_settings = pdf_options(loaded, moment, diagnostics);
    if (diagnostics.has_errors()) return kInputError;

    // The backends are pure functions over the same const Book, so they run
    // side by side, each with its own diagnostics, merged in a fixed order.
    base::Diagnostics epub_diagnostics, pdf_diagnostics;
    std::future<std::optional<std::string>> epub_bytes, pdf_bytes;
    if (epub_settings) {
        epub_bytes = std::async(std::launch::async, [&] { return epub::write(loaded.book, *epub_settings, epub_diagnostics); });
    }
    if (pdf_settings) {
        pdf_bytes = std::async(std::launch::async, [&] { return pdf::write(loaded.book, *pdf_settings, pdf_diagnostics); });
    }
    std::vector<Output> outputs;
    auto stem = (fs::path(options.output_dir) / loaded.book.metadata.id).string();
    if (epub_bytes.valid()) {
        auto bytes = epub_bytes.get();
        if (bytes) outputs.push_back({stem + ".epub", std::move(*bytes)});
    }
    if (pdf_bytes.valid()) {
        auto bytes = pdf_bytes.get();
        if (bytes) outputs.push_back({stem + ".pdf", std::move(*bytes)});
    }
    diagnostics.append(epub_diagnostics);
    diagnostics.append(pdf_diagnostics);
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
        if (!options.quiet) std::cout << "wrote " << output.path << " (" << (output.bytes.size() + 512) / 1024 << " KiB)\n";
    }
    return kSuccess;
}

}  // namespace

int run(const Options& options) {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto loaded = load_book(options.manifest_path, sources, diagnostics);
    int status = kSuccess;
    if (!loaded || failed(diagnostics, options)) {
        status = kInputError;
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
