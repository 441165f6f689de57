"""A scale corpus in the shapes of Hannover's real documents, with its truth.

13 councils (the Stadtbezirke) × 15 years (2010–2024): Ergebnisprotokolle and
Niederschriften of every meeting and the Beschlussdrucksachen that carry the
council's recommendations to the Stadtbezirksrat. The shapes are those of the real
documents in ``tests/fixtures/real/hannover`` and ``tests/fixtures/protocols``:

protocol families (how a protocol writes its grants)
    ``zuwendung_an``  "Antrag Nr. 1" / "Zuwendung i.H.v. 2.900,00 € an die …" / "Projekt: …" (2012)
    ``block``         "Antrag Nr. 01/2021" / name / "Zuwendungsbetrag:" / "Verwendungszweck:" (2021)
    ``fields``        "Antragsteller:", "Gesamtkosten:", "beantragt:", "Zuwendungsbetrag:" (Ricklingen 2023)
    ``inline``        "Antrag 12/2013: Verein – Projekt, EUR 1.000, einstimmig" (Nord 2013)
    ``table``         columns Nr. / Antragsteller / Projekt / Betrag / Abstimmung and a "Summe" row (2019)
    ``bare_list``     "03/2016, einstimmig, 500,- €" without names (Mitte 2016, Misburg 2015)
    ``prose``         "Der Integrationsbeirat empfiehlt einstimmig, dem … eine Zuwendung … zu gewähren." (2015)
decision-paper families
    ``empfaenger``    "1. Empfänger: …" / "Zuwendungsbetrag:" / "Verwendungszweck:" (DS 15-2038/2011)
    ``numbered_name`` "1. Asyl e.V. Hannover" / "Zuwendungsbetrag:" (DS 15-2513/2014)
    ``ib_codes``      "Zuwendungsempfänger:" / "Zuwendungssumme: bis zu …" / "Projekt: … (IB-02-2025)"
    ``prose_single``  "Aus den Mitteln des Integrationsbeirates X werden dem Y 740,70 € für das Projekt „Z“
                      zur Verfügung gestellt." (DS 15-2028/2020)
    ``organiser``     "… wird dem Organisator Herrn X eine Zuwendung in Höhe von 1.200,00 € bewilligt."
                      (DS 15-1448/2015)

Application numbers restart in every meeting in many councils ("Antrag Nr. 1",
"01/2013"), as the real 2012 protocols do; others count through the year. Rejected,
withdrawn and deferred applications, requested sums, cost tables with "0,00 €" rows
and budget overviews are in the text as in the real documents; none of them is a grant.

The truth is per application: one grant however many documents name it (the protocol
that recommends it and the decision paper that carries it to the Stadtbezirksrat).
``Corpus.truth()`` gives per council and year the meetings and the number and sum of the
recommended or decided grants. Every name is made up. The same seed writes the same
bytes; each council is drawn from its own random stream, so a slice (some councils,
some years) is exactly that part of the whole corpus.

    .venv/bin/python -m bench.scale_corpus bench/tmp/scale [--seed 2010]
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bot.core.names import organisation_key

# fmt: off
DISTRICTS = (
    "Mitte", "Vahrenwald-List", "Bothfeld-Vahrenheide", "Buchholz-Kleefeld", "Misburg-Anderten",
    "Kirchrode-Bemerode-Wülferode", "Südstadt-Bult", "Döhren-Wülfel", "Ricklingen", "Linden-Limmer",
    "Ahlem-Badenstedt-Davenstedt", "Herrenhausen-Stöcken", "Nord",
)
# fmt: on
YEARS = tuple(range(2010, 2025))
DEFAULT_SEED = 2010
# fmt: off
QUARTERS = {
    "Mitte": ("Mitte", "Calenberger Neustadt", "Oststadt", "Zoo"),
    "Vahrenwald-List": ("Vahrenwald", "List"),
    "Bothfeld-Vahrenheide": ("Vahrenheide", "Sahlkamp", "Bothfeld", "Isernhagen-Süd", "Lahe"),
    "Buchholz-Kleefeld": ("Groß-Buchholz", "Kleefeld", "Heideviertel"),
    "Misburg-Anderten": ("Misburg-Nord", "Misburg-Süd", "Anderten"),
    "Kirchrode-Bemerode-Wülferode": ("Kirchrode", "Bemerode", "Wülferode", "Kronsberg"),
    "Südstadt-Bult": ("Südstadt", "Bult"),
    "Döhren-Wülfel": ("Döhren", "Mittelfeld", "Seelhorst", "Waldhausen", "Waldheim", "Wülfel"),
    "Ricklingen": ("Bornum", "Mühlenberg", "Oberricklingen", "Ricklingen", "Wettbergen"),
    "Linden-Limmer": ("Linden-Süd", "Linden-Mitte", "Linden-Nord", "Limmer"),
    "Ahlem-Badenstedt-Davenstedt": ("Ahlem", "Badenstedt", "Davenstedt"),
    "Herrenhausen-Stöcken": ("Herrenhausen", "Stöcken", "Leinhausen", "Ledeburg", "Burg", "Marienwerder"),
    "Nord": ("Nordstadt", "Hainholz", "Vinnhorst", "Brinkhafen"),
}
PROTOCOL_FAMILIES = (
    "zuwendung_an", "block", "fields", "inline", "table", "bare_list", "prose",
)
# fmt: on
PAPER_FAMILIES = ("empfaenger", "numbered_name", "ib_codes", "prose_single", "organiser")
# Wahlperioden: meeting numbers start again at 1 after the local elections (2011, 2016, 2021).
PERIODS = ((2010, 2011), (2012, 2016), (2017, 2021), (2022, 2024))
# fmt: off
WEEKDAYS = (
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
)
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember",
)
# fmt: on

# fmt: off
GIVEN_F = (
    "Anna", "Aylin", "Birgit", "Dilek", "Elif", "Fatima", "Gül", "Hülya", "Irina", "Jana", "Katarzyna", "Lena",
    "Leyla", "Marta", "Nadia", "Olga", "Petra", "Rania", "Songül", "Tamara", "Ute", "Vera", "Yasmin", "Zeynep", "Awa",
    "Abena", "Thi Lan", "Shirin", "Dimitra", "Ana", "Lucía", "Natalia", "Svetlana", "Hatice", "Mariam", "Nour",
    "Heide", "Ursula", "Karin", "Monika", "Sabine", "Claudia", "Anja", "Silke", "Maren", "Inga", "Helga", "Nilüfer",
    "Amina", "Hodan", "Rana", "Mila", "Beatrix", "Greta", "Miriam", "Zofia", "Farida", "Natascha", "Ayşe", "Emine",
    "Meryem", "Ewa", "Agnieszka",
)
GIVEN_M = (
    "Ahmet", "Bogdan", "Chen", "Cem", "Dariusz", "Emre", "Farid", "Georg", "Hamid", "Ivan", "Jannis", "Kemal",
    "Mehmet", "Nikolai", "Omar", "Paul", "Rafael", "Sven", "Tomasz", "Ugur", "Viktor", "Yusuf", "Zoran", "Amadou",
    "Kwame", "Minh", "Reza", "Kostas", "João", "Mario", "Ali", "Ibrahim", "Samir", "Kurt", "Hannes", "Gert",
    "Wolfgang", "Jürgen", "Thomas", "Frank", "Dirk", "Björn", "Ole", "Frode", "Piotr", "Lukas", "Jonas", "Tobias",
    "Kevin", "Jan-Ole", "Georgios", "Sinan", "Rainer", "Mustafa", "Hasan", "Murat", "Andrzej", "Dmitri", "Goran",
    "Milan", "Babacar", "Tesfaye", "Arash",
)
FAMILY = (
    "Albers", "Aydın", "Bakir", "Brinkmann", "Dietrich", "Demir", "Engel", "Ezer", "Fischer", "Günther", "Haddad",
    "Hoffmann", "Ilić", "Jansen", "Kaya", "Kowalski", "Lindner", "Meyer", "Mensah", "Nowak", "Nguyen", "Özdemir",
    "Petersen", "Papadopoulos", "Quandt", "Richter", "Rahimi", "Schulz", "Şahin", "Tekin", "Tran", "Uhl", "Vogel",
    "Wagner", "Wiśniewski", "Yılmaz", "Zimmermann", "Asante", "Diallo", "Okafor", "Sesay", "Kovačević", "Popescu",
    "Ivanova", "Schewtschenko", "Castellano", "Santos", "Rossi", "Haidari", "Karimi", "Mahmoud", "Hassan", "Çelik",
    "Koç", "Arslan", "Doğan", "Krüger", "Wolf", "Neumann", "Schwarz", "Braun", "Hartmann", "Lange", "Werner",
    "Krause", "Lehmann", "Köhler", "Herrmann", "König", "Walter", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller",
    "Jung", "Hahn", "Schubert", "Vogt", "Friedrich", "Keller", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
    "Baumann", "Franke", "Albrecht", "Schuster", "Böhm", "Winter", "Kraus", "Schumacher", "Krämer", "Stein", "Jäger",
    "Otto", "Sommer", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Ziegler", "Kuhn",
    "Pohl", "Horn", "Busch", "Bergmann", "Voigt", "Sauer", "Arnold", "Pfeiffer", "Waag", "Grube", "Mavridis", "Diop",
    "Traoré", "Abdi", "Osman", "Ahmadi", "Hosseini", "Novak", "Horvat", "Dragović", "Lewandowski", "Kamińska",
    "Petrović", "Jovanović", "Georgiou", "Antonow", "Wróblewska", "Nuri",
)
PARTIES = (
    "SPD", "CDU", "BÜNDNIS 90/DIE GRÜNEN", "DIE LINKE", "FDP", "Piraten", "DIE PARTEI", "AfD",
)
NAME_WORDS = (
    "Morgenland", "Brücke", "Baobab", "Zeytin", "Newroz", "Anadolu", "Sonnenblume", "Lotus", "Phönix", "Regenbogen",
    "Mosaik", "Horizont", "Kompass", "Leuchtturm", "Miteinander", "Vielfalt", "Zukunft", "Aufbruch", "Begegnung",
    "Lichtblick", "Sonnenschein", "Pusteblume", "Kunterbunt", "Weltenbummler", "Kleeblatt", "Arche", "Oase",
    "Zuversicht", "Hoffnung", "Sternschnuppe", "Wirbelwind", "Löwenzahn", "Schatzkiste", "Pfiffikus", "Kieselstein",
    "Rückenwind", "Nachtigall", "Morgenstern", "Lindenblatt", "Ahorn", "Kastanie", "Sonnenhof", "Mühlstein",
    "Wasserturm", "Papageno", "Tausendfüßler", "Farbklecks", "Globus", "Karawane", "Bağlama", "Tamburin", "Djembe",
    "Kalinka", "Ubuntu", "Salam", "Shalom", "Amani", "Jasmin", "Granatapfel", "Olivenbaum", "Zeder", "Seidenstraße",
    "Bosporus", "Kaukasus", "Sahel", "Mekong", "Kilimandscharo", "Atlas", "Ararat", "Nil", "Euphrat", "Donau",
    "Weichsel", "Adria", "Taiga", "Savanne", "Sternenhimmel", "Windrose", "Brückenschlag", "Wegweiser", "Nachbarn",
    "Wurzeln", "Flügel", "Farbenfroh", "Klangwelt", "Wortschatz", "Lernwerkstatt", "Spielraum", "Freiraum",
    "Treffpunkt", "Lebensbaum", "Sonnenstrahl", "Schmetterling", "Mondschein", "Kolibri",
)
NATIONALITIES = (
    "Deutsch-Türkischer", "Deutsch-Kurdischer", "Deutsch-Polnischer", "Deutsch-Russischer", "Deutsch-Afrikanischer",
    "Deutsch-Arabischer", "Deutsch-Syrischer", "Deutsch-Iranischer", "Deutsch-Vietnamesischer",
    "Deutsch-Griechischer", "Deutsch-Ghanaischer", "Eritreischer", "Tamilischer", "Kroatischer", "Albanischer",
    "Portugiesischer", "Armenischer", "Afghanischer", "Ukrainischer", "Spanischer", "Italienischer", "Serbischer",
    "Bosnischer", "Kosovarischer", "Jesidischer", "Assyrischer", "Somalischer", "Sudanesischer", "Togoischer",
    "Kamerunischer", "Nigerianischer", "Kongolesischer", "Peruanischer", "Brasilianischer", "Chilenischer",
    "Kolumbianischer", "Philippinischer", "Chinesischer", "Koreanischer", "Indischer", "Pakistanischer",
    "Libanesischer", "Irakischer", "Palästinensischer", "Marokkanischer", "Tunesischer", "Algerischer", "Ägyptischer",
    "Rumänischer", "Bulgarischer", "Ungarischer", "Litauischer", "Georgischer", "Kasachischer", "Senegalesischer",
    "Äthiopischer", "Guineischer",
)
PEOPLES = (
    "Vietnamesen", "Ghanaer", "Eritreer", "Tamilen", "Kurden", "Aramäer", "Jesiden", "Polen", "Russlanddeutschen",
    "Griechen", "Portugiesen", "Afghanen", "Syrer", "Iraner", "Togoer", "Kameruner", "Senegalesen", "Kongolesen",
    "Peruaner", "Chilenen", "Bosnier", "Albaner", "Kroaten", "Serben", "Ukrainer", "Marokkaner", "Tunesier",
    "Sudanesen", "Somalier", "Äthiopier", "Philippiner", "Koreaner", "Libanesen", "Iraker", "Armenier",
)
SAINTS = (
    "St. Nikolai", "St. Godehard", "St. Benno", "St. Maria", "St. Martin", "St. Petri", "St. Johannis", "St. Marien",
    "St. Elisabeth", "St. Antonius", "St. Michael", "St. Bonifatius", "St. Joseph", "St. Heinrich", "Zachäus",
    "Bethlehem", "Markus", "Lukas", "Paulus", "Dreifaltigkeit", "Apostel", "Titus", "Philippus", "Emmaus",
    "Gethsemane", "Nazareth", "Kapernaum", "Jakobi", "Thomas", "Matthäus",
)
STREETS = (
    "Am Lindener Berg", "Kastanienallee", "Fridastraße", "Mühlenweg", "Am Wasserturm", "Birkenweg", "Ahornstraße",
    "Lindenallee", "Am Sportplatz", "Kirchweg", "Schulstraße", "Rosenweg", "Tulpenweg", "Eichendorffstraße",
    "Goethestraße", "Schillerstraße", "Heinestraße", "Lessingstraße", "Uhlandstraße", "Bergstraße", "Marktstraße",
    "Gartenstraße", "Wiesenweg", "Feldstraße", "Brunnenstraße", "Auf dem Loh", "Am Hohen Ufer", "In der Steinriede",
    "Am Fischerhof", "Freboldstraße", "Fössestraße", "Deisterstraße", "Wunstorfer Straße", "Stöckener Straße",
    "Podbielskistraße", "Sahlkamp", "Klingerstraße", "Roderbruch", "Peiner Straße", "Hildesheimer Straße",
    "Göttinger Chaussee", "Weidendamm", "Engelbosteler Damm", "Vahrenwalder Straße", "Lister Meile",
    "Kronsberger Straße", "Tresckowstraße", "Meterstraße", "Plantagenstraße", "Am Mühlenberge", "Canarisweg",
    "Ossietzkyring", "Mecklenheidestraße",
)
PLACES = (
    "Freizeitheim {q}", "Stadtteilzentrum {q}", "Bezirksrathaus {q}", "Gemeindesaal der {saint}-Kirche",
    "Stadtteiltreff {q}", "Nachbarschaftsladen {q}", "Bürgersaal {q}", "Kulturtreff {q}",
)
PURPOSES = (
    "Sommerfest", "Interkulturelles Sommerfest", "Nachbarschaftsfest", "Stadtteilfest", "Sprachcafé",
    "Sprachcafé für Geflüchtete", "Hausaufgabenhilfe", "Kochabend der Kulturen", "Internationales Fußballturnier",
    "Fußballturnier „Kicken gegen Rassismus“", "Ferienprogramm", "Sommerferienprogramm", "Theaterprojekt für Kinder",
    "Theaterwerkstatt „Heimat ist, wo ich lache“", "Ausflug in den Zoo Hannover", "Familienausflug an die Nordsee",
    "Fastenbrechen im Stadtteil", "Newroz-Fest", "Lichterfest", "Interkulturelles Laternenfest", "Neujahrsempfang",
    "Deutschkurs für Mütter", "Computerkurs für Seniorinnen und Senioren", "Schwimmkurs für Mädchen",
    "Schwimmkurs für Frauen mit Migrationshintergrund", "Musikprojekt „Klänge der Welt“", "Erzählcafé",
    "Dolmetscherdienst im Stadtteil", "Übersetzung Flyer und Website", "Studienfahrt nach Berlin",
    "Familienfrühstück in vier Sprachen", "Nähkurs für Frauen", "Näh- und Sprachkurs „Faden und Wort“",
    "Fahrradkurs für Frauen", "Fahrradwerkstatt", "Interkultureller Garten", "Gemeinschaftsgarten",
    "Lesepatenschaften", "Sprachpatenschaften an der Grundschule", "Mädchentreff", "Jungengruppe",
    "Selbstbehauptung für Mädchen", "Selbstbehauptung und Selbstverteidigung für Kinder", "Tanzprojekt",
    "Chorprojekt „Lieder der Welt“", "Konzert „Lieder der Welt“", "Trommelworkshop", "Kunstprojekt „Wurzeln“",
    "Fotoprojekt „Mein Stadtteil“", "Filmabend mit Gespräch", "Lesung mit Autorinnen aus aller Welt",
    "Stadtteilspaziergänge", "Interkulturelle Waldweihnacht", "Weihnachtsfeier für Familien", "Kinderfest",
    "Frauenfrühstück", "Seniorentreff", "Elterncafé", "Elternabend in drei Sprachen", "Bewerbungstraining",
    "Berufsorientierung für Jugendliche", "Nachhilfe für Schülerinnen und Schüler", "Arabischkurs für Kinder",
    "Türkischkurs für Kinder", "Muttersprachlicher Unterricht", "Gesundheitstag", "Gesundheitssport für Frauen",
    "Yoga für Frauen", "Kochbuch der Nachbarschaft", "Begegnungscafé", "Willkommensfest", "Tag der offenen Tür",
    "Vortragsreihe „Ankommen in Hannover“", "Beratung für Neuzugewanderte", "Workshop gegen Diskriminierung",
    "Demokratieprojekt für Jugendliche", "Graffiti-Workshop", "Zirkusprojekt", "Fußball-AG", "Schach-AG",
    "Basketballturnier", "Cricketturnier", "Tischtennisturnier", "Mädchenfußball", "Kinderzirkus",
    "Puppentheater in zwei Sprachen", "Märchenstunde in vielen Sprachen", "Bibliotheksbesuche", "Museumsbesuche",
    "Zoo-Besuch für Familien", "Hafenrundfahrt", "Familienwochenende", "Jugendbegegnung", "Kulturabend",
    "Ausstellung „Gesichter des Stadtteils“", "Fest der Kulturen",
)
# fmt: on
SIMPLE_PURPOSE = tuple(p for p in PURPOSES if "„" not in p)
# fmt: off
TOPICS = (
    "Lokaler Integrationsplan", "Wohnen im Stadtteil", "Sprachkurse", "Jugendarbeit", "Begegnungsorte",
    "Unterkünfte für Geflüchtete", "Ehrenamt im Stadtteil", "Kita-Plätze", "Ausbildungsplätze bei der LHH",
    "Öffentlichkeitsarbeit des Integrationsbeirates", "Integrationspreis", "Antidiskriminierung",
)
# fmt: on

# Organisation names: (template, weight). {q} quarter, {n} name word, {s} street, {saint}, {nat}, {people}, {yy}.
# fmt: off
ORG_TEMPLATES = (
    ("{nat} Kulturverein {n} e.V.", 6), ("{nat} Kulturverein {q} e.V.", 3), ("{nat} Elternverein {q} e.V.", 2),
    ("{nat} Frauenverein {n} e.V.", 2), ("{nat} Jugendverein {n} e.V.", 1), ("Kulturverein {n} {q} e.V.", 3),
    ("Kulturzentrum {n} e.V.", 2), ("Verein der {people} in Hannover e.V.", 2),
    ("Gemeinschaft der {people} {q} e.V.", 1), ("DITIB Moscheegemeinde {q} e.V.", 1),
    ("Islamische Gemeinde {n} e.V.", 2), ("Moscheeverein {n} {q} e.V.", 2), ("Alevitische Gemeinde {q} e.V.", 1),
    ("Bosniakische Moscheegemeinde {n} e.V.", 1), ("Islamisches Zentrum {n} e.V.", 1),
    ("Ev.-luth. Kirchengemeinde {saint} {q}", 2), ("Kath. Pfarrgemeinde {saint} {q}", 1),
    ("Afrikanische Christengemeinde {n}", 1), ("Griechisch-Orthodoxe Gemeinde {saint} {q}", 1), ("Kita {n}", 3),
    ("Kita {s}", 2), ("Städtische Kita {s}", 2), ("Elternbeirat der Kita {n}", 2), ("Ev. Kita {saint} {q}", 1),
    ("AWO-Kita {n}", 1), ("Kinderladen {n} e.V.", 2), ("Familienzentrum {n} {q}", 2), ("Grundschule {s}", 3),
    ("IGS {q}", 1), ("Oberschule {q}", 1), ("Förderverein der Grundschule {s} e.V.", 3),
    ("Förderverein der IGS {q} e.V.", 1), ("Schulverein {n} e.V.", 1), ("Elternrat der Grundschule {s}", 1),
    ("Initiative {n}", 3), ("Nachbarschaftsinitiative {n} {q}", 2), ("Willkommensinitiative {q}", 1),
    ("Unterstützerkreis Flüchtlingsunterkunft {s}", 2), ("Elterninitiative {n}", 2), ("Netzwerk {n} {q}", 1),
    ("SV {n} {q} e.V.", 2), ("TuS {q} e.V.", 1), ("FC {q} {yy}", 1), ("Sportfreunde {n} e.V.", 1),
    ("Boxclub {n} {q} e.V.", 1), ("Cricket Club {n} e.V.", 1), ("Schachclub {n} e.V.", 1), ("Frauentreff {n}", 2),
    ("Mütterzentrum {q} e.V.", 1), ("Frauencafé {n}", 1), ("Seniorengruppe {n}", 2), ("Väterinitiative {n}", 1),
    ("Frauenprojekt {n} e.V.", 1), ("{n} gGmbH", 1), ("Stadtteilwerkstatt {n} gGmbH", 1),
    ("Jugendhilfe {n} gGmbH", 1), ("Bildungswerk {n} gGmbH", 1), ("Sprachschule {n} gGmbH", 1),
    ("Integrationsdienst {n} gGmbH", 1), ("Theatergruppe {n}", 2), ("Chor {n}", 2), ("Trommelgruppe {n}", 1),
    ("Tanzensemble {n} e.V.", 1), ("Kunstwerkstatt {n}", 1), ("Musikschule {n} e.V.", 1),
    ("Folkloregruppe {n} e.V.", 1), ("Pfadfinderstamm {n}", 1), ("Jugendtreff {n}", 2), ("Jugendgruppe {n} {q}", 1),
    ("Spielhaus {n} {q}", 1), ("Abenteuerspielplatz {n} e.V.", 1), ("Stadtteiltreff {n}", 1),
    ("Nachbarschaftsladen {n} e.V.", 1), ("Gemeinwesenarbeit {n} {q}", 1), ("Fahrradwerkstatt {n}", 1),
    ("Verein für interkulturelle Begegnung {n} e.V.", 1), ("Gesellschaft für Völkerverständigung {n} e.V.", 1),
)
CITY_WIDE = (
    "Migrationsberatung Hannover e.V.", "Interkulturelles Netzwerk Hannover e.V.", "Hannoversche Sprachbrücke e.V.",
    "Kulturbrücke Hannover e.V.", "Verband interkultureller Familien Hannover", "Jugendwerkstatt Leine gGmbH",
    "Frauenhaus Netzwerk Hannover e.V.", "Dolmetscherpool Hannover e.V.", "Ökumenisches Netzwerk Hannover",
    "Afrika-Forum Hannover e.V.", "Forum der Kulturen Hannover e.V.", "Hannoverscher Sportbund der Nationen e.V.",
    "Bildungsbrücke Niedersachsen gGmbH", "Lernhaus Hannover gGmbH", "Flüchtlingshilfe Leine e.V.",
    "Stiftung Nachbarschaft Hannover", "Lesewelt Hannover e.V.", "Kinderzirkus Leine e.V.",
    "Theater der Begegnung Hannover e.V.", "Netzwerk Migrantinnen Hannover e.V.",
)
# fmt: on


def amount_text(amount: Decimal, style: str = "cents") -> str:
    """German protocol style: "1.400,00 €" (cents), "1.400 Euro", "500,- €", "EUR 200", "€2,400.00"."""
    whole = amount == amount.to_integral()
    german = f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    integral = german[:-3]
    if style == "euro" and whole:
        return f"{integral} Euro"
    if style == "dash" and whole:
        return f"{integral},- €"
    if style == "eur" and whole:
        return f"EUR {integral}"
    if style == "eur":
        return f"EUR {german}"
    if style == "english":
        return f"€{amount:,.2f}"
    if style == "bare":
        return german
    return f"{german} €"


@dataclass
class Organisation:
    name: str  # as written in every document
    person: bool = False  # a private person: "Frau Nilüfer Ezer"
    salutation: str | None = None

    @property
    def expected(self) -> str:
        """What the parser gives: a person's name without "Frau"/"Herr"."""
        return self.name


