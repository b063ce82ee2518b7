#!/usr/bin/env python3
"""Typographic benchmark: cinefolio against xelatex (and Typst) on one corpus.

usage: tests/bench/compare.py [--films N] [--runs R] [--build DIR] [--out DIR] [--no-typst]

Not a test (never run by ctest). It
  1. installs the peers if missing (apt-get: pandoc, texlive-xetex,
     texlive-latex-recommended, lmodern, fonts-linuxlibertine; npm: Typst 0.14
     through @myriaddreamin/typst-ts-node-compiler) - idempotent;
  2. generates the corpus with tests/bench/make_corpus.py OUT/corpus --films N;
  3. builds it with cinefolio four times (CINEFOLIO_MICROTYPE: expansion and
     protrusion, none, each alone), and the same text with pandoc + xelatex and
     with Typst, all at 6 x 9 in, 11 pt Linux Libertine O, a 306 pt measure;
  4. runs typo_metrics.py (../shared/tools, or $TYPO_METRICS) on every PDF and
     prints one table;
  5. builds and runs cinefolio_breaker_bench: paragraphs/s and pages/s of the
     typesetter and of the breaker alone (medians of R runs), and the breaker's
     time per item on ever longer paragraphs.
"""
import argparse, os, pathlib, re, shutil, subprocess, sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
METRICS = pathlib.Path(os.environ.get("TYPO_METRICS", ROOT.parent / "shared" / "tools" / "typo_metrics.py"))
SUDO = [] if os.geteuid() == 0 else ["sudo"]


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd) if isinstance(cmd, list) else cmd, file=sys.stderr)
    return subprocess.run(cmd, check=True, **kw)


# Where Typst's npm package goes: beside epub.js in build-tools/ (ignored by
# git), so that a run finds what an earlier run installed.
TYPST_DIR = ROOT / "build-tools" / "typst-node"


