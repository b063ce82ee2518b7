#!/usr/bin/env python3
"""Speed benchmark: cinefolio against pandoc, pandoc + xelatex and Typst 0.14 in one run.

usage: python3 tests/bench/run.py [--sizes 1,10,100,500] [--runs 3] [--build DIR] [--out DIR]
                                  [--jobs N] [--peers pandoc,xelatex,typst] [--xelatex-max FILMS]
                                  [--install] [--markdown FILE]

Not a test (never run by ctest). For each size (films) it
  1. generates the seeded corpus with tests/bench/make_corpus.py DIR --films N --index;
  2. times `cinefolio build` for the EPUB alone, the PDF alone, both (the
     default build) and, when the program has `--booklets`, the book with its
     booklets (quoted against both as booklets/book), all with a cold cache
     (`--no-cache`); and, when the program has a cache, both and the book
     with its booklets again with a warm one (the warm-up run fills it,
     `warm` in the table): wall time, CPU time
     (user + system) and peak RSS of the process, from the kernel's own
     accounting of the finished child (os.wait4), with pages and pages/s
     (the print edition's pages, which the EPUB cites too);
  3. times the peers on the same text when installed (with --install they
     are installed as tests/bench/compare.py installs them): pandoc for the
     EPUB, pandoc --pdf-engine=xelatex (up to --xelatex-max films, it is
     slow) and Typst 0.14 through @myriaddreamin/typst-ts-node-compiler@0.7.0
     (node); the corpus is turned into their input by compare.py's converters;
  4. runs each pair alternately (cinefolio, peer, cinefolio, peer, ...) and
     quotes the peer/cinefolio ratio pair by pair, so a ratio holds when the
     machine's speed drifts; every figure is the median over --runs runs,
     after one warm-up run that is not counted.
Prints a Markdown table (also written to OUT/table.md).
"""
import argparse, os, pathlib, re, resource, shutil, statistics, subprocess, sys, tempfile, time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import compare  # noqa: E402  (the peers' installers and converters)

EPOCH = "1700000000"


def timed(cmd, env=None, cwd=None):
    """Runs a command; returns (wall s, cpu s, peak RSS MiB), failing loudly."""
    # stderr goes to a file: a pipe read only at the end would fill with a
    # large corpus's warnings and stop the child.
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, env=env, cwd=cwd)
        # wait4 gives this child's own rusage: CPU of all its threads, its peak RSS.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        log.seek(0)
        err = log.read().decode(errors="replace")
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError("%s failed (%d):\n%s" % (" ".join(map(str, cmd)), process.returncode, err[-2000:]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def pdf_pages(path):
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        if m:
            return int(m.group(1))
    return len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))


class Row:
    def __init__(self, label):
        self.label, self.samples = label, []

    def add(self, sample):
        self.samples.append(sample)

    def median(self, i):
        return statistics.median(s[i] for s in self.samples)


def measure(label, commands, runs):
    """Runs each of `commands` (label -> (argv, env)) in turn, one warm-up and
    `runs` counted rounds, alternating; returns label -> Row."""
    rows = {name: Row(name) for name in commands}
    for round_ in range(runs + 1):
        for name, (argv, env) in commands.items():
            sample = timed(argv, env=env)
            print("  %-28s %s run %d: %.2f s wall, %.2f s cpu, %.0f MiB" % (label, name, round_, *sample),
                  file=sys.stderr)
            if round_ > 0:
                rows[name].add(sample)
    return rows


