// Subentry proposals for `index-candidates`. An entry with dozens of
// locators in one lens is a concordance; what its passages discuss is what
// recurs in the sentences around its occurrences and is rarer elsewhere in
// the book. Those phrases (one to three words, not starting or ending on a
// word most paragraphs have) are proposed as subentries, the editor keeping
// the ones that make a way in.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include "icu_text.hpp"
#include "terms.hpp"

namespace cinefolio::index {

namespace {

constexpr std::size_t kLongestPhrase = 3;  // words

struct Token {
    std::string folded;  // lower case, for counting
    int32_t begin = 0;   // UTF-16 offsets in the text it came from
    int32_t end = 0;
    bool joined = false;  // only spaces or a hyphen since the previous token
};

bool has_letter(const icu::UnicodeString& word) {
    for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
        if (u_isalpha(word.char32At(i))) return true;
    }
    return false;
}

bool is_joint(const icu::UnicodeString& gap) {
    if (gap.isEmpty()) return true;
    int hyphens = 0;
    for (int32_t i = 0; i < gap.length(); ++i) {
        UChar c = gap[i];
        if (c == u'-' || c == u'\u2010') {
            ++hyphens;
        } else if (!u_isUWhiteSpace(c)) {
            return false;
        }
    }
    return hyphens <= 1;
}

class Tokenizer {
public:
    explicit Tokenizer(const icu::Locale& locale) : locale_(locale) {
        UErrorCode status = U_ZERO_ERROR;
        words_.reset(icu::BreakIterator::createWordInstance(locale, status));
        if (U_FAILURE(status)) words_.reset();
        status = U_ZERO_ERROR;
        sentences_.reset(icu::BreakIterator::createSentenceInstance(locale, status));
        if (U_FAILURE(status)) sentences_.reset();
    }

    bool ready() const { return words_ && sentences_; }

    /// The words of `text` that hold a letter or a number, in order.
    std::vector<Token> tokens(const icu::UnicodeString& text) {
        std::vector<Token> out;
        words_->setText(text);
        int32_t previous_end = -1;
        for (int32_t start = words_->first(), end = words_->next(); end != icu::BreakIterator::DONE;
             start = end, end = words_->next()) {
            if (words_->getRuleStatus() < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
            Token token;
            icu::UnicodeString word = text.tempSubStringBetween(start, end);
            icu::UnicodeString folded(word);
            folded.toLower(locale_);
            token.folded = to_utf8(folded);
            token.begin = start;
            token.end = end;
            token.joined = previous_end >= 0 && is_joint(text.tempSubStringBetween(previous_end, start));
            if (!has_letter(word)) token.folded.clear();  // a number: never part of a phrase
            previous_end = end;
            out.push_back(std::move(token));
        }
        return out;
    }

    /// The sentence holding UTF-16 offset `at`, and the one after it: the
    /// passage's own words about the term.
    std::pair<int32_t, int32_t> window(const icu::UnicodeString& text, int32_t at) {
        sentences_->setText(text);
        int32_t end = sentences_->following(std::min(at, std::max(0, text.length() - 1)));
        if (end == icu::BreakIterator::DONE) end = text.length();
        int32_t begin = sentences_->preceding(end);
        if (begin == icu::BreakIterator::DONE) begin = 0;
        sentences_->following(end > 0 ? end - 1 : 0);
        int32_t after = sentences_->next();
        if (after == icu::BreakIterator::DONE) after = text.length();
        return {begin, std::max(end, after)};
    }

private:
    icu::Locale locale_;
    std::unique_ptr<icu::BreakIterator> words_;
    std::unique_ptr<icu::BreakIterator> sentences_;
};

// Each phrase (its folded words joined by spaces) of a token list, with
// where it begins and ends; `keep` says which words may open or close one.
template <typename Keep, typename Visit>
void each_phrase(const std::vector<Token>& tokens, Keep&& keep, Visit&& visit) {
    for (std::size_t first = 0; first < tokens.size(); ++first) {
        if (tokens[first].folded.empty() || !keep(tokens[first].folded)) continue;
        std::string key;
        for (std::size_t last = first; last < tokens.size() && last < first + kLongestPhrase; ++last) {
            if (tokens[last].folded.empty() || (last > first && !tokens[last].joined)) break;
            key += (last > first ? " " : "") + tokens[last].folded;
            if (keep(tokens[last].folded)) visit(key, last - first + 1, tokens[first].begin, tokens[last].end);
        }
    }
}

struct Found {
    std::set<std::size_t> passages;       // which of the term's passages hold it
    std::map<std::string, int> surfaces;  // as written, with counts
    std::size_t words = 0;
};

std::vector<std::string> split_words(const std::string& key) {
    std::vector<std::string> words;
    for (std::size_t at = 0, next = 0; at <= key.size(); at = next + 1) {
        next = key.find(' ', at);
        if (next == std::string::npos) next = key.size();
        words.push_back(key.substr(at, next - at));
    }
    return words;
}

}  // namespace

struct SubentryProposer::Impl {
    Impl(const model::Book& book_in, const std::string& language)
        : book(book_in), locale(language.empty() ? "en" : language.c_str()), tokenizer(locale) {
        if (!tokenizer.ready()) return;
        for (const auto& text : paragraph_texts(book)) {
            paragraphs.push_back(tokenizer.tokens(to_unicode(text)));
            std::set<std::string> words;
            for (const auto& token : paragraphs.back())
                if (!token.folded.empty()) words.insert(token.folded);
            const auto index = static_cast<std::uint32_t>(paragraphs.size() - 1);
            for (const auto& word : words) postings[word].push_back(index);
        }
    }

