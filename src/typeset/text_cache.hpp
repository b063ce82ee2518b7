#pragma once
// What the books of one build share while they are set (the book and its
// booklets, each film on its own thread). Private to src/typeset.

#include <map>
#include <memory>
#include <string>

#include "cinefolio/typeset/typeset.hpp"
#include "hyphenator.hpp"
#include "word_shapes.hpp"

namespace cinefolio::typeset {

class TextCache {
public:
    TextCache(const Settings& settings, const std::string& book_language)
        : language(book_language),
          hyphenator(settings.hyphenation_patterns, settings.hyphenation_exceptions, settings.hyphenate_names,
                     book_language) {
        for (const auto& [essay_language, patterns] : settings.essay_hyphenation_patterns)
            essay_hyphenators.try_emplace(essay_language, patterns, settings.hyphenation_exceptions,
                                          settings.hyphenate_names, essay_language);
    }

    /// The language of the books it serves (their hyphenator's).
    std::string language;
    /// The book language's patterns, and those of essays in another
    /// language; copies share each distinct word's points (thread-safe).
    Hyphenator hyphenator;
    std::map<std::string, Hyphenator> essay_hyphenators;
    /// Thread-safe; remembers each distinct word's glyphs (for the faces
    /// the books of one build share).
    std::shared_ptr<WordShapes> words = std::make_shared<WordShapes>();
};

}  // namespace cinefolio::typeset
