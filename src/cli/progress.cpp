// The progress bar: counts from base::Progress, drawn on one line of stderr.

#include "progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace cinefolio::cli {

namespace {

std::size_t columns() {
    winsize size{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

// 12345 as "12,345".
std::string grouped(std::size_t number) {
    std::string digits = std::to_string(number);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return digits;
}

double share(std::size_t done, std::size_t expected) {
    if (expected == 0) return 0;
    return std::min(1.0, static_cast<double>(done) / static_cast<double>(expected));
}

}  // namespace

base::Progress& build_progress() {
    static base::Progress progress;
    return progress;
}

std::string ProgressBar::text(const base::Progress& progress, bool painting, std::size_t width, double& shown) {
    const std::size_t set = progress.paragraphs_set, painted = progress.pages_painted;
    const std::size_t pages = progress.pages_expected, written = progress.files_written;
    const std::size_t files = progress.files_expected;
    // One book: setting, painting and finishing the files, weighted by
    // what they cost. The body's pages are painted as they are set, and
    // counted as they are made, so painting is only as far along as
    // setting. Many (booklets): the files written, as each book's pages
    // are only known once it is set.
    double done = 0;
    if (progress.books > 1) done = share(written, files);
    else if (painting) {
        const double setting = share(set, progress.paragraphs_expected);
        done = 0.3 * setting + 0.4 * std::min(setting, share(painted, pages)) + 0.3 * share(written, files);
    }
    else done = 0.9 * share(set, progress.paragraphs_expected) + 0.1 * share(written, files);
    done = shown = std::max(done, shown);  // never backwards
    const std::size_t cells = 16;
    const auto full = static_cast<std::size_t>(done * cells + 0.5);
    std::string line = "[" + std::string(full, '#') + std::string(cells - full, '.') + "] ";
    char percent[8];
    std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(done * 100 + 0.5));
    line += percent;
    // What matters most first: a narrow terminal cuts the end.
    line += "  " + grouped(written) + "/" + grouped(files) + " files";
    if (painting && pages > 0) line += ", " + grouped(painted) + "/" + grouped(pages) + " pages";
    line += ", " + grouped(set) + " paragraphs";
    if (line.size() > width) line.resize(width);
    return line;
}

ProgressBar::ProgressBar(bool wanted, bool painting) : painting_(painting) {
    const char* term = std::getenv("TERM");
    on_ = wanted && isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
    if (on_) thread_ = std::thread([this] { run(); });
}

ProgressBar::~ProgressBar() {
    if (!on_) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
        clear();
    }
    wake_.notify_all();
    thread_.join();
}

void ProgressBar::clear() {
    if (!drawn_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
}

void ProgressBar::run() {
    using namespace std::chrono_literals;
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, 100ms, [this] { return stop_; })) {
        // A short build shows no bar at all.
        if (std::chrono::steady_clock::now() - start < 500ms) continue;
        // One column short of the width, so the cursor never wraps the line.
        const std::string line = text(build_progress(), painting_, columns() - 1, shown_);
        std::fprintf(stderr, "\r%s\033[K", line.c_str());
        std::fflush(stderr);
        drawn_ = true;
    }
}

void ProgressBar::say(const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex_);
    clear();
    std::cout << line << std::endl;
}

}  // namespace cinefolio::cli