    // The share of the book's paragraphs holding a word: one most of them
    // hold ("the", "of", "film" in a book about films) neither opens nor
    // closes a phrase.
    bool common(const std::string& word) const {
        auto found = postings.find(word);
        return found != postings.end() &&
               static_cast<double>(found->second.size()) >= 0.2 * static_cast<double>(paragraphs.size());
    }

    // How many paragraphs of the book hold a phrase: those of its rarest
    // word, read for the phrase's words in a row (joined as each_phrase
    // joins them).
    std::size_t paragraphs_with(const std::vector<std::string>& words) const {
        const std::vector<std::uint32_t>* rarest = nullptr;
        for (const auto& word : words) {
            auto found = postings.find(word);
            if (found == postings.end()) return 0;
            if (!rarest || found->second.size() < rarest->size()) rarest = &found->second;
        }
        std::size_t count = 0;
        for (auto index : *rarest) {
            const auto& tokens = paragraphs[index];
            bool here = false;
            for (std::size_t first = 0; !here && first + words.size() <= tokens.size(); ++first) {
                here = true;
                for (std::size_t k = 0; here && k < words.size(); ++k) {
                    const Token& token = tokens[first + k];
                    here = token.folded == words[k] && (k == 0 || token.joined);
                }
            }
            if (here) ++count;
        }
        return count;
    }

    std::vector<manifest::IndexFileEntry> propose(const Term& term, std::size_t most);

    const model::Book& book;
    icu::Locale locale;
    Tokenizer tokenizer;
    std::vector<std::vector<Token>> paragraphs;
    std::unordered_map<std::string, std::vector<std::uint32_t>> postings;  // word -> paragraphs holding it
};

std::vector<manifest::IndexFileEntry> SubentryProposer::Impl::propose(const Term& term, std::size_t most) {
    std::vector<manifest::IndexFileEntry> proposals;
    if (!tokenizer.ready() || most == 0) return proposals;
    const auto passages = passages_of(book, term);
    if (passages.size() < 4) return proposals;

    // The term's own words (and its subentries') are not what it is about.
    std::unordered_set<std::string> own;
    auto add_own = [&](const std::string& text) {
        for (const auto& token : tokenizer.tokens(to_unicode(text))) own.insert(token.folded);
    };
    add_own(term.heading);
    for (const auto& form : term.forms) add_own(form);
    for (const auto& form : term.deferred) add_own(form);
    for (const auto& sub : term.subterms) {
        add_own(sub.heading);
        for (const auto& form : sub.forms) add_own(form);
    }
    // The passages' windows, and how many of them hold each word.
    struct Window {
        icu::UnicodeString text;
        std::vector<Token> tokens;
    };
    std::vector<Window> windows;
    std::unordered_map<std::string, std::size_t> word_passages;
    for (const auto& passage : passages) {
        const auto text = to_unicode(passage.text);
        const int32_t at = to_unicode(passage.text.substr(0, passage.at)).length();
        const auto [begin, end] = tokenizer.window(text, at);
        Window window{icu::UnicodeString(text, begin, end - begin), {}};
        window.tokens = tokenizer.tokens(window.text);
        std::set<std::string> words;
        for (const auto& token : window.tokens)
            if (!token.folded.empty()) words.insert(token.folded);
        for (const auto& word : words) ++word_passages[word];
        windows.push_back(std::move(window));
    }
    const double total = static_cast<double>(std::max<std::size_t>(paragraphs.size(), 1));
    // Lift: how much likelier the term's passages hold it than the book's
    // paragraphs at large.
    auto lift = [&](std::size_t near, std::size_t anywhere) {
        const double share_near = static_cast<double>(near) / static_cast<double>(passages.size());
        return share_near / (static_cast<double>(std::max(anywhere, near)) / total);
    };
    // A phrase opens and closes on words of the passages' own: not the
    // term's, not one most paragraphs hold, and likelier here than anywhere
    // ("whose" and "into" are not, wherever they fall).
    // A possessive or an elision of the term's own word is its own too
    // ("Balagov’s", "d’Alembert"): any piece between apostrophes counts.
    auto is_own = [&](const std::string& word) {
        if (own.count(word)) return true;
        for (std::size_t at = 0; at < word.size();) {
            auto straight = word.find('\'', at);
            auto curly = word.find("\u2019", at);
            auto next = std::min(straight, curly);
            if (next == std::string::npos) return at > 0 && own.count(word.substr(at)) > 0;
            if (own.count(word.substr(at, next - at))) return true;
            at = next + (next == straight ? 1 : 3);
        }
        return false;
    };
    auto keep = [&](const std::string& word) {
        if (is_own(word) || common(word)) return false;
        auto found = postings.find(word);
        auto near = word_passages.find(word);
        return lift(near == word_passages.end() ? 0 : near->second,
                    found == postings.end() ? 0 : found->second.size()) >= 1.5;
    };

    std::map<std::string, Found> found;
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const auto& window = windows[i];
        each_phrase(window.tokens, keep, [&](const std::string& key, std::size_t words, int32_t from, int32_t to) {
            auto& phrase = found[key];
            phrase.passages.insert(i);
            phrase.words = words;
            ++phrase.surfaces[to_utf8(window.text.tempSubStringBetween(from, to))];
        });
    }
    // Recurring: in at least three passages, and in one in 20 of them.
    const std::size_t support = std::max<std::size_t>(3, (passages.size() + 19) / 20);