@dataclass
class Application:
    """One grant application: the truth. Documents that name it share its ``id``."""

    id: int
    council: str
    year: int
    meeting_date: dt.date
    organisation: Organisation
    amount: Decimal | None  # None: rejected
    requested: Decimal
    purpose: str
    status: str  # "recommended", "decided", "rejected", "withdrawn", "deferred"
    number: str | None = None  # as the protocol writes it
    code: str | None = None  # as a decision paper writes it ("IB-02-2016")
    vote: str = "einstimmig"
    documents: list[str] = field(default_factory=list)

    @property
    def counts(self) -> bool:
        return self.status in ("recommended", "decided")


@dataclass(frozen=True)
class ExpectedGrant:
    """What the parser must read from one document."""

    application: int
    applicant: str | None  # None: the document names no recipient (bare lists)
    amount: Decimal | None
    status: str


@dataclass(frozen=True)
class Document:
    path: Path
    kind: str  # "protocol" | "decision_paper"
    family: str
    council: str  # "Integrationsbeirat Mitte"
    date: dt.date  # meeting date (protocol) or print date (paper)
    meeting_date: dt.date | None  # the meeting the document is about, when it says so
    paper_number: str | None
    grants: tuple[ExpectedGrant, ...]


@dataclass(frozen=True)
class MeetingTruth:
    council: str
    date: dt.date
    number: int
    family: str


