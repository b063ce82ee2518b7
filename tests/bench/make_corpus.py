#!/usr/bin/env python3
"""Generates a test anthology: N films x 4 lenses, deterministic.

usage: make_corpus.py OUT_DIR [--films N] [--seed S] [--index]

Writes OUT_DIR/book.yaml and OUT_DIR/essays/. Three lenses per film are
Markdown essays with front matter (METACRITIC with `###` sections and
bulleted run-in leads, REALISM with bold-paragraph sections and bold
lead-ins with glosses, SIGNIFIER with bold sections, a footnote and a small
table); the fourth, PRESS, is a scraped article without front matter
(title twice, standfirst, byline twice, title again) brought in through
`imports`. The prose is recombined from the sample essays' sentences so
word lengths and punctuation are those of real criticism, which matters
to the typesetting measurements. Same arguments, same bytes.

With --index it also writes OUT_DIR/index.yaml, a curated index (people,
works, places, concepts with aliases, patterns and an exclusion) and names
it in the manifest; the essays are the same bytes as without it. Only
entries whose forms occur in the generated essays are written, so every
entry is found; the frequent ones (Balagov, the claustrophobia concept) sit
on consecutive pages and print as ranges.
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


# The curated entries --index may write, as YAML lines, each with the
# Python regular expression (the same syntax as ICU's for these) that must
# find it in the essays' text for it to be written. Patterns are single-quoted.
INDEX_ENTRIES = [
    (r"\bBalagov\b", ["- heading: Balagov, Kantemir", "  kind: person", "  gloss: director",
                        "  match: [Kantemir Balagov]", "  aliases: [Balagov]"]),
    (r"\bSontag\b", ["- heading: Sontag, Susan", "  kind: person", "  aliases: [Sontag]"]),
    # Never inside "Bourgeoisian": forms match whole words only.
    (r"\bBourgeois\b", ["- heading: Bourgeois, Louise", "  kind: person", "  aliases: [Bourgeois]"]),
    (r"\bPolitkovskaya\b", ["- heading: Politkovskaya, Anna", "  kind: person", "  aliases: [Politkovskaya]"]),
    (r"\bAlexievich\b", ["- heading: Alexievich, Svetlana", "  kind: person", "  aliases: [Alexievich]"]),
    (r"\bGirard\b", ["- heading: Girard, René", "  kind: person", "  aliases: [Girard]"]),
    (r"\bIla(na)?\b", ["- heading: Ilana", "  kind: person", "  gloss: protagonist", "  aliases: [Ila]"]),
    (r"Secondhand Time", ["- heading: Secondhand Time", "  kind: work"]),
    (r"A Small Corner of Hell", ["- heading: A Small Corner of Hell", "  kind: work"]),
    (r"Regarding the Pain of Others", ["- heading: Regarding the Pain of Others", "  kind: work"]),
    (r"Violence and the Sacred", ["- heading: Violence and the Sacred", "  kind: work"]),
    (r"\bNalchik\b", ["- heading: Nalchik", "  kind: place", "  exclude: [\"Nalchik, Russia\"]",
                        "  see_also: [North Caucasus]"]),
    (r"North Caucasus", ["- heading: North Caucasus", "  kind: place"]),
    (r"\bGrozny\b", ["- heading: Grozny", "  kind: place"]),
    (r"\bTbilisi\b", ["- heading: Tbilisi", "  kind: place"]),
    (r"\b([Cc]laustrophobic|suffocat(ing|ion))\b",
     ["- heading: claustrophobia", "  kind: concept", "  aliases: [suffocation]",
      "  patterns: ['[Cc]laustrophobic|suffocating']"]),
    (r"\bkidnap(ping|ped|pers)\b",
     ["- heading: kidnapping", "  kind: event", "  patterns: ['(?i)kidnap(?:ping|ped|pers)']"]),
    (r"4:3 aspect ratio", ["- heading: 4:3 aspect ratio", "  kind: concept",
                           "  patterns: ['(?:4:3 )?[Aa]spect [Rr]atio']"]),
]


def index_file(essay_texts):
    """The curated index: the entries of INDEX_ENTRIES found in the essays."""
    text = "\n".join(essay_texts).replace("*", "")
    out = ["# A curated index for the generated corpus (make_corpus.py --index).", "entries:"]
    for found_by, lines in INDEX_ENTRIES:
        if re.search(found_by, text):
            out += ["  " + line for line in lines]
    return "\n".join(out) + "\n"


def front_matter(film_id, title, lens):
    return ["---", "movieId: %d" % film_id, "movieTitle: \"%s\"" % title, "categoryName: " + lens, "---", ""]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--films", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--index", action="store_true", help="also write a curated index.yaml")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    essays = args.out / "essays"
    essays.mkdir(parents=True, exist_ok=True)
    films, imports, texts = [], [], []
    for index in range(args.films):
        film_id = 100000 + index * 7
        title = rng.choice(TITLE_WORDS) + (" " + rng.choice(TITLE_WORDS) if rng.random() < 0.5 else "")
        films.append("  - {id: %d, title: \"%s\", year: %d, director: \"%s\"}" %
                     (film_id, title, rng.randint(1960, 2024), person(rng)))
        for lens, make in (("METACRITIC", metacritic), ("REALISM", realism), ("SIGNIFIER", signifier)):
            lines = front_matter(film_id, title, lens) + make(rng, pool, title)
            texts.append("\n".join(lines))
            (essays / ("%03d-%s.md" % (index, lens.lower()))).write_text("\n".join(lines) + "\n", encoding="utf-8")
        headline = title + ": " + rng.choice(["A Provocation", "Against the Grain", "A Quiet Storm"])
        byline = person(rng)
        press = [headline, "", headline, "", paragraph(rng, pool, title, 1), "", byline, "", byline, "", headline, ""]
        for _ in range(5):
            press += [paragraph(rng, pool, title).replace("*", "\""), ""]
        texts.append("\n".join(press))
        name = "%03d-press.txt" % index
        (essays / name).write_text("\n".join(press), encoding="utf-8")
        imports.append("  - {file: essays/%s, movieId: %d, movieTitle: \"%s\", categoryName: PRESS}" %
                       (name, film_id, title))
    manifest = ["title: A Generated Anthology", "subtitle: %d Films, Four Lenses" % args.films,
                "creators: [The cinefolio Test Suite]", "language: en", "date: 2026-01-01",
                "essays:", "  - essays/", "films:"] + films + [
                "lenses: [METACRITIC, REALISM, SIGNIFIER, PRESS]", "imports:"] + imports
    if args.index:
        manifest.append("index: index.yaml")
        (args.out / "index.yaml").write_text(index_file(texts), encoding="utf-8")
    (args.out / "book.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
