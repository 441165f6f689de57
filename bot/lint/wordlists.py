"""Word lists of the Leichte Sprache rules (``bot.lint.rules``): passive, genitive,
subjunctive, negation, numbers as words, informal address."""

from __future__ import annotations

import re

# Passive: "wird/werden/wurde … gemacht", "ist … gemacht worden".
PASSIVE_AUX = {"wird", "werden", "wirst", "werdet", "wurde", "wurden", "wurdest", "wurdet", "worden"}
PARTICIPLE = re.compile(r"^(?:\w*ge\w{2,}(?:t|en)|(?:be|er|ver|ent|zer|emp|miss)\w{2,}(?:t|en)|\w{3,}iert)$")
GENITIVE = {"des", "eines", "dessen", "deren", "wessen"}
SUBJUNCTIVE = {
    "würde",
    "würden",
    "würdest",
    "würdet",
    "hätte",
    "hätten",
    "hättest",
    "wäre",
    "wären",
    "wärest",
    "wärst",
    "könnte",
    "könnten",
    "könntest",
    "müsste",
    "müssten",
    "sollte",
    "sollten",
    "dürfte",
    "dürften",
    "gäbe",
    "gäben",
    "käme",
    "kämen",
    "wüsste",
    "wüssten",
    "bräuchte",
    "bräuchten",
}  # "möchte/möchten" is everyday German ("Möchten Sie mehr wissen?") and allowed
NEGATIONS = {
    "nicht",
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keiner",
    "keines",
    "nie",
    "niemals",
    "nichts",
    "niemand",
    "niemanden",
    "niemandem",
    "weder",
    "nirgends",
    "nirgendwo",
}
NUMBER_WORDS = re.compile(
    r"^(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
    r"(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|"
    r"(?:\w+und)?(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|"
    r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?(?:hundert|tausend)\w*|millionen?|milliarden?|"
    r"(?:zweit|dritt|viert|fünft|sechst|siebt|neunt|zehnt|zwölft)(?:e|en|er|es|em))$"
)
INFORMAL = {
    "du",
    "dich",
    "dir",
    "dein",
    "deine",
    "deinen",
    "deinem",
    "deiner",
    "deines",
    "euch",
    "euer",
    "eure",
    "euren",
    "eurem",
    "eurer",
}
