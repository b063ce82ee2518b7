#include "scraped_head.hpp"

#include <vector>

#include "cinefolio/base/text.hpp"

namespace cinefolio::corpus {

namespace {

// Only the first lines can be head lines; the body starts soon after.
constexpr std::size_t kHeadLines = 12;
// A byline is a name, not a sentence: a few words at most.
constexpr std::size_t kBylineMaxWords = 6;
// A lone first line counts as a title only when it reads like one.
constexpr std::size_t kTitleMaxBytes = 160;

struct Line {
    std::size_t begin = 0;
    std::string text;  // trimmed, whitespace collapsed, Markdown marks removed
    std::string key;   // lower-case form used for comparison
};

// Scraped heads may carry Markdown marks (`# Title`, `**By X**`); they do not
// make two lines different.
std::string strip_marks(std::string_view text) {
    text = base::trim(text);
    while (!text.empty() && text.front() == '#') text.remove_prefix(1);
    text = base::trim(text);
    while (text.size() >= 2 && (text.front() == '*' || text.front() == '_') && text.back() == text.front()) {
        text.remove_prefix(1);
        text.remove_suffix(1);
    }
    return base::collapse_whitespace(text);
}

std::string without_by(std::string text) {
    auto lowered = base::lower_ascii(text);
    if (lowered.rfind("by ", 0) == 0) return text.substr(3);
    return text;
}

std::vector<Line> head_lines(std::string_view text, std::size_t start) {
    std::vector<Line> lines;
    std::size_t at = start;
    while (at < text.size() && lines.size() < kHeadLines) {
        auto end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        auto cleaned = strip_marks(text.substr(at, end - at));
        if (!cleaned.empty()) lines.push_back({at, cleaned, base::lower_ascii(cleaned)});
        at = end + 1;
    }
    return lines;
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

bool ends_sentence(std::string_view text) {
    return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

// A byline is the manifest's author (with or without "By"), or a short
// line that is not a sentence and is repeated at once, as scrapers do.
bool is_byline(const std::vector<Line>& lines, std::size_t index, const std::string& author_key) {
    const auto& line = lines[index];
    auto key = base::lower_ascii(without_by(line.text));
    if (!author_key.empty()) return key == author_key;
    bool repeated = index + 1 < lines.size() && lines[index + 1].key == line.key;
    return repeated && word_count(line.text) <= kBylineMaxWords && !ends_sentence(line.text);
}

}  // namespace

ScrapedHead read_scraped_head(std::string_view text, std::size_t start, std::string_view known_title,
                              std::string_view known_author) {
    ScrapedHead head;
    head.body_begin = start;
    auto lines = head_lines(text, start);
    if (lines.empty()) return head;
    auto begin_of = [&](std::size_t index) { return index < lines.size() ? lines[index].begin : text.size(); };

    auto title_key = base::lower_ascii(known_title.empty() ? lines[0].text : strip_marks(known_title));
    auto author_key = base::lower_ascii(without_by(strip_marks(known_author)));
    std::size_t next = 0;
    while (next < lines.size() && lines[next].key == title_key) ++next;
    bool title_repeated = next > 1;
    if (next > 0) head.title = lines[0].text;

    // The byline closes the head; what stands between title and byline is
    // the standfirst (one or two lines).
    for (std::size_t index = next; index < lines.size() && index <= next + 2; ++index) {
        if (!is_byline(lines, index, author_key)) continue;
        for (std::size_t s = next; s < index; ++s) head.standfirst += (head.standfirst.empty() ? "" : " ") + lines[s].text;
        head.byline = without_by(lines[index].text);
        auto byline_key = lines[index].key;
        std::size_t after = index;
        while (after < lines.size() && lines[after].key == byline_key) ++after;
        while (after < lines.size() && lines[after].key == title_key) ++after;
        head.body_begin = begin_of(after);
        return head;
    }
    // No byline: lift a title only when it is plainly one (repeated, or
    // short and not a sentence); otherwise the first line is body text.
    bool reads_as_title = lines[0].text.size() <= kTitleMaxBytes && !ends_sentence(lines[0].text);
    if (next > 0 && (title_repeated || reads_as_title || !known_title.empty())) {
        head.body_begin = begin_of(next);
    } else {
        head.title.clear();
    }
    return head;
}

}  // namespace cinefolio::corpus
