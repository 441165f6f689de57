"""Deterministic, varied protocols for the ingestion benchmark.

Four shapes, as the real protocols come: the seed's grant blocks ("Antrag Nr."), a
grants table, grants told in sentences, and a meeting with discussion only. Councils,
dates, people, organisations and amounts vary with a fixed random seed, so the same
call always writes the same files. Every name is made up.

``generate(directory, count, seed)`` writes the files and returns what each one
holds (``Expected``), so the benchmark can check the parser found it.
``generate_scale(directory)`` writes the scale corpus (13 councils × 15 years, in the
shapes of the real Hannover documents, with its truth): ``bench/scale_corpus.py``.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

DISTRICTS = (
    "Mitte", "Vahrenwald-List", "Bothfeld-Vahrenheide", "Buchholz-Kleefeld", "Misburg-Anderten",
    "Kirchrode-Bemerode-Wülferode", "Südstadt-Bult", "Döhren-Wülfel", "Ricklingen", "Linden-Limmer",
    "Ahlem-Badenstedt-Davenstedt", "Herrenhausen-Stöcken", "Nord",
)
SHAPES = ("block", "table", "prose", "discussion")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
GIVEN = ("Anna", "Ahmet", "Birgit", "Chen", "Dariusz", "Elif", "Fatima", "Georg", "Hülya", "Ivan", "Jana", "Kemal",
         "Lena", "Mehmet", "Nadia", "Olga", "Paul", "Rania", "Sven", "Tamara", "Ugur", "Vera", "Yusuf", "Zeynep")
FAMILY = ("Albers", "Bakir", "Dietrich", "Engel", "Fischer", "Günther", "Hoffmann", "Ilić", "Jansen", "Kowalski",
          "Lindner", "Meyer", "Nowak", "Özdemir", "Petersen", "Quandt", "Richter", "Schulz", "Tekin", "Uhl",
          "Vogel", "Wagner", "Yilmaz", "Zimmermann", "de Vries", "von Berg")
PARTIES = ("SPD", "CDU", "BÜNDNIS 90/DIE GRÜNEN", "DIE LINKE", "FDP", "Piraten", "DIE PARTEI")
ORGANISATIONS = ("Kulturverein Morgenland", "Nachbarschaftsladen {d}", "Sportfreunde {d}", "Frauentreff {d}",
                 "Elternverein Grundschule {d}", "Förderverein der IGS {d}", "Jugendtreff Brücke", "Chor der Welten",
                 "Internationaler Garten {d}", "Sprachcafé Miteinander", "Theater Mosaik", "Schachclub Springer")
PURPOSES = ("Sommerfest", "Internationales Fußballturnier", "Sprachcafé", "Kochabend der Kulturen",
            "Projekt „Spielend gegen Ausgrenzung“", "Hausaufgabenhilfe", "Theaterprojekt für Kinder",
            "Stadtteilfrühstück", "Ausflug für Familien", "Nähkurs für Frauen")
PLACES = (("Freizeitheim {d}", "Am Markt {n}"), ("Stadtteilzentrum {d}", "Hauptstraße {n}"),
          ("kargah e.V.", "Zur Bettfedernfabrik 1"), ("Bezirksrathaus {d}", "Rathausplatz {n}"))
TOPICS = ("Lokaler Integrationsplan", "Wohnen im Stadtteil", "Sprachkurse", "Jugendarbeit", "Begegnungsorte")


@dataclass(frozen=True)
class Expected:
    path: Path
    shape: str
    council: str
    date: dt.date
    grants: int
    total: Decimal


def _amount_text(amount: Decimal) -> str:
    # Protocol style ("1.400,00"), as the source documents write it; not an answer format.
    return f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


class _Protocol:
    def __init__(self, rng: random.Random, number: int, district: str, date: dt.date):
        self.rng, self.number, self.district, self.date = rng, number, district, date
        self.people = self._people()
        count = rng.choice((1, 2, 2, 3, 4))
        organisations = rng.sample(ORGANISATIONS, count)
        self.grants = [
            (f"{i + 1:02d}/{date.year}", org.format(d=district.split("-")[0]) + " e.V.", rng.choice(PURPOSES),
             Decimal(rng.choice((150, 200, 350, 500, 650, 740.70, 799, 1000, 1400, 2250.50))).quantize(Decimal("0.01")))
            for i, org in enumerate(organisations)
        ]

    def _people(self) -> list[tuple[str, str, bool, str | None]]:
        names = set()
        while len(names) < self.rng.randint(8, 16):
            names.add((self.rng.choice(FAMILY), self.rng.choice(GIVEN)))
        return [(family, given, self.rng.random() < 0.7, self.rng.choice(PARTIES) if self.rng.random() < 0.3 else None)
                for family, given in sorted(names)]

    def header(self) -> list[str]:
        place, street = self.rng.choice(PLACES)
        d = self.district.split("-")[0]
        start = self.rng.choice(("18.00", "18.30", "19.00"))
        return [
            " ERGEBNISPROTOKOLL ", "",
            f"Integrationsbeirat {self.district} am {WEEKDAYS[self.date.weekday()]}, {self.date:%d.%m.%Y} ",
            f"{place.format(d=d)}, {street.format(n=self.rng.randint(1, 40))} ", "",
            f"Beginn: {start} Uhr ", f"Ende:   ca. {self.rng.choice(('20.00', '20.30', '20.45', '21.15'))} Uhr ", "",
            "_" * 60, "",
        ]

    def attendance(self) -> list[str]:
        lines = ["Anwesend: ", "(verhindert waren) ", ""]
        for i, (family, given, present, party) in enumerate(self.people):
            name = f"{family}, {given}"
            role = "  Vorsitzende(r)" if i == 0 else "  Stellv. Vorsitzende(r)" if i == 1 else ""
            party_text = f"  ({party})" if party else ""
            lines.append((name if present or i == 0 else f"({name})") + role + party_text + " ")
        admin = self.rng.choice(FAMILY)
        lines += ["", "Verwaltung: ", f"{self.rng.choice(('Herr', 'Frau'))} {admin}   (Fachbereich Gesellschaftliche Teilhabe) ", ""]
        return lines

    def opening(self) -> list[str]:
        chair = self.people[0][0]
        return ["TOP 1 ", "Eröffnung ", "",
                f"Bezirksbürgermeister {chair} eröffnet die {self.number}. Sitzung des Integrationsbeirates {self.district}. ", ""]

    def grants_block(self) -> list[str]:
        lines = ["TOP 2 ", f"Beratung über Zuwendungen auf Vorschlag des Integrationsbeirates {self.district} ", "",
                 "Der Integrationsbeirat schlägt dem Stadtbezirksrat nach Beratung den Beschluss der folgenden ",
                 "Zuwendungen vor: ", ""]
        for number, organisation, purpose, amount in self.grants:
            lines += [f"Antrag Nr. {number} ", organisation, f"Zuwendungsbetrag: {_amount_text(amount)} € ",
                      f"Verwendungszweck: {purpose} ", ""]
        return lines

    def grants_table(self) -> list[str]:
        lines = ["TOP 2 ", "Zuwendungen ", "", "Der Integrationsbeirat empfiehlt dem Stadtbezirksrat: ", "",
                 f"{'Nr.':10}{'Antragsteller':40}{'Projekt':40}{'Betrag':16}Abstimmung"]
        for number, organisation, purpose, amount in self.grants:
            purpose = purpose.replace("„", "").replace("“", "")
            lines.append(f"{number:10}{organisation:40}{purpose:40}{_amount_text(amount) + ' €':16}einstimmig")
        return lines + [""]

    def grants_prose(self) -> list[str]:
        lines = ["TOP 2 ", "Zuwendungen ", ""]
        for _number, organisation, purpose, amount in self.grants:
            lines += [f"Der Integrationsbeirat empfiehlt einstimmig, dem {organisation} für das {purpose} eine "
                      f"Zuwendung in Höhe von {_amount_text(amount)} € zu gewähren. ", ""]
        return lines

    def discussion(self, number: str) -> list[str]:
        topic = self.rng.choice(TOPICS)
        guest = f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}"
        lines = [f"TOP {number} ", f"Austausch über {topic} ", "", "als Gäste sind eingeladen: ", "",
                 f" Herr {guest} (Stadtteilkoordination) ", ""]
        for _ in range(self.rng.randint(2, 5)):
            lines += [f"Frage an {guest}: Was hat sich beim Thema {topic} getan? ",
                      f"Antwort: Im Stadtbezirk {self.district} gibt es neue Angebote. Viele Menschen machen mit. ",
                      "Es braucht aber mehr Räume und mehr Geld für die Arbeit im Stadtteil. ", ""]
        lines += ["Diskussion: Wie geht es weiter? ", "Gesprächsbeiträge: ",
                  "- Die Angebote sollen bekannter werden. ", "", "- Der Austausch mit der Verwaltung muss besser werden. ", ""]
        return lines

    def closing(self) -> list[str]:
        return ["", f"Bezirksbürgermeister {self.people[0][0]} beendet die Sitzung. ", "", f"gez. {self.rng.choice(FAMILY)} ", ""]

    def text(self, shape: str) -> str:
        lines = self.header() + self.attendance() + self.opening()
        if shape == "block":
            lines += self.grants_block() + self.discussion("3")
        elif shape == "table":
            lines += self.grants_table() + self.discussion("3")
        elif shape == "prose":
            lines += self.grants_prose() + self.discussion("3")
        else:
            lines += self.discussion("2")
        return "\n".join(lines + self.closing())


def generate(directory: Path, count: int = 1000, seed: int = 2019) -> list[Expected]:
    """Write ``count`` protocols into ``directory``; the same seed gives the same files."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    expected: list[Expected] = []
    next_date = {d: dt.date(2012, 1, 9) + dt.timedelta(days=7 * i) for i, d in enumerate(DISTRICTS)}
    numbers = dict.fromkeys(DISTRICTS, 0)
    for index in range(count):
        district = DISTRICTS[index % len(DISTRICTS)]
        numbers[district] += 1
        date = next_date[district]
        next_date[district] = date + dt.timedelta(days=rng.choice((28, 35, 42, 56)))
        shape = SHAPES[rng.randrange(len(SHAPES))]
        protocol = _Protocol(rng, numbers[district], district, date)
        slug = district.lower().replace("ü", "ue").replace("ö", "oe")
        path = directory / f"{date:%Y-%m-%d}_{slug}_{numbers[district]}.txt"
        path.write_text(protocol.text(shape), encoding="utf-8")
        grants = protocol.grants if shape != "discussion" else []
        expected.append(Expected(path, shape, f"Integrationsbeirat {district}", date, len(grants),
                                 sum((g[3] for g in grants), Decimal("0.00"))))
    return expected


def generate_scale(directory: Path, seed: int | None = None, councils=None, years=None):
    """The scale corpus: 13 councils × 15 years (2010–2024) in the families of the real
    Hannover documents, protocols and decision papers, with its truth per council and year
    (``bench/scale_corpus.py``; ``Corpus.write_truth(path)`` writes it as JSON)."""
    from bench import scale_corpus

    return scale_corpus.generate(directory, scale_corpus.DEFAULT_SEED if seed is None else seed, councils, years)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--scale"]:
        target = Path(sys.argv[2] if len(sys.argv) > 2 else "bench/tmp/scale")
        corpus = generate_scale(target / "documents")
        truth = corpus.write_truth(target / "truth.json")
        print(f"{truth['documents']} Dokumente, {truth['grants']} Zuwendungen, {truth['meetings']} Sitzungen in {target}")
        sys.exit(0)
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/tmp/protocols")
    written = generate(target, int(sys.argv[2]) if len(sys.argv) > 2 else 1000)
    print(f"{len(written)} Protokolle in {target}")