@dataclass
class Corpus:
    seed: int
    councils: tuple[str, ...]
    years: tuple[int, ...]
    documents: list[Document]
    applications: list[Application]
    meetings: list[MeetingTruth]

    def truth(self) -> dict:
        """Per council and year: meetings, and number and sum of recommended or decided grants."""
        per: dict[str, dict[str, dict]] = {}
        for council in self.councils:
            name = f"Integrationsbeirat {council}"
            per[name] = {
                str(y): {"meetings": 0, "meeting_dates": [], "grants": 0, "total": Decimal("0.00"), "rejected": 0}
                for y in self.years
            }
        for meeting in self.meetings:
            entry = per[meeting.council][str(meeting.date.year)]
            entry["meetings"] += 1
            entry["meeting_dates"].append(meeting.date.isoformat())
        for application in self.applications:
            entry = per[application.council][str(application.year)]
            if application.counts:
                entry["grants"] += 1
                entry["total"] += application.amount
            elif application.status == "rejected":
                entry["rejected"] += 1
        for years in per.values():
            for entry in years.values():
                entry["total"] = f"{entry['total']:.2f}"
        counted = [a for a in self.applications if a.counts]
        # Recipients the documents name (a rejected entry of a bare list names nobody).
        organisations = {organisation_key(g.applicant) for d in self.documents for g in d.grants if g.applicant}
        return {
            "seed": self.seed,
            "years": [min(self.years), max(self.years)],
            "documents": len(self.documents),
            "protocols": sum(d.kind == "protocol" for d in self.documents),
            "decision_papers": sum(d.kind == "decision_paper" for d in self.documents),
            "families": dict(sorted(Counter(d.family for d in self.documents).items())),
            "meetings": len(self.meetings),
            "grants": len(counted),
            "grants_total": f"{sum((a.amount for a in counted), Decimal('0.00')):.2f}",
            "grants_in_two_documents": sum(len(a.documents) > 1 for a in counted),
            "rejected": sum(a.status == "rejected" for a in self.applications),
            "not_granted_other": sum(a.status in ("withdrawn", "deferred") for a in self.applications),
            "organisations": len(organisations),
            "private_persons": len({a.organisation.name for a in self.applications if a.organisation.person}),
            "councils": per,
        }

    def write_truth(self, path: Path) -> dict:
        truth = self.truth()
        path.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return truth


