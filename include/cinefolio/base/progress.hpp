#pragma once
// What a build has done so far: the stages count as they go, on any
// thread, and the command line shows it. Counting never changes output.

#include <atomic>
#include <cstddef>

namespace cinefolio::base {

struct Progress {
    std::atomic<std::size_t> books{0};  // set in this build: the book, its booklets
    std::atomic<std::size_t> paragraphs_set{0};
    std::atomic<std::size_t> paragraphs_expected{0};  // the books' blocks: a guess, known before setting
    std::atomic<std::size_t> pages_painted{0};
    std::atomic<std::size_t> pages_expected{0};  // grows as each book is set
    std::atomic<std::size_t> files_written{0};
    std::atomic<std::size_t> files_expected{0};

    void reset() {
        for (auto* counter : {&books, &paragraphs_set, &paragraphs_expected, &pages_painted, &pages_expected, &files_written,
                              &files_expected})
            counter->store(0);
    }
};

/// Adds one to a counter of a Progress that may be absent.
inline void count(std::atomic<std::size_t>* counter, std::size_t amount = 1) {
    if (counter) counter->fetch_add(amount, std::memory_order_relaxed);
}

}  // namespace cinefolio::base
