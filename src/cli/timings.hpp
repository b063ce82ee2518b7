#pragma once
// `--timings`: how long each stage of a build took and the peak memory,
// printed on stderr at the end. Private to src/cli.

#include <chrono>
#include <string>

namespace cinefolio::cli {

/// Turns the recording on (off by default: then a Stage costs one branch)
/// and starts it afresh: a build's stages from here.
void enable_timings();

/// Times a stage from construction to destruction. Stages of parallel jobs
/// (the book and its booklets) add up under one name, as CPU time would.
class Stage {
public:
    explicit Stage(std::string name);
    ~Stage();
    Stage(const Stage&) = delete;
    Stage& operator=(const Stage&) = delete;

private:
    std::string name_;
    std::chrono::steady_clock::time_point start_;
    bool on_ = false;
};

/// A line printed with the stages (what the cache did), when recording.
void timing_note(std::string line);

/// One line per stage in the order they first finished, then the total
/// wall time and the process's peak resident memory; nothing when off.
void print_timings();

}  // namespace cinefolio::cli