# --------------------------------------------------------------------------------------------
# Names


class _Names:
    """Organisations and people of one council, unique by the bot's own organisation key."""

    def __init__(self, rng: random.Random, district: str, taken: set[str]):
        self.rng, self.district, self.quarters = rng, district, QUARTERS[district]
        self.taken = taken
        templates, weights = zip(*ORG_TEMPLATES, strict=True)
        self.templates, self.weights = templates, weights

    def organisation(self) -> Organisation:
        for _ in range(200):
            template = self.rng.choices(self.templates, self.weights)[0]
            name = template.format(
                q=self.rng.choice(self.quarters),
                n=self.rng.choice(NAME_WORDS),
                s=self.rng.choice(STREETS),
                saint=self.rng.choice(SAINTS),
                nat=self.rng.choice(NATIONALITIES),
                people=self.rng.choice(PEOPLES),
                yy=self.rng.choice(("09", "1912", "04", "21", "74")),
            )
            key = organisation_key(name)
            if key not in self.taken:
                self.taken.add(key)
                return Organisation(name)
        raise RuntimeError("no new organisation name left")

    def person(self) -> Organisation:
        for _ in range(200):
            female = self.rng.random() < 0.5
            given = self.rng.choice(GIVEN_F if female else GIVEN_M)
            name = f"{given} {self.rng.choice(FAMILY)}"
            key = organisation_key(name)
            if key not in self.taken:
                self.taken.add(key)
                return Organisation(name, person=True, salutation="Frau" if female else "Herr")
        raise RuntimeError("no new person name left")

    def member(self) -> tuple[str, str, str]:
        female = self.rng.random() < 0.5
        return ("Frau" if female else "Herr", self.rng.choice(GIVEN_F if female else GIVEN_M), self.rng.choice(FAMILY))


# --------------------------------------------------------------------------------------------
# Plan: meetings, applications, papers — all drawn before anything is written


@dataclass
class _Style:
    family: str
    header: str
    numbering: str  # "restart_plain" ("1"), "restart_year" ("01/2013"), "running_year" ("07/2019"), "none"
    decides: bool  # the council decides from its own budget (no paper)
    paper_share: float
    paper_families: tuple[str, ...]


@dataclass
class _Meeting:
    council: str
    date: dt.date
    number: int
    style: _Style
    applications: list[Application]
    chair: tuple[str, str, str]
    deputy: tuple[str, str, str]
    members: list[tuple[str, str, str, str | None, bool]]  # salutation, given, family, party, present
    admin: tuple[str, str, str]
    place: str
    street: str


def _style(rng: random.Random, period: int) -> _Style:
    family = rng.choices(PROTOCOL_FAMILIES, (5, 5, 3, 3, 3, 2, 3))[0]
    header = rng.choice(("ergebnis", "protokoll", "niederschrift", "datum_ort", "titel_zeile"))
    if family == "zuwendung_an":
        numbering = "restart_plain"
    elif family == "bare_list":
        numbering = "running_year"  # the decision paper names the recipients under the same numbers
    elif family == "prose":
        numbering = "none"
    else:
        numbering = rng.choice(("restart_year", "restart_year", "running_year"))
    decides = family in ("fields", "block") and rng.random() < 0.3
    papers = ("ib_codes",) if family == "bare_list" else tuple(rng.sample(PAPER_FAMILIES, rng.randint(1, 3)))
    share = 1.0 if family == "bare_list" else (0.0 if decides else rng.choice((0.0, 0.25, 0.5, 0.75)))
    return _Style(family, header, numbering, decides, share, papers)


def _meeting_dates(rng: random.Random, year: int) -> list[dt.date]:
    count = rng.choices((2, 3, 4, 5, 6), (1, 3, 6, 5, 2))[0]
    months = sorted(rng.sample(range(1, 12), count))  # January to November: papers stay in the year
    weekday = rng.randrange(0, 4)  # the council's usual day, Monday to Thursday
    dates = []
    for month in months:
        day = dt.date(year, month, 1)
        day += dt.timedelta(days=(weekday - day.weekday()) % 7 + 7 * rng.randrange(0, 3))
        dates.append(day)
    return dates


def _amount(rng: random.Random) -> Decimal:
    if rng.random() < 0.22:
        return Decimal(rng.randrange(10_000, 300_000)) / 100
    return Decimal(
        rng.choices(
            (
                150,
                200,
                250,
                300,
                350,
                400,
                450,
                500,
                600,
                650,
                700,
                750,
                800,
                900,
                1000,
                1100,
                1200,
                1250,
                1500,
                1750,
                1800,
                2000,
                2200,
                2250,
                2500,
                2800,
                3000,
                3500,
                4000,
            ),
            (3, 5, 3, 6, 3, 5, 2, 10, 4, 3, 3, 4, 5, 2, 9, 2, 4, 2, 6, 2, 2, 5, 2, 2, 4, 1, 3, 1, 1),
        )[0]
    ).quantize(Decimal("0.01"))


