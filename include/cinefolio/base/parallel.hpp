#pragma once
// Work spread over threads: each index done once, by whichever thread is
// free; what each produces goes in its own slot, so the result is the same
// whatever the number of threads.

#include <cstddef>
#include <functional>

namespace cinefolio::base {

/// The threads parallel_for runs `count` items on: `threads` when
/// positive, otherwise one per core; never more than `count`, at least one.
std::size_t worker_count(std::size_t count, int threads);

/// Runs `work(index, worker)` for every index in [0, count) on
/// worker_count(count, threads) threads, the calling thread among them.
/// `worker` numbers the thread from 0, so what a thread keeps between its
/// items (faces FreeType cannot share) goes in a slot of its own. The first
/// exception thrown stops the others taking new indices and is rethrown
/// here once all have stopped.
void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t, std::size_t)>& work);

}  // namespace cinefolio::base
