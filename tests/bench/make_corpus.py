#!/usr/bin/env python3
"""Generates a test anthology: N films x 4 lenses, deterministic.

usage: make_corpus.py OUT_DIR [--films N] [--seed S]

Writes OUT_DIR/book.yaml and OUT_DIR/essays/. Three lenses per film are
Markdown essays with front matter (METACRITIC with `###` sections and
bulleted run-in leads, REALISM with bold-paragraph sections and bold
lead-ins with glosses, SIGNIFIER with bold sections, a footnote and a small
table); the fourth, PRESS, is a scraped article without front matter
(title twice, standfirst, byline twice, title again) brought in through
`imports`. The prose is recombined from the sample essays' sentences so
word lengths and punctuation are those of real criticism, which matters
to the typesetting measurements. Same arguments, same bytes.
"""

import argparse
import pathlib
import random
import re

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "books" / "closeness" / "essays"

FIRST = ["Anna", "Boris", "Céline", "Dmitri", "Elena", "Farid", "Gábor", "Hana", "Igor", "Jovana",
         "Kamila", "Luka", "Marta", "Nikola", "Olga", "Pavel", "Radu", "Sofía", "Tomasz", "Zoë"]
LAST = ["Balagov", "Kovačević", "Nowak", "Petrov", "Sokolova", "Horváth", "Dumitrescu", "Łukasik",
        "Novák", "Ibragimov", "Zhukova", "Mészáros", "Popescu", "Jelinek", "Andrić", "Szabó"]
TITLE_WORDS = ["Closeness", "Harvest", "Winter", "Border", "Silence", "Mother", "River", "Ashes",
               "Signal", "Distance", "Kinship", "Ransom", "Embers", "Threshold", "Tide", "Orchard"]
WORKS = ["Regarding the Pain of Others", "The Ballad of Sexual Dependency", "Secondhand Time",
         "Violence and the Sacred", "A Small Corner of Hell", "The End of Eddy", "Maman", "Blasted"]
PLACES = ["Nalchik", "Grozny", "Makhachkala", "Vladikavkaz", "Tbilisi", "Baku", "Rostov"]


def sentences():
    text = []
    for path in sorted(SEEDS.iterdir()):
        body = path.read_text(encoding="utf-8")
        if body.startswith("---"):
            body = body.split("\n---\n", 1)[1]
        for line in body.splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "*", "-")) or len(line) < 80:
                continue
            line = re.sub(r"\*\*|\*", "", line)
            text.extend(s for s in re.split(r"(?<=[.!?])\s+", line) if len(s) > 30)
    return text


def paragraph(rng, pool, film, count=None):
    picked = rng.sample(pool, count or rng.randint(4, 7))
    body = " ".join(picked).replace("Closeness", "*" + film + "*")
    if rng.random() < 0.4:
        body += " Consider *" + rng.choice(WORKS) + "*, set in " + rng.choice(PLACES) + "."
    return body


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def metacritic(rng, pool, film):
    out = ["### Introduction: The Reception", "", paragraph(rng, pool, film), ""]
    for section in ("The Festival Premiere", "The Critical Divide"):
        out += ["### " + section, "", paragraph(rng, pool, film), ""]
        for _ in range(3):
            out.append("*   **" + rng.choice(["The debate", "Aesthetic rupture", "The context"]) + ":** " +
                       paragraph(rng, pool, film, 2))
        out.append("")
    out += ["### Conclusion", "", paragraph(rng, pool, film)]
    return out


def realism(rng, pool, film):
    out = ["**1. The Nexus**", "", paragraph(rng, pool, film), "", "**2. The Curation**", ""]
    for _ in range(4):
        born = rng.randint(1900, 1980)
        out += ["**" + person(rng) + " (Writer, Critic, " + str(born) + "-" + str(born + rng.randint(40, 80)) + ")**",
                paragraph(rng, pool, film), ""]
    out += ["**3. The Horizon**", "", paragraph(rng, pool, film)]
    return out


def signifier(rng, pool, film):
    return ["**Introduction: The Allegory**", "", paragraph(rng, pool, film) + "[^1]", "",
            "**Body: The Evidence**", "", paragraph(rng, pool, film), "",
            "| Scene | Reading |", "|:--|--:|", "| The tape | Witness |", "| The wedding | Ritual |", "",
            "**Conclusion: The Impact**", "", paragraph(rng, pool, film), "",
            "[^1]: See *" + rng.choice(WORKS) + "* on the ethics of looking."]


def front_matter(film_id, title, lens):
    return ["---", "movieId: %d" % film_id, "movieTitle: \"%s\"" % title, "categoryName: " + lens, "---", ""]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--films", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    essays = args.out / "essays"
    essays.mkdir(parents=True, exist_ok=True)
    films, imports = [], []
    for index in range(args.films):
        film_id = 100000 + index * 7
        title = rng.choice(TITLE_WORDS) + (" " + rng.choice(TITLE_WORDS) if rng.random() < 0.5 else "")
        films.append("  - {id: %d, title: \"%s\", year: %d, director: \"%s\"}" %
                     (film_id, title, rng.randint(1960, 2024), person(rng)))
        for lens, make in (("METACRITIC", metacritic), ("REALISM", realism), ("SIGNIFIER", signifier)):
            lines = front_matter(film_id, title, lens) + make(rng, pool, title)
            (essays / ("%03d-%s.md" % (index, lens.lower()))).write_text("\n".join(lines) + "\n", encoding="utf-8")
        headline = title + ": " + rng.choice(["A Provocation", "Against the Grain", "A Quiet Storm"])
        byline = person(rng)
        press = [headline, "", headline, "", paragraph(rng, pool, title, 1), "", byline, "", byline, "", headline, ""]
        for _ in range(5):
            press += [paragraph(rng, pool, title).replace("*", "\""), ""]
        name = "%03d-press.txt" % index
        (essays / name).write_text("\n".join(press), encoding="utf-8")
        imports.append("  - {file: essays/%s, movieId: %d, movieTitle: \"%s\", categoryName: PRESS}" %
                       (name, film_id, title))
    manifest = ["title: A Generated Anthology", "subtitle: %d Films, Four Lenses" % args.films,
                "creators: [The cinefolio Test Suite]", "language: en", "date: 2026-01-01",
                "essays:", "  - essays/", "films:"] + films + [
                "lenses: [METACRITIC, REALISM, SIGNIFIER, PRESS]", "imports:"] + imports
    (args.out / "book.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
