#include "cinefolio/base/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace cinefolio::base {

std::size_t worker_count(std::size_t count, int threads) {
    const std::size_t wanted =
        threads > 0 ? static_cast<std::size_t>(threads) : std::max(1u, std::thread::hardware_concurrency());
    return std::clamp<std::size_t>(wanted, 1, std::max<std::size_t>(count, 1));
}

void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t, std::size_t)>& work) {
    if (count == 0) return;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    auto worker = [&](std::size_t number) {
        try {
            for (std::size_t i = next++; i < count && !failed; i = next++) work(i, number);
        } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
        }
    };
    const std::size_t workers_wanted = worker_count(count, threads);
    std::vector<std::thread> workers;
    workers.reserve(workers_wanted - 1);
    for (std::size_t number = 1; number < workers_wanted; ++number) workers.emplace_back(worker, number);
    worker(0);
    for (auto& thread : workers) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace cinefolio::base