    // Scored by how many passages hold it and how much likelier it is near
    // the term than anywhere in the book (lift): a phrase no likelier near
    // the term says nothing about it. Longer phrases make better headings.
    struct Scored {
        double score;
        std::string key;
    };
    std::vector<Scored> scored;
    for (const auto& [key, phrase] : found) {
        if (phrase.passages.size() < support) continue;
        const double phrase_lift = lift(phrase.passages.size(), paragraphs_with(split_words(key)));
        if (phrase_lift < 2.0) continue;
        const double score = static_cast<double>(phrase.passages.size()) * std::log2(phrase_lift) *
                             (1.0 + 0.25 * static_cast<double>(phrase.words - 1));
        scored.push_back({score, key});
    }
    std::sort(scored.begin(), scored.end(),
              [](const Scored& a, const Scored& b) { return a.score != b.score ? a.score > b.score : a.key < b.key; });

    // Distinct proposals: none shares a word with a better one.
    std::set<std::string> taken;
    for (const auto& [score, key] : scored) {
        if (proposals.size() >= most) break;
        const auto words = split_words(key);
        if (std::any_of(words.begin(), words.end(), [&](const std::string& word) { return taken.count(word) > 0; }))
            continue;
        taken.insert(words.begin(), words.end());
        const auto& phrase = found[key];
        std::vector<std::pair<int, std::string>> surfaces;
        for (const auto& [surface, count] : phrase.surfaces) surfaces.emplace_back(count, surface);
        std::stable_sort(surfaces.begin(), surfaces.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        manifest::IndexFileEntry entry;
        // The heading as the essays write it mid-sentence (lower case when a
        // passage has it so), else as most often written.
        entry.heading = surfaces.front().second;
        for (const auto& [count, surface] : surfaces) {
            if (u_islower(to_unicode(surface).char32At(0))) {
                entry.heading = surface;
                break;
            }
        }
        for (const auto& [count, surface] : surfaces) entry.match.push_back(surface);
        entry.rule = "phrases";
        Term sub;
        sub.heading = entry.heading;
        sub.forms = entry.match;
        count_occurrences(book, sub, entry.lenses, entry.films);
        proposals.push_back(std::move(entry));
    }
    return proposals;
}

SubentryProposer::SubentryProposer(const model::Book& book, const std::string& language)
    : impl_(std::make_unique<Impl>(book, language)) {}

SubentryProposer::~SubentryProposer() = default;

std::vector<manifest::IndexFileEntry> SubentryProposer::propose(const Term& term, std::size_t most) {
    return impl_->propose(term, most);
}

}  // namespace cinefolio::index
