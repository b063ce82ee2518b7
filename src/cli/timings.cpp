// Stage timings for `--timings`.

#include "timings.hpp"

#include <sys/resource.h>

#include <cstdio>
#include <mutex>
#include <utility>
#include <vector>

namespace cinefolio::cli {

namespace {

struct Record {
    std::string name;
    double seconds = 0;
    int count = 0;
    long peak_kib = 0;  // the process's peak when the stage last ended
};

struct Recorder {
    std::mutex mutex;
    bool on = false;
    std::chrono::steady_clock::time_point start;
    std::vector<Record> records;
    std::vector<std::string> notes;
};

Recorder& recorder() {
    static Recorder instance;
    return instance;
}

long peak_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // KiB on Linux
}

}  // namespace

void enable_timings() {
    Recorder& r = recorder();
    std::lock_guard<std::mutex> lock(r.mutex);
    r.on = true;
    r.start = std::chrono::steady_clock::now();
    r.records.clear();  // a new build (watch runs many)
    r.notes.clear();
}

Stage::Stage(std::string name) : name_(std::move(name)) {
    Recorder& r = recorder();
    std::lock_guard<std::mutex> lock(r.mutex);
    on_ = r.on;
    start_ = std::chrono::steady_clock::now();
}

Stage::~Stage() {
    if (!on_) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const long peak = peak_kib();
    Recorder& r = recorder();
    std::lock_guard<std::mutex> lock(r.mutex);
    for (auto& record : r.records) {
        if (record.name != name_) continue;
        record.seconds += seconds;
        ++record.count;
        record.peak_kib = peak;
        return;
    }
    r.records.push_back({name_, seconds, 1, peak});
}

void timing_note(std::string line) {
    Recorder& r = recorder();
    std::lock_guard<std::mutex> lock(r.mutex);
    if (r.on) r.notes.push_back(std::move(line));
}

void print_timings() {
    Recorder& r = recorder();
    std::lock_guard<std::mutex> lock(r.mutex);
    if (!r.on) return;
    for (const auto& record : r.records) {
        std::fprintf(stderr, "timing: %-10s %8.3f s%s  peak %6.1f MiB\n", record.name.c_str(), record.seconds,
                     record.count > 1 ? (" (" + std::to_string(record.count) + " jobs)").c_str() : "",
                     record.peak_kib / 1024.0);
    }
    for (const auto& note : r.notes) std::fprintf(stderr, "timing: %s\n", note.c_str());
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - r.start).count();
    std::fprintf(stderr, "timing: %-10s %8.3f s  peak %6.1f MiB\n", "total", total, peak_kib() / 1024.0);
}

}  // namespace cinefolio::cli
