#!/usr/bin/env python3
"""Tests scripts/check-includes.py on copies of this repository's stages:
the real tree passes, and each kind of bad edge fails with a message that
names the file, the include and the CMake edge. scripts/test.sh runs it."""

import pathlib
import shutil
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
CHECK = REPO / "scripts" / "check-includes.py"


def copy_stages(into):
    for folder in ("src", "include"):
        shutil.copytree(REPO / folder, into / folder)


def run(root):
    result = subprocess.run([sys.executable, str(CHECK), str(root)], capture_output=True, text=True)
    return result.returncode, result.stdout + result.stderr


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_line(path, line):
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("#pragma once\n", "#pragma once\n" + line + "\n", 1), encoding="utf-8")


# Each case: what it breaks, and the pieces its message must contain.
def undeclared(root):
    append_line(root / "include/cinefolio/model/book.hpp", '#include "cinefolio/corpus/essay.hpp"')
    return ["include/cinefolio/model/book.hpp:2", '#include "cinefolio/corpus/essay.hpp"',
            "cinefolio_model -> cinefolio_corpus is not declared in src/model/CMakeLists.txt",
            "the stages form a cycle"]


def private_for_public_header(root):
    edit(root / "src/index/CMakeLists.txt", "PUBLIC cinefolio_base cinefolio_manifest cinefolio_model PRIVATE",
         "PUBLIC cinefolio_base cinefolio_model PRIVATE cinefolio_manifest")
    return ["include/cinefolio/index/index.hpp", "cinefolio_index -> cinefolio_manifest PUBLIC",
            "declares it PRIVATE"]


def stale(root):
    edit(root / "src/model/CMakeLists.txt", "PUBLIC cinefolio_base", "PUBLIC cinefolio_base cinefolio_epub")
    return ["src/model/CMakeLists.txt: declares cinefolio_model -> cinefolio_epub"]


def relative(root):
    append_line(root / "src/epub/xhtml.hpp", '#include "../model/dump.hpp"')
    return ['src/epub/xhtml.hpp:2: includes "../model/dump.hpp"']


def outside_library(root):
    append_line(root / "include/cinefolio/manifest/manifest.hpp", "#include <yaml-cpp/yaml.h>")
    return ["include/cinefolio/manifest/manifest.hpp:2: public header includes <yaml-cpp/yaml.h>"]


def main():
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        clean = pathlib.Path(scratch) / "clean"
        copy_stages(clean)
        status, output = run(clean)
        if status != 0:
            print(f"FAIL: the repository's own stages do not pass:\n{output}")
            failures += 1
        for case in (undeclared, private_for_public_header, stale, relative, outside_library):
            root = pathlib.Path(scratch) / case.__name__
            copy_stages(root)
            expected = case(root)
            status, output = run(root)
            missing = [piece for piece in expected if piece not in output]
            if status == 0 or missing:
                print(f"FAIL: {case.__name__}: exit {status}, message lacks {missing}:\n{output}")
                failures += 1
    if failures:
        return 1
    print("check-includes-test: every bad edge is reported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
