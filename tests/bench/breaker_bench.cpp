// Throughput of the typesetter and of its line breaker alone, on a book
// (not a test: tests/bench/compare.py builds and runs it).
// usage: cinefolio_breaker_bench BOOK.yaml [RUNS]
// Prints medians over RUNS runs: paragraphs and pages per second, and the
// breaker's time per item on ever longer paragraphs (linear if flat).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cinefolio/typeset/typeset.hpp"
#include "cli.hpp"
#include "context.hpp"
#include "support/process.hpp"

using namespace cinefolio;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void collect_paragraphs(const std::vector<model::Block>& blocks, std::vector<const model::Block*>& out) {
    for (const auto& block : blocks) {
        if (block.kind == model::BlockKind::paragraph) out.push_back(&block);
        collect_paragraphs(block.children, out);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s BOOK.yaml [RUNS]\n", argv[0]);
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    const auto loaded = cli::load_book(argv[1], sources, diagnostics);
    if (!loaded) return 1;
    const std::string root = CINEFOLIO_SOURCE_DIR;
    const std::string regular = test::slurp(root + "/fonts/linux-libertine/LinLibertine_R.otf");
    const std::string italic = test::slurp(root + "/fonts/linux-libertine/LinLibertine_RI.otf");
    const std::string bold = test::slurp(root + "/fonts/linux-libertine/LinLibertine_RB.otf");
    const std::string bold_italic = test::slurp(root + "/fonts/linux-libertine/LinLibertine_RBI.otf");
    const std::string mono = test::slurp(root + "/fonts/linux-libertine/LinLibertine_M.otf");
    const std::string fallback = test::slurp(root + "/fonts/dejavu/DejaVuSans.ttf");
    auto fonts = typeset::FontSet::load({regular, italic, bold, bold_italic, mono, {fallback}}, diagnostics);
    if (!fonts) return 1;
    typeset::Settings settings;
    settings.hyphenation_patterns = test::slurp("/usr/share/hyphen/hyph_en_US.dic");

    std::vector<const model::Block*> blocks;
    for (const auto& part : loaded->book.parts) {
        for (const auto& chapter : part.chapters) collect_paragraphs(chapter.blocks, blocks);
    }

    // The whole typesetter: shaping, hyphenation, breaking, pages.
    std::vector<double> whole;
    std::size_t pages = 0;
    for (int run = 0; run < runs; ++run) {
        base::Diagnostics quiet;
        const auto start = std::chrono::steady_clock::now();
        const auto document = typeset::typeset(loaded->book, settings, *fonts, quiet);
        whole.push_back(seconds_since(start));
        pages = document ? document->pages.size() : 0;
    }

    // The breaker alone, over items built once.
    typeset::Context context(settings, *fonts, model::words_for(loaded->book.metadata.language), diagnostics);
    std::vector<typeset::Paragraph> paragraphs;
    for (const auto* block : blocks) {
        auto style = context.text(settings.design.roles.body.size);
        style.oldstyle = true;
        auto text = typeset::flatten(block->inlines, style);
        if (text.empty()) continue;
        paragraphs.push_back(typeset::build_paragraph(std::move(text), settings.design.roles.body.size, true, context.shaper,
                                                      context.breaks, context.hyphenator));
    }
    typeset::BreakParameters parameters;
    parameters.expansion = 0.02;
    parameters.protrusion = true;
    parameters.emergency_stretch = 1.5 * settings.design.roles.body.size;
    const typeset::LineWidths widths{{context.design.measure}};
    std::vector<double> breaking;
    std::size_t lines = 0;
    for (int run = 0; run < runs; ++run) {
        lines = 0;
        const auto start = std::chrono::steady_clock::now();
        for (const auto& paragraph : paragraphs)
            lines += typeset::break_lines(paragraph.items, widths, parameters).size();
        breaking.push_back(seconds_since(start));
    }
    const double lines_per_page =
        (context.design.bottom_baseline - context.design.first_baseline) / context.design.leading + 1;
    const double break_time = median(breaking);
    const double whole_time = median(whole);
    std::printf("typeset: %zu paragraphs, %zu pages, median %.3f s: %.0f paragraphs/s, %.0f pages/s\n", blocks.size(),
                pages, whole_time, double(blocks.size()) / whole_time, double(pages) / whole_time);
    std::printf(
        "breaker: %zu paragraphs, %zu lines (%.0f pages of %.0f lines), median %.4f s: %.0f paragraphs/s, "
        "%.0f pages/s\n",
        paragraphs.size(), lines, double(lines) / lines_per_page, lines_per_page, break_time,
        double(paragraphs.size()) / break_time, double(lines) / lines_per_page / break_time);

    // Linear in practice: one paragraph made of 1, 4, 16 and 64 copies of the
    // corpus's first paragraph run together; time per item should stay flat.
    // (Mixing different paragraphs measures something else: one unsettable
    // line sends the whole paragraph to the costlier last pass.)
    for (int copies : {1, 4, 16, 64}) {
        typeset::StyledText text;
        auto style = context.text(settings.design.roles.body.size);
        for (int c = 0; c < copies; ++c) {
            const auto& block = *blocks.front();
            auto part = typeset::flatten(block.inlines, style);
            if (!text.empty()) text.append(" ", style);
            for (const auto& span : part.spans)
                text.append(part.text.substr(span.begin, span.end - span.begin), span.style);
        }
        const auto paragraph =
            typeset::build_paragraph(std::move(text), 0, true, context.shaper, context.breaks, context.hyphenator);
        std::vector<double> times;
        for (int run = 0; run < runs; ++run) {
            const auto start = std::chrono::steady_clock::now();
            typeset::break_lines(paragraph.items, widths, parameters);
            times.push_back(seconds_since(start));
        }
        std::printf("linearity: %6zu items, %.3f us per item\n", paragraph.items.size(),
                    median(times) * 1e6 / double(paragraph.items.size()));
    }
    return 0;
}