def peer_commands(corpus, out, films, peers, xelatex_max, typst_dir):
    commands = {}
    md = out / "peer.md"
    md.write_text(compare.markdown_of(corpus), encoding="utf-8")
    if "pandoc" in peers and shutil.which("pandoc"):
        commands["pandoc EPUB"] = (["pandoc", str(md), "-o", str(out / "pandoc.epub"), "--metadata",
                                    "title=Bench", "-V", "lang=en-US"], None)
    if "xelatex" in peers and shutil.which("xelatex") and films <= xelatex_max:
        commands["pandoc+xelatex PDF"] = (
            ["pandoc", str(md), "-o", str(out / "xelatex.pdf"), "--pdf-engine=xelatex", "-V", "documentclass=book",
             "-V", "classoption=openany", "-V", "mainfont=Linux Libertine O", "-V", "fontsize=11pt",
             "-V", "geometry:paperwidth=6in,paperheight=9in,textwidth=306pt,inner=54pt,top=54pt,bottom=72pt",
             "-V", "lang=en-US"], None)
    module = typst_dir / "node_modules" / "@myriaddreamin" / "typst-ts-node-compiler"
    if "typst" in peers and not (module.exists() and shutil.which("node")):
        print("Typst 0.14 is not installed in %s (--install installs it): its rows are skipped" % typst_dir,
              file=sys.stderr)
    if "typst" in peers and module.exists() and shutil.which("node"):
        (out / "typst.typ").write_text(compare.typst_of(corpus), encoding="utf-8")
        script = out / "typst.js"
        script.write_text(
            "const {NodeCompiler} = require(%r);\nconst fs = require('fs');\n"
            "const c = NodeCompiler.create({workspace: %r});\n"
            "const doc = c.compile({mainFilePath: %r}).result;\n"
            "fs.writeFileSync(%r, c.pdf(doc));\n" % (str(module), str(out), str(out / "typst.typ"),
                                                     str(out / "typst.pdf")))
        commands["Typst 0.14 PDF"] = (["node", str(script)], None)
    return commands


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,10,100,500", help="films per corpus, comma-separated")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--build", default=str(ROOT / "build"), help="build folder holding `cinefolio`")
    ap.add_argument("--out", default="/tmp/cinefolio-speed")
    ap.add_argument("--jobs", type=int, default=0, help="cinefolio -j N (default: the program's default)")
    ap.add_argument("--peers", default="pandoc,xelatex,typst")
    ap.add_argument("--xelatex-max", type=int, default=10, help="largest corpus xelatex sets (films)")
    ap.add_argument("--install", action="store_true", help="install missing peers first (apt-get, npm)")
    ap.add_argument("--markdown", help="also write the table to this file")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    peers = set(filter(None, args.peers.split(",")))
    # Beside epub.js (scripts/setup.sh), where every later run finds it.
    typst_dir = compare.TYPST_DIR
    if args.install and peers:
        compare.install_peers(typst_dir if "typst" in peers else None)
    program = pathlib.Path(args.build) / "cinefolio"
    if not program.exists():
        sys.exit("no %s: build it first (cmake --build %s --target cinefolio)" % (program, args.build))
    help_text = subprocess.run([str(program), "build", "--help"], capture_output=True, text=True).stdout
    has_booklets = "--booklets" in help_text
    has_cache = "--no-cache" in help_text
    jobs = ["-j", str(args.jobs)] if args.jobs and "-j" in help_text else []
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)

    lines = ["| films | pages | work | wall s | CPU s | peak MiB | pages/s | peer | peer wall s | peer MiB | peer/cinefolio |",
             "|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|"]
    for films in [int(s) for s in args.sizes.split(",") if s]:
        size_dir = out / ("films-%d" % films)
        corpus = size_dir / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        size_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(corpus), "--films", str(films), "--index"],
                       check=True, stdout=subprocess.DEVNULL)
        book = str(corpus / "book.yaml")
        warm_base = [str(program), "build", book, "-q"] + jobs
        base = warm_base + (["--no-cache"] if has_cache else [])
        for stale in ("warm-both", "warm-booklets"):
            shutil.rmtree(size_dir / stale, ignore_errors=True)
        ours = {"EPUB": base + ["--format", "epub", "-o", str(size_dir / "epub")],
                "PDF": base + ["--format", "pdf", "-o", str(size_dir / "pdf")],
                "EPUB+PDF": base + ["-o", str(size_dir / "both")]}
        if has_cache:
            ours["EPUB+PDF warm"] = warm_base + ["-o", str(size_dir / "warm-both")]
        if has_booklets:
            ours["book+booklets"] = base + ["--booklets", "-o", str(size_dir / "booklets")]
            if has_cache:
                ours["book+booklets warm"] = warm_base + ["--booklets", "-o", str(size_dir / "warm-booklets")]
        peer = peer_commands(corpus, size_dir, films, peers, args.xelatex_max, typst_dir)
        pairs = {"EPUB": "pandoc EPUB", "PDF": "Typst 0.14 PDF"}
        commands = {name: (argv, env) for name, argv in ours.items()}
        commands.update(peer)
        rows = measure("%d films" % films, commands, args.runs)
        pages = pdf_pages(next((size_dir / "pdf").glob("*.pdf")))

        def ratio(a, b):
            return statistics.median(pb[0] / pa[0] for pa, pb in zip(rows[a].samples, rows[b].samples))

        first_line = len(lines)
        for name in ours:
            r = rows[name]
            line = "| %d | %d | %s | %.2f | %.2f | %.0f | %s |" % (
                films, pages, name, r.median(0), r.median(1), r.median(2),
                "%.0f" % (pages / r.median(0)) if name in ("EPUB", "PDF") else "—")
            others = [pairs[name]] if pairs.get(name) in rows else []
            if name == "PDF" and "pandoc+xelatex PDF" in rows:
                others.append("pandoc+xelatex PDF")
            if name.startswith("book+booklets"):
                # The target: the booklets cost at most half the book again.
                book_alone = "EPUB+PDF warm" if name.endswith("warm") else "EPUB+PDF"
                lines.append(line + " the book alone (%s) | %.2f | | %.2f× (booklets/book) |" % (
                    book_alone, rows[book_alone].median(0), 1 / ratio(name, book_alone)))
                continue
            if name == "EPUB+PDF warm":
                lines.append(line + " the same, cold (EPUB+PDF) | %.2f | | %.2f× (cold/warm) |" % (
                    rows["EPUB+PDF"].median(0), ratio(name, "EPUB+PDF")))
                continue
            if not others:
                lines.append(line + " — | | | |")
            for i, other in enumerate(others):
                o = rows[other]
                lines.append((line if i == 0 else "| | | | | | | |") + " %s | %.2f | %.0f | %.1f× |" % (
                    other, o.median(0), o.median(2), ratio(name, other)))
        print("\n".join(lines[:2] + lines[first_line:]), file=sys.stderr)
    table = "\n".join(lines)
    print(table)
    (out / "table.md").write_text(table + "\n", encoding="utf-8")
    if args.markdown:
        pathlib.Path(args.markdown).write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
