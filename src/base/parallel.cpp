#include "cinefolio/base/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace cinefolio::base {

unsigned thread_count(int requested) {
    if (requested > 0) return static_cast<unsigned>(requested);
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(std::size_t count, int threads, const std::function<void(std::size_t)>& work) {
    if (count == 0) return;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    auto worker = [&] {
        try {
            for (std::size_t i = next++; i < count && !failed; i = next++) work(i);
        } catch (...) {
            if (!failed.exchange(true)) failure = std::current_exception();
        }
    };
    const std::size_t wanted = std::min<std::size_t>(thread_count(threads), count);
    std::vector<std::thread> workers;
    workers.reserve(wanted - 1);
    for (std::size_t i = 1; i < wanted; ++i) workers.emplace_back(worker);
    worker();
    for (auto& thread : workers) thread.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace cinefolio::base
