// Per-film booklets: one film's chapters, its lenses, an index of that film.

#include <catch2/catch.hpp>

#include "cinefolio/assemble/assemble.hpp"
#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/index/index.hpp"
#include "cinefolio/model/booklet.hpp"

using namespace cinefolio;

TEST_CASE("a booklet keeps one film and indexes only it", "[model][booklet]") {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    std::vector<corpus::Essay> essays;
    auto add = [&](int film, const std::string& title, const std::string& lens, const std::string& body) {
        auto file = sources.add(title + lens + ".md", "---\nmovieId: " + std::to_string(film) + "\nmovieTitle: " + title +
                                                           "\ncategoryName: " + lens + "\n---\n\n" + body);
        auto essay = corpus::load_essay(sources, file, diagnostics);
        REQUIRE(essay);
        essays.push_back(std::move(*essay));
    };
    add(1, "Closeness", "REALISM", "Nalchik in winter. Susan Sontag wrote on it.\n");
    add(1, "Closeness", "PRESS", "Nalchik again.\n");
    add(2, "Beanpole", "SIGNIFIER", "Leningrad, and Susan Sontag.\n");
    manifest::Manifest manifest;
    manifest.title = "Anthology";
    manifest.id = "anthology";
    manifest.identifier = "urn:isbn:978-0-306-40615-7";
    manifest.isbn = "978-0-306-40615-7";
    auto book = assemble::assemble(manifest, std::move(essays), diagnostics);
    REQUIRE(book);
    manifest::IndexFile curated;
    for (const char* place : {"Nalchik", "Leningrad"}) {
        manifest::IndexFileEntry entry;
        entry.heading = place;
        entry.kind = "place";
        curated.entries.push_back(entry);
    }
    manifest::IndexFileEntry sontag;
    sontag.heading = "Sontag, Susan";
    sontag.kind = "person";
    curated.entries.push_back(sontag);
    index::build(*book, &curated, diagnostics);

    auto second = model::booklet(*book, 1);
    CHECK(second.metadata.id == "anthology-f2");
    CHECK(second.metadata.title == "Beanpole");
    CHECK(second.metadata.subtitle.empty());  // the film has no year or director
    CHECK(second.metadata.collection == "Anthology");
    CHECK(second.metadata.description == "The essays on Beanpole from Anthology, read through Signifier.");
    CHECK(second.metadata.identifier != book->metadata.identifier);
    CHECK(second.metadata.identifier.rfind("urn:uuid:", 0) == 0);
    CHECK(second.metadata.isbn.empty());  // the anthology's ISBN is not the booklet's
    REQUIRE(second.parts.size() == 1);
    REQUIRE(second.lenses.size() == 1);
    CHECK(second.lenses[0].name == "SIGNIFIER");
    std::vector<std::string> headings;
    for (const auto& group : second.index.groups)
        for (const auto& entry : group.entries) headings.push_back(entry.heading);
    CHECK(headings == std::vector<std::string>{"Leningrad", "Sontag, Susan"});

    auto first = model::booklet(*book, 0);
    for (const auto& group : first.index.groups) {
        for (const auto& entry : group.entries) {
            if (entry.heading != "Sontag, Susan") continue;
            CHECK(entry.lenses == std::vector<std::string>{"REALISM"});
            CHECK(entry.locators.size() == 1);
        }
    }
}
