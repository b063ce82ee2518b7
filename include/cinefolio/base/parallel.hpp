#pragma once
// Work spread over threads: each index done once, by whichever thread is
// free; what each produces goes in its own slot, so the result is the same
// whatever the number of threads.

#include <cstddef>
#include <functional>

namespace cinefolio::base {

/// The threads `requested` asks for: itself when positive, otherwise one
/// per core (at least one).
unsigned thread_count(int requested);

/// Runs `work(i)` for every i in [0, count) on up to `threads` threads
/// (the calling thread among them; `threads` <= 0: one per core). The
/// first exception thrown stops the others taking new indices and is
/// rethrown here once all have stopped.
void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& work);

}  // namespace cinefolio::base
