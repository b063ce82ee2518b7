#pragma once
// The progress bar of a long build on a terminal. Private to src/cli.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "cinefolio/base/progress.hpp"

namespace cinefolio::cli {

/// The counters of the build under way (a command runs one build at a
/// time; watch runs them one after another).
base::Progress& build_progress();

/// Draws a bar on stderr while it lives, from a build's first half second
/// on, ten times a second, when stderr is a terminal (and TERM is not
/// `dumb`) and `wanted` (not --quiet); otherwise it draws nothing, and the
/// `wrote` lines, printed as each file is written, tell a log how far the
/// build has come.
class ProgressBar {
public:
    /// `painting`: the build paints pages (its share of the bar).
    ProgressBar(bool wanted, bool painting);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    /// Prints `line` on stdout (flushed), above the bar.
    void say(const std::string& line);

    /// The bar's text for these counts, `width` columns at most; `shown`
    /// is the share drawn last, which the bar never goes below.
    static std::string text(const base::Progress& progress, bool painting, std::size_t width, double& shown);

private:
    void run();
    void clear();

    bool on_ = false;
    bool painting_ = true;
    bool drawn_ = false;
    bool stop_ = false;
    double shown_ = 0;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::thread thread_;
};

}  // namespace cinefolio::cli