def install_peers(typst_dir):
    need = [p for p, tool in [("pandoc", "pandoc"), ("texlive-xetex", "xelatex")] if not shutil.which(tool)]
    fonts = subprocess.run(["fc-list", "Linux Libertine O"], capture_output=True, text=True).stdout
    # hyperref's links in xelatex need ZapfDingbats (pzdr) from texlive-fonts-recommended.
    dingbats = shutil.which("kpsewhich") and subprocess.run(["kpsewhich", "pzdr.tfm"], capture_output=True,
                                                            text=True).stdout.strip()
    if need or not fonts.strip() or not dingbats:
        run(SUDO + ["apt-get", "install", "-y", "--no-install-recommends", "pandoc", "texlive-xetex",
                    "texlive-latex-recommended", "texlive-fonts-recommended", "lmodern", "fonts-linuxlibertine"],
            env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"), stdout=sys.stderr)
    if typst_dir and not (typst_dir / "node_modules" / "@myriaddreamin" / "typst-ts-node-compiler").exists():
        typst_dir.mkdir(parents=True, exist_ok=True)
        try:
            run(["npm", "install", "--prefix", str(typst_dir), "@myriaddreamin/typst-ts-node-compiler@0.7.0"],
                stdout=sys.stderr)
        except (subprocess.CalledProcessError, FileNotFoundError):
            print("Typst could not be installed; its row is skipped", file=sys.stderr)


def essays_in_order(corpus):
    """(title, markdown body) of every essay, film by film, lens by lens."""
    out = []
    for path in sorted((corpus / "essays").iterdir()):
        text = path.read_text(encoding="utf-8")
        title = path.stem
        if text.startswith("---\n"):
            head, text = text[4:].split("\n---\n", 1)
            m = re.search(r"^(?:title|categoryName):\s*(.+)$", head, re.M)
            title = m.group(1).strip() if m else title
        out.append((title, text))
    return out


def markdown_of(corpus):
    parts = []
    for title, body in essays_in_order(corpus):
        body = re.sub(r"^#{1,6} ", "## ", body, flags=re.M)
        parts.append("# " + title + "\n\n" + body.strip() + "\n")
    return "\n\n".join(parts)


def typst_inline(text):
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"([#$@<>\\`_\[\]~])", r"\\\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"*\1*", text)
    text = re.sub(r"(?<![*\w])\*([^*]+?)\*(?!\*)", r"_\1_", text)
    return text


def typst_of(corpus):
    lines = ['#set page(width: 6in, height: 9in, margin: (inside: 54pt, outside: 72pt, top: 54pt, bottom: 72pt))',
             '#set text(font: "Linux Libertine O", size: 11pt, lang: "en", hyphenate: true)',
             '#set par(justify: true, first-line-indent: 11pt)', '']
    for title, body in essays_in_order(corpus):
        lines.append("#pagebreak(weak: true)\n= " + typst_inline(title) + "\n")
        for block in re.split(r"\n\s*\n", body.strip()):
            block = block.strip()
            if not block or block.startswith("|") or block.startswith("[^"):
                continue
            if block.startswith("#"):
                lines.append("== " + typst_inline(block.lstrip("#").strip()) + "\n")
            elif re.match(r"^[*-] ", block):
                for item in re.split(r"\n(?=[*-] )", block):
                    lines.append("- " + typst_inline(" ".join(item[2:].split())))
                lines.append("")
            else:
                lines.append(typst_inline(" ".join(block.split())) + "\n")
    return "\n".join(lines)


def build_xelatex(corpus, out):
    md = out / "xelatex.md"
    md.write_text(markdown_of(corpus), encoding="utf-8")
    pdf = out / "xelatex.pdf"
    run(["pandoc", str(md), "-o", str(pdf), "--pdf-engine=xelatex", "-V", "documentclass=book",
         "-V", "classoption=openany", "-V", "mainfont=Linux Libertine O", "-V", "fontsize=11pt",
         "-V", "geometry:paperwidth=6in,paperheight=9in,textwidth=306pt,inner=54pt,top=54pt,bottom=72pt",
         "-V", "lang=en-US"], stdout=subprocess.DEVNULL)
    return pdf


def build_typst(corpus, out, typst_dir):
    if not (typst_dir / "node_modules" / "@myriaddreamin" / "typst-ts-node-compiler").exists():
        return None
    (out / "typst.typ").write_text(typst_of(corpus), encoding="utf-8")
    script = out / "typst.js"
    script.write_text(
        "const {NodeCompiler} = require(%r);\n"
        "const fs = require('fs');\n"
        "const c = NodeCompiler.create({workspace: %r});\n"
        "const doc = c.compile({mainFilePath: %r}).result;\n"
        "fs.writeFileSync(%r, c.pdf(doc));\n" % (
            str(typst_dir / "node_modules" / "@myriaddreamin" / "typst-ts-node-compiler"), str(out),
            str(out / "typst.typ"), str(out / "typst.pdf")))
    try:
        run(["node", str(script)])
    except subprocess.CalledProcessError:
        return None
    return out / "typst.pdf"


def metrics(pdf, label):
    rows = subprocess.run([sys.executable, str(METRICS), str(pdf), "--label", label],
                          capture_output=True, text=True, check=True).stdout.strip().splitlines()
    return rows[0], rows[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--films", type=int, default=10)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--build", default=str(ROOT / "build-bench"))
    ap.add_argument("--out", default="/tmp/cinefolio-bench")
    ap.add_argument("--no-typst", action="store_true")
    args = ap.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    typst_dir = None if args.no_typst else TYPST_DIR
    install_peers(typst_dir)

    build = pathlib.Path(args.build)
    run(["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release"], stdout=subprocess.DEVNULL)
    run(["cmake", "--build", str(build), "-j2", "--target", "cinefolio", "cinefolio_breaker_bench"],
        stdout=subprocess.DEVNULL)
    corpus = out / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    run([sys.executable, str(HERE / "make_corpus.py"), str(corpus), "--films", str(args.films)])

    pdfs = []
    for label, microtype in [("cinefolio", "expansion,protrusion"), ("cf-no-micro", "none"),
                             ("cf-expansion", "expansion"), ("cf-protrusion", "protrusion")]:
        target = out / label
        run([str(build / "cinefolio"), "build", str(corpus / "book.yaml"), "--format", "pdf", "-q", "-o",
             str(target)], env=dict(os.environ, CINEFOLIO_MICROTYPE=microtype), stderr=subprocess.DEVNULL)
        pdfs.append((label, next(target.glob("*.pdf"))))
    pdfs.append(("xelatex", build_xelatex(corpus, out)))
    typst = build_typst(corpus, out, typst_dir) if typst_dir else None
    if typst:
        pdfs.append(("typst", typst))

    header = None
    rows = []
    for label, pdf in pdfs:
        header, row = metrics(pdf, label)
        rows.append(row)
    print()
    print(header)
    print("\n".join(rows))
    print()
    bench = next(build.rglob("cinefolio_breaker_bench"))
    speed = subprocess.run([str(bench), str(corpus / "book.yaml"), str(args.runs)],
                           capture_output=True, text=True, check=True)
    print(speed.stdout, end="")


if __name__ == "__main__":
    main()
