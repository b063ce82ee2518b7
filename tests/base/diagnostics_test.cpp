#include <catch2/catch.hpp>

#include "cinefolio/base/diagnostics.hpp"

using namespace cinefolio::base;

TEST_CASE("diagnostics print as compilers do", "[base][diagnostics]") {
    SourceMap sources;
    auto file = sources.add("essays/a.md", "first line\r\nsecond line\n");
    auto span = sources.span_at(file, 2, 8);
    CHECK(sources.position(file, span.begin).line == 2);
    CHECK(sources.position(file, span.begin).column == 8);
    CHECK(sources.line_text(file, 1) == "first line");
    Diagnostic diagnostic{Severity::error, span, "something is wrong", "fix it"};
    CHECK(format(diagnostic, sources) ==
          "essays/a.md:2:8: error: something is wrong\n  second line\n         ^\n  hint: fix it\n");
    auto missing = sources.add_path("gone.yaml");
    CHECK(format({Severity::error, {missing, 0, 0}, "cannot read", ""}, sources) == "gone.yaml: error: cannot read\n");
}
