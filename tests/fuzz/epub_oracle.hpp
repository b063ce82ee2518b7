#pragma once
// The Markdown -> EPUB target's oracle: every XHTML page the EPUB holds
// parses as strict XML (expat, namespaces checked), and every link on it
// is one the book may write: a web address in the URL rule's form
// (model/url.hpp), a fragment, or a page of the same EPUB.

#include <expat.h>
#include <zip.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "cinefolio/model/url.hpp"

namespace cinefolio::fuzz {

/// Every entry of a ZIP held in memory, name -> bytes; nullopt when it is
/// no ZIP at all.
inline std::optional<std::map<std::string, std::string>> zip_entries(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) return std::nullopt;
    std::unique_ptr<zip_t, decltype(&zip_discard)> archive(
        zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error), &zip_discard);
    if (!archive) {
        zip_source_free(source);
        return std::nullopt;
    }
    std::map<std::string, std::string> entries;
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0) return std::nullopt;
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
            zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0), &zip_fclose);
        if (!file) return std::nullopt;
        std::string content(stat.size, '\0');
        if (zip_fread(file.get(), content.data(), stat.size) != static_cast<zip_int64_t>(stat.size))
            return std::nullopt;
        entries.emplace(stat.name, std::move(content));
    }
    return entries;
}

/// What is wrong with one XHTML page, or empty: an XML error (with its
/// line) or an href that is none of the three kinds the book writes.
inline std::string xhtml_problem(const std::string& page, const std::map<std::string, std::string>& entries,
                                 const std::string& folder) {
    struct State {
        const std::map<std::string, std::string>* entries;
        const std::string* folder;
        std::string problem;
    } state{&entries, &folder, {}};
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
        XML_ParserCreateNS("UTF-8", '|'), &XML_ParserFree);
    XML_SetUserData(parser.get(), &state);
    XML_SetStartElementHandler(parser.get(), [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto& state = *static_cast<State*>(data);
        if (!state.problem.empty() || std::string(name) != "http://www.w3.org/1999/xhtml|a") return;
        for (const XML_Char** attribute = attributes; *attribute != nullptr; attribute += 2) {
            if (std::string(attribute[0]) != "href") continue;
            const std::string href = attribute[1];
            const auto colon = href.find(':');
            const bool web = colon != std::string::npos && href.find_first_of("/#?") > colon;
            if (web) {
                if (!model::is_normal_web_url(href)) state.problem = "href outside the URL rule: " + href;
            } else if (!href.starts_with("#")) {
                const std::string file = std::filesystem::path(*state.folder + href.substr(0, href.find('#')))
                                             .lexically_normal()
                                             .generic_string();
                if (!state.entries->count(file)) state.problem = "href to no page of the EPUB: " + href;
            }
        }
    });
    if (XML_Parse(parser.get(), page.data(), static_cast<int>(page.size()), XML_TRUE) == XML_STATUS_ERROR) {
        return std::string("not well-formed XML (line ") + std::to_string(XML_GetCurrentLineNumber(parser.get())) +
               "): " + XML_ErrorString(XML_GetErrorCode(parser.get()));
    }
    return state.problem;
}

/// The first problem in any page of an EPUB held in memory, or empty.
inline std::string epub_problem(const std::string& bytes) {
    auto entries = zip_entries(bytes);
    if (!entries) return "not a readable ZIP";
    for (const auto& [name, content] : *entries) {
        if (!name.ends_with(".xhtml")) continue;
        const std::string folder = name.substr(0, name.rfind('/') + 1);
        if (auto problem = xhtml_problem(content, *entries, folder); !problem.empty()) return name + ": " + problem;
    }
    return {};
}

}  // namespace cinefolio::fuzz
