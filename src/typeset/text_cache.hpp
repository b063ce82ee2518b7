#pragma once
// What the books of one build share while they are set (the book and its
// booklets, each film on its own thread). Private to src/typeset.

#include <memory>

#include "cinefolio/typeset/typeset.hpp"
#include "hyphenator.hpp"
#include "word_shapes.hpp"

namespace cinefolio::typeset {

class TextCache {
public:
    explicit TextCache(const Settings& settings)
        : hyphenator(std::make_shared<const Hyphenator>(settings.hyphenation_patterns,
                                                        settings.hyphenation_exceptions, settings.hyphenate_names)) {}

    /// Thread-safe; remembers each distinct word's hyphenation points.
    std::shared_ptr<const Hyphenator> hyphenator;
    /// Thread-safe; remembers each distinct word's glyphs (for the faces
    /// the books of one build share).
    std::shared_ptr<WordShapes> words = std::make_shared<WordShapes>();
};

}  // namespace cinefolio::typeset
