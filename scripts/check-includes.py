#!/usr/bin/env python3
"""Checks that the includes between stages are the edges CMake declares.

Each stage is one folder src/<stage>/ (with its CMakeLists.txt and target
cinefolio_<stage>) and its public headers include/cinefolio/<stage>/. The
rules, each an error naming the file, the include and the CMake edge:

1. An `#include "cinefolio/<other>/..."` in a stage's files needs
   cinefolio_<other> in that stage's own target_link_libraries. Only direct
   edges count, not ones inherited through another stage: the list in each
   CMakeLists.txt then reads as what the stage uses, and stays right when a
   stage in between drops an edge.
2. An include from a public header (include/cinefolio/<stage>/) needs the
   edge PUBLIC: whoever includes the header needs the other stage too.
3. Every declared edge to another stage is used by some include (a stale
   edge hides the real shape of the build).
4. No include reaches into another stage's folder by a relative path
   ("../model/links.hpp"): what a stage shares lives in include/.
5. Public headers include std headers only (DESIGN.md: an outside
   library's header stays in its room).
6. The stages form no cycle.

A PUBLIC edge used only by sources is allowed: the CLI's tests include its
private headers. Usage: scripts/check-includes.py [ROOT] (default: the
repository this script is in). Exit status 0 when clean, 1 otherwise.
"""

import pathlib
import re
import sys

INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^>"]+)[>"]', re.MULTILINE)
LINK_CALL = re.compile(r"target_link_libraries\s*\(([^)]*)\)", re.DOTALL)
SCOPES = {"PUBLIC", "PRIVATE", "INTERFACE"}
SOURCE_SUFFIXES = {".cpp", ".hpp", ".h", ".cc"}


def strip_cmake_comments(text):
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def declared_edges(cmake_file, stage, stages):
    """{other stage: scope} from every target_link_libraries(cinefolio_<stage> ...)."""
    edges = {}
    text = strip_cmake_comments(cmake_file.read_text(encoding="utf-8"))
    for call in LINK_CALL.finditer(text):
        words = call.group(1).split()
        if not words or words[0] != f"cinefolio_{stage}":
            continue
        # CMake's default for a call without a keyword is the plain
        # signature; treat it as PUBLIC, which is how it behaves for linking.
        scope = "PUBLIC"
        for word in words[1:]:
            if word in SCOPES:
                scope = word
            elif word.startswith("cinefolio_") and word[len("cinefolio_"):] in stages:
                edges[word[len("cinefolio_"):]] = scope
    return edges


def stage_files(root, stage):
    """(path, is_public_header) for every source and header of a stage."""
    for folder, public in ((root / "src" / stage, False), (root / "include" / "cinefolio" / stage, True)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in SOURCE_SUFFIXES:
                yield path, public


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def find_cycle(graph):
    """One cycle of the stage graph as a list of stages, or None."""
    state = {}
    path = []

    def visit(node):
        state[node] = "open"
        path.append(node)
        for other in sorted(graph.get(node, ())):
            if state.get(other) == "open":
                return path[path.index(other):] + [other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        path.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def check(root):
    errors = []
    stages = sorted(p.parent.name for p in (root / "src").glob("*/CMakeLists.txt"))
    graph = {}
    for stage in stages:
        cmake_file = root / "src" / stage / "CMakeLists.txt"
        cmake_name = cmake_file.relative_to(root)
        edges = declared_edges(cmake_file, stage, stages)
        used = set()
        # (other stage, needs PUBLIC) -> every "file:line: the include" that asks for it
        missing = {}
        for path, public in stage_files(root, stage):
            name = path.relative_to(root)
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in INCLUDE.finditer(text):
                kind, target = match.group(1), match.group(2)
                where = f"{name}:{line_of(text, match.start())}"
                if kind == "<":
                    if public and ("/" in target or "." in target):
                        errors.append(f"{where}: public header includes <{target}>, not a std header\n"
                                      f"  hint: include/cinefolio/ is std only; wrap the library in src/{stage}/")
                    continue
                if target.startswith("../") or "/../" in target:
                    errors.append(f"{where}: includes \"{target}\", reaching into another folder\n"
                                  f"  hint: include what a stage shares as \"cinefolio/<stage>/...\" from include/")
                    continue
                parts = target.split("/")
                if len(parts) < 3 or parts[0] != "cinefolio":
                    continue  # a header of the stage's own folder
                other = parts[1]
                if other == stage:
                    continue
                if other not in stages:
                    errors.append(f"{where}: includes \"{target}\", but there is no stage `{other}` "
                                  f"(src/{other}/CMakeLists.txt)")
                    continue
                used.add(other)
                scope = edges.get(other)
                if scope is None or (public and scope != "PUBLIC"):
                    missing.setdefault((other, public), []).append(f"{where}: #include \"{target}\"")
        for (other, public), places in sorted(missing.items()):
            if not public and (other, True) in missing:
                continue  # the PUBLIC edge the headers need serves the sources too
            scope = edges.get(other)
            more = f"\n  (and {len(places) - 1} more: {', '.join(p.split(':')[0] for p in places[1:4])}"
            more = more + (", ...)" if len(places) > 4 else ")") if len(places) > 1 else ""
            if scope is None:
                errors.append(f"{places[0]}: cinefolio_{stage} -> cinefolio_{other} is not declared in {cmake_name}{more}\n"
                              f"  hint: add cinefolio_{other} to target_link_libraries(cinefolio_{stage} "
                              f"{'PUBLIC' if public else 'PRIVATE'} ...), or drop the include")
            else:
                errors.append(f"{places[0]}: a public header needs cinefolio_{stage} -> cinefolio_{other} PUBLIC, "
                              f"but {cmake_name} declares it {scope}{more}\n"
                              f"  hint: move cinefolio_{other} to PUBLIC in target_link_libraries(cinefolio_{stage} ...)")
        for other in sorted(set(edges) - used):
            errors.append(f"{cmake_name}: declares cinefolio_{stage} -> cinefolio_{other}, "
                          f"but no file of src/{stage}/ or include/cinefolio/{stage}/ includes cinefolio/{other}/\n"
                          f"  hint: drop cinefolio_{other} from target_link_libraries(cinefolio_{stage} ...)")
        graph[stage] = set(edges) | used
    cycle = find_cycle(graph)
    if cycle:
        errors.append("the stages form a cycle: " + " -> ".join(cycle) + "\n"
                      "  hint: move what both need into the lower stage, or the step that needs both into a stage above them")
    return stages, errors


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    stages, errors = check(root)
    if not stages:
        print(f"check-includes: no stages under {root}/src", file=sys.stderr)
        return 1
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    if errors:
        print(f"check-includes: {len(errors)} problem(s) in the includes between stages", file=sys.stderr)
        return 1
    print(f"check-includes: {len(stages)} stages, every include between them is a declared edge")
    return 0


if __name__ == "__main__":
    sys.exit(main())