def _vote(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.55:
        return "einstimmig"
    if kind < 0.7:
        return rng.choice(("mehrheitlich", "mehrheitlich beschlossen"))
    yes, no, abstain = rng.randint(4, 14), rng.randint(0, 2), rng.randint(0, 2)
    if rng.random() < 0.5:
        return (
            f"{yes} Ja-Stimmen, {no} Nein-Stimme{'n' if no != 1 else ''}, "
            f"{abstain} Enthaltung{'en' if abstain != 1 else ''}"
        )
    return f"Ja: {yes}, Nein: {no}, Enthaltungen: {abstain}"


def in_prose(organisation: Organisation) -> bool:
    """A name the parser reads inside a sentence: no "für" (it ends the name) and no
    abbreviation with a full stop ("St.", "Ev.-luth.", "Kath."), which ends the sentence."""
    if organisation.person:
        return True
    first = organisation.name.split()[0]
    return (
        " für " not in organisation.name
        and not re.search(r"\b(?:St|Ev|Kath|luth)\.", organisation.name)
        and first not in ADJECTIVES
        and not first.endswith(("ischer", "isches", "ische"))
    )


def _without_fuer(organisation: Organisation) -> bool:
    return " für " not in organisation.name  # "Zuwendung i.H.v. … an X für Y": "für" starts the project


FITS = {"zuwendung_an": _without_fuer, "prose": in_prose}
FITS.update({family: (lambda organisation: True) for family in PROTOCOL_FAMILIES if family not in FITS})


class _Council:
    """Everything one council did in 2010–2024, from its own random stream."""

    def __init__(self, seed: int, district: str, index: int):
        self.district, self.index = district, index
        self.name = f"Integrationsbeirat {district}"
        self.rng = random.Random(f"{seed}:{district}")
        self.names = _Names(random.Random(f"{seed}:{district}:names"), district, set())
        city = list(CITY_WIDE)
        self.city = [Organisation(name) for name in city]
        for organisation in self.city:
            self.names.taken.add(organisation_key(organisation.name))
        # Organisations apply again: a growing pool, the regulars more often than the rest.
        self.pool: list[Organisation] = []
        self.meetings: list[_Meeting] = []
        self.next_application = index * 100_000

    def _applicant(self, used: set[str], person_share: float, fits=lambda organisation: True) -> Organisation:
        rng = self.rng
        for _ in range(200):
            roll = rng.random()
            if roll < person_share:
                candidate = self.names.person()
            elif roll < person_share + 0.06:
                candidate = rng.choice(self.city)
            elif self.pool and roll < 0.38:
                candidate = self.pool[min(int(rng.expovariate(1 / 40)), len(self.pool) - 1)]
            else:
                candidate = self.names.organisation()
                self.pool.insert(0, candidate)
            if candidate.name not in used and fits(candidate):
                used.add(candidate.name)
                return candidate
        raise RuntimeError("no applicant found")

    def plan(self) -> None:
        rng = self.rng
        for period, (first, last) in enumerate(PERIODS):
            style = _style(rng, period)
            chair, deputy = self.names.member(), self.names.member()
            members = [
                self.names.member() + (rng.choice(PARTIES) if rng.random() < 0.3 else None,)
                for _ in range(rng.randint(6, 12))
            ]
            admin = self.names.member()
            number = 0
            for year in range(first, last + 1):
                running = 0
                recurring: Application | None = None
                for date in _meeting_dates(rng, year):
                    number += 1
                    meeting = _Meeting(
                        self.name,
                        date,
                        number,
                        style,
                        [],
                        chair,
                        deputy,
                        [m + (rng.random() < 0.8,) for m in members],
                        admin,
                        rng.choice(PLACES).format(q=rng.choice(QUARTERS[self.district]), saint=rng.choice(SAINTS)),
                        f"{rng.choice(STREETS)} {rng.randint(1, 60)}",
                    )
                    self.meetings.append(meeting)
                    if rng.random() < 0.07:
                        continue  # discussion only
                    used: set[str] = set()
                    count = rng.choices((1, 2, 3, 4, 5, 6, 7, 8, 9), (2, 6, 10, 13, 13, 10, 7, 4, 2))[0]
                    person_share = 0.0 if style.family == "inline" else 0.05
                    # A regular comes back in the same year for the same thing with the same sum:
                    # two applications, two grants.
                    again = recurring if recurring is not None and rng.random() < 0.5 else None
                    if again is not None:
                        used.add(again.organisation.name)
                        recurring = None
                    for position in range(count):
                        if position == 0 and again is not None:
                            organisation, amount, purpose = again.organisation, again.amount, again.purpose
                        else:
                            organisation = self._applicant(used, person_share, FITS[style.family])
                            amount = _amount(rng)
                            purpose = rng.choice(SIMPLE_PURPOSE if style.family in ("inline", "table") else PURPOSES)
                        status = "decided" if style.decides else "recommended"
                        roll = rng.random()
                        if again is not None and position == 0:
                            pass
                        elif roll < 0.07 and style.family != "prose":
                            status = "rejected"
                        elif roll < (0.10 if style.family == "prose" else 0.09) and style.family not in (
                            "table",
                            "bare_list",
                            "inline",
                        ):
                            status = "withdrawn" if style.family != "prose" else "deferred"
                        self.next_application += 1
                        application = Application(
                            self.next_application,
                            self.name,
                            year,
                            date,
                            organisation,
                            amount if status in ("recommended", "decided") else None,
                            (amount * Decimal(rng.choice(("1", "1", "1.2", "1.5", "2")))).quantize(Decimal("1")),
                            purpose,
                            status,
                            vote=_vote(rng),
                        )
                        meeting.applications.append(application)
                        if application.counts and recurring is None and again is None and rng.random() < 0.15:
                            recurring = application
                    # Numbers: restart in every meeting, or count through the year.
                    for position, application in enumerate(meeting.applications, start=1):
                        if style.numbering == "restart_plain":
                            application.number = str(position)
                        elif style.numbering == "restart_year":
                            application.number = f"{position:02d}/{year}"
                        elif style.numbering == "running_year":
                            running += 1
                            application.number = f"{running:02d}/{year}"


# --------------------------------------------------------------------------------------------
# Writing: protocols


def _long_date(date: dt.date) -> str:
    return f"{WEEKDAYS[date.weekday()]}, {date.day}. {MONTHS[date.month - 1]} {date.year}"


def _person(salutation: str, given: str, family: str) -> str:
    return f"{salutation} {given} {family}"


def _header(meeting: _Meeting, rng: random.Random) -> list[str]:
    d, date, n = meeting.council.removeprefix("Integrationsbeirat "), meeting.date, meeting.number
    start = rng.choice(("18.00", "18.30", "19.00"))
    end = rng.choice(("19.45", "20.16", "20.30", "20.45", "21.05"))
    chair, deputy, admin = meeting.chair, meeting.deputy, meeting.admin
    style = meeting.style.header
    present = [m for m in meeting.members if m[4]]
    absent = [m for m in meeting.members if not m[4]]
    if style == "ergebnis":
        lines = [
            "ERGEBNISPROTOKOLL",
            f"über die {n}. Sitzung des Integrationsbeirates {d}",
            f"vom {date:%d.%m.%Y}, {meeting.place}, {meeting.street}",
            "",
            f"Beginn: {start} Uhr",
            f"Ende:   {end} Uhr",
            "",
            "Anwesend:",
            "(verhindert waren)",
            "",
            f"{chair[2] + ', ' + chair[1]:24}Vorsitzende{'r' if chair[0] == 'Herr' else ''}",
            f"{deputy[2] + ', ' + deputy[1]:24}stellvertretende{'r' if deputy[0] == 'Herr' else ''} Vorsitzende"
            f"{'r' if deputy[0] == 'Herr' else ''}",
        ]
        for _salutation, given, family, party, here in meeting.members:
            name = f"{family}, {given}" if here else f"({family}, {given})"
            lines.append(f"{name:24}({party})" if party else name)
        lines += ["", "Verwaltung:", f"{admin[0]} {admin[2]:20}(Bezirksmanagement)", ""]
        return lines
    if style == "protokoll":
        lines = [
            f"Landeshauptstadt Hannover - 18.62.{meeting_index(d):02d} - Datum {date + dt.timedelta(days=14):%d.%m.%Y}",
            "",
            "PROTOKOLL",
            "",
            f"{n}. Sitzung des Integrationsbeirates {d}",
            f"am {_long_date(date)}, {meeting.place}, {meeting.street}",
            "",
            f"Beginn {start} Uhr",
            f"Ende   {end.replace('.', ':')} Uhr",
            "_" * 69,
            "",
            "Anwesend:",
            "(verhindert waren)",
            "",
            f"Bezirksbürgermeister{'in' if chair[0] == 'Frau' else ''} {chair[2]}   "
            f"Vorsitzende{'r' if chair[0] == 'Herr' else ''}",
            f"{_person(*deputy)}   Stellv. Vorsitzende{'r' if deputy[0] == 'Herr' else ''}",
        ]
        for salutation, given, family, party, here in meeting.members:
            text = f"{salutation} {given} {family}" + (f" ({party})" if party else "")
            lines.append(text if here else f"({text})")
        lines += ["", "Verwaltung:", f"{admin[0]} {admin[2]}   (Bereich Stadtbezirksmanagement, für das Protokoll)", ""]
        return lines
    if style == "niederschrift":
        lines = [
            "Niederschrift",
            "",
            f"über die {n}. Sitzung des Integrationsbeirates {d}",
            f"am {_long_date(date)}, in {meeting.place}, {meeting.street}",
            f"Beginn: {start} Uhr",
            f"Ende: {end} Uhr",
            "",
            "Mitglieder des Integrationsbeirates:",
            f"Bezirksbürgermeister{'in' if chair[0] == 'Frau' else ''} {chair[2]} – "
            f"Vorsitzende{'r' if chair[0] == 'Herr' else ''}",
            f"{_person(*deputy)} – stellv. Vorsitzende{'r' if deputy[0] == 'Herr' else ''}",
        ]
        for salutation, given, family, party, here in meeting.members:
            text = f"{salutation} {given} {family}" + (f" ({party})" if party else "")
            lines.append(text if here else f"({text})")
        lines += ["", f"Protokoll: {admin[0]} {admin[2]} (Bezirksmanagement)", ""]
        return lines
    if style == "datum_ort":
        lines = [
            "Protokoll",
            f"{n}. Sitzung des Integrationsbeirates {d}",
            f"Datum: {WEEKDAYS[date.weekday()]}, {date:%d.%m.%Y}",
            f"Ort: {meeting.place}, {meeting.street}",
            f"Zeit: {start} Uhr bis ca. {end} Uhr",
            "",
            "Teilnehmende:",
            f"{_person(*chair)} (Vorsitzende{'r' if chair[0] == 'Herr' else ''})",
            f"{_person(*deputy)} (stellvertretende{'r' if deputy[0] == 'Herr' else ''} Vorsitzende"
            f"{'r' if deputy[0] == 'Herr' else ''})",
        ]
        for salutation, given, family, party, _ in present:
            lines.append(f"{salutation} {given} {family}" + (f" ({party})" if party else ""))
        if absent:
            lines += ["", "Entschuldigt:"]
            lines += [f"{s} {g} {f}" + (f" ({p})" if p else "") for s, g, f, p, _ in absent]
        lines += ["", "Von der Verwaltung:", f"{_person(*admin)}, Bezirksmanagement {d}", ""]
        return lines
    # titel_zeile: "Integrationsbeirat Mitte / Protokoll der 18. Sitzung am Montag, 14. März 2016"
    people = [
        f"{_person(*chair)} (Vorsitzende{'r' if chair[0] == 'Herr' else ''})",
        f"{_person(*deputy)} (stellv. Vorsitzende{'r' if deputy[0] == 'Herr' else ''})",
    ]
    people += [f"{s} {g} {f}" + (f" ({p})" if p else "") for s, g, f, p, _ in present]
    lines = [
        f"Integrationsbeirat {d}",
        f"Protokoll der {n}. Sitzung am {_long_date(date)}",
        f"Ort: {meeting.place}, {meeting.street}, 30{rng.randint(159, 669)} Hannover",
        f"Beginn: {start.replace('.', ':')} Uhr, Ende: {end.replace('.', ':')} Uhr",
        "",
        "Anwesende: " + ", ".join(people),
        "",
    ]
    if absent:
        lines += ["Entschuldigt: " + ", ".join(f"{s} {g} {f}" for s, g, f, _, _ in absent), ""]
    lines += [f"Verwaltung: {_person(*admin)} (Bezirksmanagement {d})", ""]
    return lines


def meeting_index(district: str) -> int:
    return DISTRICTS.index(district) + 1


def _top(meeting: _Meeting, number: int, title: str) -> list[str]:
    if meeting.style.header in ("ergebnis", "protokoll"):
        return [f"TOP {number}", title, ""]
    return [f"TOP {number} {title}", ""]


def _opening(meeting: _Meeting, rng: random.Random) -> list[str]:
    d = meeting.council.removeprefix("Integrationsbeirat ")
    chair = meeting.chair
    who = f"{chair[0]} {chair[2]}"
    lines = _top(meeting, 1, rng.choice(("Eröffnung", "Begrüßung", "Eröffnung und Genehmigung der Tagesordnung")))
    lines += [
        f"{who} eröffnet die {meeting.number}. Sitzung des Integrationsbeirates {d} und begrüßt die Anwesenden. "
        "Die Tagesordnung wird einstimmig festgestellt.",
        "",
    ]
    return lines


def _intro(meeting: _Meeting, rng: random.Random, decision_date: dt.date) -> list[str]:
    d = meeting.council.removeprefix("Integrationsbeirat ")
    if meeting.style.decides:
        return ["Der Integrationsbeirat beschließt aus seinen eigenen Mitteln folgende Zuwendungen:", ""]
    return [
        rng.choice(
            (
                "Der Integrationsbeirat schlägt dem Stadtbezirksrat – nach Vortrag der Antragstellerinnen und "
                "Antragsteller – "
                f"die folgenden Zuwendungen zur Beschlussfassung am {decision_date:%d.%m.%Y} vor:",
                f"Der Integrationsbeirat empfiehlt dem Stadtbezirksrat {d}, folgende Zuwendungen zu beschließen:",
                f"Der Integrationsbeirat {d} hat über folgende Anträge beraten und empfiehlt dem Stadtbezirksrat {d} "
                "die Bewilligung:",
            )
        ),
        "",
    ]


def _written_applicant(organisation: Organisation, article: bool = False) -> str:
    if organisation.person:
        return f"{organisation.salutation} {organisation.name}"
    return organisation.name


def _grants_zuwendung_an(meeting: _Meeting, rng: random.Random) -> list[str]:
    lines = []
    for a in meeting.applications:
        lines += [f"Antrag Nr. {a.number}", ""]
        if a.counts:
            first = a.organisation.name.split()[0]
            bare = (
                a.organisation.person or first in ADJECTIVES or first.endswith(("er", "es", "e")) or rng.random() < 0.5
            )
            article = "" if bare else _article(a.organisation, "accusative") + " "
            lines += [
                f"Zuwendung i.H.v. {amount_text(a.amount)} an {article}{_written_applicant(a.organisation)}",
                f"Projekt: {a.purpose}",
                f"({a.vote})",
                "",
            ]
        elif a.status == "rejected":
            lines += [
                _written_applicant(a.organisation),
                f"beantragt: {amount_text(a.requested)}",
                f"Projekt: {a.purpose}",
                f"Der Antrag wird abgelehnt ({rng.randint(1, 4)} Ja-Stimmen, {rng.randint(5, 9)} Nein-Stimmen, "
                f"{rng.randint(0, 2)} Enthaltung).",
                "",
            ]
        else:
            lines += [_written_applicant(a.organisation), "Der Antrag wurde von der Antragstellerin zurückgezogen.", ""]
    return lines


def _grants_block(meeting: _Meeting, rng: random.Random) -> list[str]:
    style = rng.choice(("cents", "cents", "dash", "euro"))
    lines = []
    for a in meeting.applications:
        lines.append(f"Antrag Nr. {a.number}")
        lines.append(_written_applicant(a.organisation))
        if a.counts:
            lines += [
                f"Zuwendungsbetrag: {amount_text(a.amount, style)}",
                f"Verwendungszweck: {a.purpose}",
                f"({a.vote})",
            ]
        elif a.status == "rejected":
            lines += [
                f"beantragt: {amount_text(a.requested)}",
                f"Verwendungszweck: {a.purpose}",
                "Der Antrag wird abgelehnt.",
            ]
        else:
            lines += ["Der Antrag wurde zurückgezogen."]
        lines.append("")
    return lines


def _grants_fields(meeting: _Meeting, rng: random.Random) -> list[str]:
    label = rng.choice(("Antragsteller", "Empfänger", "Antragsteller/in"))
    lines = []
    for a in meeting.applications:
        lines += [f"Antrag Nr. {a.number}", f"{label}: {_written_applicant(a.organisation)}", f"Projekt: {a.purpose}"]
        if a.counts:
            costs = (a.requested * Decimal("1.25")).quantize(Decimal("1"))
            lines += [
                f"Gesamtkosten: {amount_text(costs)}",
                f"Eigenmittel: {amount_text(costs - a.requested)}",
                f"beantragt: {amount_text(a.requested)}",
                f"Zuwendungsbetrag: {amount_text(a.amount)}",
                f"Abstimmung: {a.vote}",
            ]
        elif a.status == "rejected":
            lines += [f"beantragt: {amount_text(a.requested)}", "Abstimmung: abgelehnt"]
        else:
            lines += ["Der Antrag wurde von der Antragstellerin zurückgezogen."]
        lines.append("")
    year = meeting.date.year
    budget = Decimal(rng.choice((5000, 6000, 7500, 10000)))
    lines += [
        f"Kostenübersicht des Integrationsbeirates {year}:",
        f"{'Budget ' + str(year):35}{amount_text(budget.quantize(Decimal('0.01')))}",
        f"{'bewilligt bisher':35}0,00 €",
        f"{'verbleibende Mittel':35}{amount_text(budget.quantize(Decimal('0.01')))}",
        "",
    ]
    return lines


def _grants_inline(meeting: _Meeting, rng: random.Random) -> list[str]:
    lines = []
    for a in meeting.applications:
        who = _written_applicant(a.organisation)
        if a.counts:
            style = rng.choice(("cents", "eur", "eur"))
            lines.append(f"Antrag {a.number}: {who} – {a.purpose}, {amount_text(a.amount, style)}, {a.vote}")
        else:
            lines.append(f"Antrag {a.number}: {who}, Eigenanteil {amount_text(a.requested / 5)}, abgelehnt")
    return lines + [""]


def _grants_table(meeting: _Meeting, rng: random.Random) -> list[str]:
    rows = []
    total = Decimal("0.00")
    for a in meeting.applications:
        if a.counts:
            amount = amount_text(a.amount, rng.choice(("cents", "eur", "euro")))
            total += a.amount
            vote = "einstimmig" if a.vote.startswith("einstimmig") else "mehrheitlich"
        else:
            amount, vote = "–", "abgelehnt"
        rows.append((a.number, _written_applicant(a.organisation), a.purpose, amount, vote))
    head = ("Nr.", "Antragsteller", "Projekt", "Betrag", "Abstimmung")
    widths = [max(len(r[i]) for r in rows + [head]) + 3 for i in range(4)]
    lines = ["".join(cell.ljust(w) for cell, w in zip(head[:4], widths, strict=True)) + head[4]]
    lines += ["".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + row[4] for row in rows]
    lines.append(" " * widths[0] + "Summe".ljust(widths[1] + widths[2]) + amount_text(total))
    return lines + [""]


def _grants_bare(meeting: _Meeting, rng: random.Random) -> list[str]:
    lines = [
        "Der Integrationsbeirat beschließt, dem Stadtbezirksrat die folgenden Anträge zur Förderung",
        "zu empfehlen (Antragsnummer, Abstimmung, Betrag):",
        "",
    ]
    for a in meeting.applications:
        if a.counts:
            style = "dash" if a.amount == a.amount.to_integral() else "cents"
            lines.append(f"{a.number}, {a.vote}, {amount_text(a.amount, style)}")
        else:
            lines.append(f"{a.number}, abgelehnt")
    return lines + [""]


_FEMININE = re.compile(
    r"(?:gemeinde|initiative|kita|schule|IGS|gesellschaft|gemeinschaft|gruppe|werkstatt|hilfe|"
    r"arbeit|stiftung|firma|brücke|beratung)$",
    re.IGNORECASE,
)
_NEUTER = re.compile(r"(?:zentrum|ensemble|netzwerk|haus|werk|café|theater|forum|büro|projekt)$", re.IGNORECASE)
ADJECTIVES = set(w for n in NATIONALITIES for w in [n]) | {
    "Islamische",
    "Islamisches",
    "Alevitische",
    "Bosniakische",
    "Afrikanische",
    "Griechisch-Orthodoxe",
    "Städtische",
    "Hannoversche",
    "Hannoverscher",
    "Interkulturelles",
    "Ökumenisches",
    "Ev.",
    "Kath.",
    "Ev.-luth.",
}


def _head(name: str) -> str:
    """The noun a name is about: "Elternbeirat der Kita X" → "Elternbeirat"."""
    words = [w for w in name.split() if w not in ADJECTIVES]
    return words[0] if words else name


def _article(organisation: Organisation, case: str) -> str:
    head = _head(organisation.name)
    gender = "f" if _FEMININE.search(head) else "n" if _NEUTER.search(head) else "m"
    if case == "dative":
        return "der" if gender == "f" else "dem"
    return {"f": "die", "n": "das", "m": "den"}[gender]


def dative(organisation: Organisation) -> str:
    """ "dem Kulturverein X e.V.", "der Kita X", "der Frau X", "dem Herrn X"."""
    if organisation.person:
        return f"{'der Frau' if organisation.salutation == 'Frau' else 'dem Herrn'} {organisation.name}"
    return f"{_article(organisation, 'dative')} {organisation.name}"


def _grants_prose(meeting: _Meeting, rng: random.Random) -> list[str]:
    lines = []
    for a in meeting.applications:
        who = _written_applicant(a.organisation)
        if a.counts:
            vote = "einstimmig" if a.vote == "einstimmig" else "mehrheitlich"
            lines += [
                f"{who} stellt das Vorhaben vor. Der Integrationsbeirat empfiehlt {vote}, "
                f"{dative(a.organisation)} für das "
                f"Projekt „{a.purpose.replace('„', '').replace('“', '')}“ eine Zuwendung in Höhe von "
                f"{amount_text(a.amount)} zu gewähren. Die Gesamtkosten betragen {amount_text(a.requested * 2)}.",
                "",
            ]
        else:
            lines += [
                f"Der Antrag von {who} auf {amount_text(a.requested)} für "
                f"{a.purpose.replace('„', '').replace('“', '')} "
                "wird zurückgestellt, bis ein Kostenplan vorliegt.",
                "",
            ]
    return lines


_GRANT_WRITERS = {
    "zuwendung_an": _grants_zuwendung_an,
    "block": _grants_block,
    "fields": _grants_fields,
    "inline": _grants_inline,
    "table": _grants_table,
    "bare_list": _grants_bare,
    "prose": _grants_prose,
}


def _discussion(meeting: _Meeting, rng: random.Random, number: int) -> list[str]:
    d = meeting.council.removeprefix("Integrationsbeirat ")
    topic = rng.choice(TOPICS)
    lines = _top(meeting, number, f"Austausch über {topic}")
    said = [
        f"Im Stadtbezirk {d} gibt es zum Thema {topic} neue Angebote. Viele Menschen machen mit.",
        "Es braucht aber mehr Räume und mehr Geld für die Arbeit im Stadtteil.",
        f"{rng.choice(GIVEN_F + GIVEN_M)} {rng.choice(FAMILY)} berichtet aus der Arbeit vor Ort.",
        "Die Verwaltung sagt zu, die Fragen bis zur nächsten Sitzung zu klären.",
        "Mehrere Mitglieder wünschen sich mehr Informationen in einfacher Sprache.",
        "Es wird vorgeschlagen, eine Arbeitsgruppe zu bilden.",
        "Die Zusammenarbeit mit den Schulen im Stadtteil soll enger werden.",
    ]
    for _ in range(rng.randint(1, 3)):
        lines += [" ".join(rng.sample(said, rng.randint(2, 3))), ""]
    lines += [
        "Gesprächsbeiträge:",
        "- Die Angebote sollen bekannter werden.",
        "- Der Austausch mit der Verwaltung muss besser werden.",
        "",
    ]
    return lines


def _protocol_text(meeting: _Meeting, rng: random.Random) -> str:
    lines = _header(meeting, rng) + _opening(meeting, rng)
    top = 2
    if meeting.applications:
        title = rng.choice(
            (
                "Zuwendungen",
                "Beratung über Zuwendungen auf Vorschlag des Integrationsbeirates",
                "Anträge auf Zuwendung",
                "Zuwendungen aus Mitteln des Integrationsbeirates",
                "Förderanträge",
            )
        )
        lines += _top(meeting, top, title)
        if meeting.style.family not in ("bare_list", "prose"):
            lines += _intro(meeting, rng, meeting.date + dt.timedelta(days=23))
        lines += _GRANT_WRITERS[meeting.style.family](meeting, rng)
        top += 1
    lines += _discussion(meeting, rng, top)
    lines += _top(meeting, top + 1, "Verschiedenes")
    lines += [
        f"{meeting.chair[0]} {meeting.chair[2]} schließt die Sitzung um {rng.choice(('20.15', '20.40', '21.00'))} Uhr.",
        "",
    ]
    return "\n".join(lines) + "\n"


def _protocol_grants(meeting: _Meeting) -> tuple[ExpectedGrant, ...]:
    expected = []
    for a in meeting.applications:
        if a.status in ("withdrawn", "deferred"):
            continue
        applicant = None if meeting.style.family == "bare_list" else a.organisation.expected
        expected.append(ExpectedGrant(a.id, applicant, a.amount, a.status))
    return tuple(expected)


# --------------------------------------------------------------------------------------------
# Writing: decision papers


_GENDER = (
    "Die Aktivitäten des Integrationsbeirates sind darauf ausgerichtet, das Miteinander von Menschen mit und "
    "ohne Migrationshintergrund im Stadtbezirk zu fördern. Diese Zielsetzung differenziert grundsätzlich nicht "
    "nach geschlechtsspezifischen Gesichtspunkten."
)


def _paper_head(number: str, title: str, district: str, rng: random.Random) -> list[str]:
    if rng.random() < 0.5:
        return [
            f"Drucksache Nr. {number}:",
            title,
            "",
            "Inhalt der Drucksache:",
            "",
            "Bitte beachten Sie, dass der folgende Text eventuell medienbedingte Formatabweichungen aufweisen kann. "
            'Eine formatgetreue Abbildung des Inhalts finden Sie in der Anlage "Druckversion.pdf".',
            "Landeshauptstadt HannoverBeschlussdrucksache-ZeichenBeschlussdrucksache",
            f"In den Stadtbezirksrat {district}",
            " ",
            "Nr.",
            "Anzahl der Anlagen",
            "Zu TOP",
            " ",
            number,
            "0",
            " ",
            "",
            title,
            "",
        ]
    return [
        "Landeshauptstadt Hannover",
        "Beschlussdrucksache",
        "",
        f"In den Stadtbezirksrat {district}",
        "",
        f"Nr. {number}",
        "Anzahl der Anlagen 0",
        "Zu TOP",
        "",
        title,
        "",
    ]


def _cost_table(total: Decimal, rng: random.Random) -> list[str]:
    lines = ["Kostentabelle", "", "Darstellung der zu erwartenden finanziellen Auswirkungen in Euro:"]
    if rng.random() < 0.5:
        lines += ["Teilfinanzhaushalt 18 - Investitionstätigkeit", "Bezeichnung", "EinzahlungenAuszahlungen"]
        lines += [
            f"{row} 0,00 €"
            for row in (
                "Zuwendungen für Investitionstätigkeit",
                "Beiträge u.ä. Entgelte für Investitionstätigkeit",
                "Veräußerung von Sachvermögen",
                "Baumaßnahmen",
                "Erwerb von bewegl. Sachvermögen",
                "Sonstige Investitionstätigkeit",
            )
        ]
        lines += ["Saldo Investitionstätigkeit 0,00 €", "0,00 €", ""]
    lines += [
        "Teilergebnishaushalt 18 - Produkt 11111 Angelegenheiten der Stadtbezirke",
        f"{'Ordentliche Erträge':39}0,00 €",
        f"{'Zuwendungen für laufende Zwecke':39}0,00 €",
        f"{'Transferaufwendungen':39}{amount_text(total, 'english')}",
        f"{'Saldo ordentliches Ergebnis':39}({amount_text(total, 'english')})",
        "",
    ]
    return lines


def _paper_text(
    family: str,
    number: str,
    district: str,
    applications: list[Application],
    meeting_date: dt.date,
    printed: dt.date,
    rng: random.Random,
    states_meeting: bool,
) -> str:
    council = f"Integrationsbeirates {district}"
    total = sum((a.amount for a in applications), Decimal("0.00"))
    if family in ("prose_single", "organiser"):
        [a] = applications
        purpose = a.purpose.replace("„", "").replace("“", "")
        title = (
            f"Zuschuss des Integrationsbeirates {district} für {a.organisation.name}"
            if family == "prose_single"
            else f"Zuwendung aus Mitteln des Integrationsbeirates {district} für {purpose}"
        )
        lines = _paper_head(number, title, district, rng) + ["Antrag", ""]
        if family == "prose_single":
            lines += [
                f"Aus den Mitteln des {council} werden {dative(a.organisation)} {amount_text(a.amount)} für das "
                f"Projekt „{purpose}“ zur Verfügung gestellt.",
                "",
                f"Grundlage ist der Antrag vom {meeting_date - dt.timedelta(days=rng.randint(10, 40)):%d.%m.%Y}.",
                "",
            ]
        else:
            lines += [
                f"für die Durchführung des Projekts „{purpose}“ wird dem Organisator "
                f"{'Herrn' if a.organisation.salutation == 'Herr' else 'Frau'} {a.organisation.name} eine "
                f"Zuwendung in Höhe von {amount_text(a.amount)} bewilligt.",
                "",
            ]
    else:
        title = (
            f"Zuwendungen aus den Mitteln des Integrationsbeirates {district}"
            if family == "ib_codes"
            else f"Zuwendungen auf Vorschlag des Integrationsbeirates {district}"
        )
        lines = _paper_head(number, title, district, rng) + ["Antrag,", ""]
        if family == "ib_codes":
            lines += [
                f"der Stadtbezirksrat {district} möge beschließen, auf Vorschlag des {council}",
                "folgende Zuwendungen zu gewähren:",
                "",
            ]
        else:
            lines += [f"die nachfolgenden Zuwendungen auf Vorschlag des {council} zu beschließen:", ""]
        for position, a in enumerate(applications, start=1):
            name = a.organisation.name
            if not a.organisation.person and name.endswith(" e.V.") and rng.random() < 0.1:
                name = name[: -len("e.V.")] + "e. V."  # the paper's own spelling
            if a.organisation.person:
                name = f"{a.organisation.salutation} {name}"
            if family == "empfaenger":
                lines += [
                    f"{position}. Empfänger: {name}",
                    f"Zuwendungsbetrag: {amount_text(a.amount)}",
                    f"Verwendungszweck: {a.purpose}",
                    "",
                ]
            elif family == "numbered_name":
                lines += [
                    f"{position}. {name}",
                    f"Zuwendungsbetrag: {amount_text(a.amount)}",
                    f"Verwendungszweck: {a.purpose}",
                ]
            else:
                lines += [
                    f"{position}. Zuwendungsempfänger: {name}",
                    f"   Zuwendungssumme: bis zu {amount_text(a.amount)}",
                    f"   Projekt: {a.purpose} ({a.code})",
                    "",
                ]
        lines.append("")
    lines += ["Berücksichtigung von Gender-Aspekten", "", _GENDER, ""]
    lines += _cost_table(total, rng)
    lines += ["Begründung des Antrages", ""]
    if states_meeting:
        lines += [
            f"Der Integrationsbeirat {district} hat in seiner Sitzung am {meeting_date:%d.%m.%Y} die Anträge "
            "beraten und empfiehlt dem Stadtbezirksrat, den Zuwendungen zuzustimmen.",
            "",
        ]
    else:
        lines += [
            "Die Projekte fördern das Miteinander im Stadtbezirk. Der vorzeitige Maßnahmenbeginn wurde angezeigt.",
            "",
        ]
    lines += [f"18.62.{meeting_index(district):02d}", f"Hannover / {printed:%d.%m.%Y}", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------


def _slug(district: str) -> str:
    return district.lower().replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")


def generate(
    directory: Path, seed: int = DEFAULT_SEED, councils: Iterable[str] | None = None, years: Iterable[int] | None = None
) -> Corpus:
    """Write the corpus (or the slice of some councils and years) into ``directory``."""
    councils = tuple(councils or DISTRICTS)
    years = tuple(sorted(years or YEARS))
    directory.mkdir(parents=True, exist_ok=True)
    documents: list[Document] = []
    applications: list[Application] = []
    meetings: list[MeetingTruth] = []
    for district in councils:
        index = DISTRICTS.index(district)
        council = _Council(seed, district, index)
        council.plan()
        rng = random.Random(f"{seed}:{district}:texts")  # texts never change the plan
        paper_counter: dict[int, int] = {}
        ib_counter: dict[int, int] = {}
        for meeting in council.meetings:
            year = meeting.date.year
            # Every text is drawn, also those outside the slice: a slice is exactly a part of the whole.
            text = _protocol_text(meeting, rng)
            papers = []
            for family, chosen, states_meeting, delay in _papers_for(meeting, rng, ib_counter):
                paper_counter[year] = paper_counter.get(year, 0) + 1
                number = f"15-{1000 + index * 70 + paper_counter[year]:04d}/{year}"
                printed = meeting.date + dt.timedelta(days=delay)
                paper_text = _paper_text(family, number, district, chosen, meeting.date, printed, rng, states_meeting)
                papers.append((family, chosen, states_meeting, number, printed, paper_text))
            if year not in years:
                continue
            path = directory / f"{meeting.date:%Y-%m-%d}_{_slug(district)}_{meeting.number:02d}.txt"
            path.write_text(text, encoding="utf-8")
            for application in meeting.applications:
                application.documents.append(path.name)
            documents.append(
                Document(
                    path,
                    "protocol",
                    meeting.style.family,
                    council.name,
                    meeting.date,
                    meeting.date,
                    None,
                    _protocol_grants(meeting),
                )
            )
            meetings.append(MeetingTruth(council.name, meeting.date, meeting.number, meeting.style.family))
            applications += meeting.applications
            for family, chosen, states_meeting, number, printed, paper_text in papers:
                paper_path = directory / f"{printed:%Y-%m-%d}_beschlussdrucksache_{number.replace('/', '-')}.txt"
                paper_path.write_text(paper_text, encoding="utf-8")
                for application in chosen:
                    application.documents.append(paper_path.name)
                grants = tuple(ExpectedGrant(a.id, a.organisation.expected, a.amount, "recommended") for a in chosen)
                documents.append(
                    Document(
                        paper_path,
                        "decision_paper",
                        family,
                        council.name,
                        printed,
                        meeting.date if states_meeting else None,
                        number,
                        grants,
                    )
                )
    return Corpus(seed, councils, years, documents, applications, meetings)


def _papers_for(meeting: _Meeting, rng: random.Random, ib_counter: dict[int, int]):
    """The decision papers that carry this meeting's recommendations: (family, applications,
    states the meeting date, days after the meeting)."""
    granted = [a for a in meeting.applications if a.status == "recommended"]
    style = meeting.style
    if not granted or rng.random() >= style.paper_share:
        return []
    year = meeting.date.year
    latest = (dt.date(year, 12, 31) - meeting.date).days
    delay = min(rng.randint(9, 30), latest)
    family = rng.choice(style.paper_families)
    if family in ("prose_single", "organiser"):
        people = [a for a in granted if a.organisation.person]
        if family == "organiser" and not people:
            family = "prose_single"
        if family == "organiser":
            return [("organiser", [rng.choice(people)], True, delay)]
        organisations = [a for a in granted if not a.organisation.person and in_prose(a.organisation)]
        if not organisations:
            return []
        chosen = rng.sample(organisations, min(len(organisations), rng.randint(1, 2)))
        return [("prose_single", [a], rng.random() < 0.5, delay + i) for i, a in enumerate(chosen)]
    if family == "ib_codes":
        for a in granted:
            if a.number and "/" in a.number:
                a.code = "IB-" + a.number.replace("/", "-")
            else:
                ib_counter[year] = ib_counter.get(year, 0) + 1
                a.code = f"IB-{ib_counter[year]:02d}-{year}"
    return [(family, granted, rng.random() < 0.6, delay)]


# --------------------------------------------------------------------------------------------
# Checking: does the parser read what was written?


def check(corpus: Corpus) -> list[str]:
    """Every document through ``bot.knowledge.parser.parse_file``; one line per difference."""
    from bot.knowledge.parser import parse_file
    from bot.knowledge.records import ParseError

    problems = []
    for document in corpus.documents:
        try:
            record = parse_file(document.path)
        except ParseError as error:
            problems.append(f"{document.path.name} [{document.family}]: ParseError {error}")
            continue
        if record.council_name != document.council:
            problems.append(f"{document.path.name} [{document.family}]: council {record.council_name!r}")
        if document.kind == "protocol":
            if record.kind.value != "protocol" or record.meeting is None or record.meeting.date != document.date:
                problems.append(
                    f"{document.path.name} [{document.family}]: kind {record.kind.value}, meeting "
                    f"{record.meeting and record.meeting.date}"
                )
        else:
            if record.kind.value != "decision_paper" or record.paper_number != document.paper_number:
                problems.append(
                    f"{document.path.name} [{document.family}]: kind {record.kind.value}, paper {record.paper_number}"
                )
            stated = record.meeting.date if record.meeting else None
            if stated != document.meeting_date:
                problems.append(
                    f"{document.path.name} [{document.family}]: meeting date {stated}, expected {document.meeting_date}"
                )
        read = Counter(
            (organisation_key(g.applicant) if g.applicant else None, g.amount, g.status.value) for g in record.grants
        )
        wanted = Counter(
            (organisation_key(g.applicant) if g.applicant else None, g.amount, g.status) for g in document.grants
        )
        if read != wanted:
            problems.append(
                f"{document.path.name} [{document.family}]: read {sorted(read - wanted, key=str)}, "
                f"missing {sorted(wanted - read, key=str)}"
            )
    return problems


def main() -> None:
    import argparse

    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("directory", type=Path, nargs="?", default=Path("bench/tmp/scale"))
    options.add_argument("--seed", type=int, default=DEFAULT_SEED)
    options.add_argument("--check", action="store_true", help="parse every document and compare")
    arguments = options.parse_args()
    corpus = generate(arguments.directory / "documents", arguments.seed)
    truth = corpus.write_truth(arguments.directory / "truth.json")
    summary = {k: v for k, v in truth.items() if k != "councils"}
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    if arguments.check:
        problems = check(corpus)
        print("\n".join(problems[:50]) or "every document reads as written")
        print(f"{len(problems)} documents differ")


if __name__ == "__main__":
    main()
