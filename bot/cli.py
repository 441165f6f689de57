"""The ``beirat`` command line: a few lines over library functions each."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _ingest(args: argparse.Namespace) -> int:
    from bot.importer.ingest import run_ingest

    # The bot's answers need corrections, glossary and curated facts: missing ones stop the run.
    return run_ingest([Path(p) for p in args.paths], overlay=args.overlay, require_reference=True)


def _export(args: argparse.Namespace) -> int:
    from bot.db.export import run_export

    return run_export(args.format, args.output)


def _lint_language(args: argparse.Namespace) -> int:
    from bot.lint.checker import run_checker

    return run_checker(
        verbose=args.verbose,
        corpora=tuple(args.corpus or ("seed", "real", "scale")),
        strict=args.strict,
        write_baseline=args.write_baseline,
    )


def _review_export(args: argparse.Namespace) -> int:
    from bot.lint.export import run_review_export

    return run_review_export(Path(args.output), args.per_template)


def _build_lookups(args: argparse.Namespace) -> int:
    from bot.nlu.lookups import run_build_lookups

    return run_build_lookups(Path(args.out))


def _purge_conversations(args: argparse.Namespace) -> int:
    from bot.privacy import run_purge

    return run_purge(args.older_than, args.tracker_url)


def _report(args: argparse.Namespace) -> int:
    from bot.feedback.render import run_report

    return run_report(args.since, args.html, args.tracker_url)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="beirat", description="Frag den Beirat: Werkzeuge für die Wissensbasis.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="Protokolle (.txt, .pdf, oder eine Adresse https://…) in die Datenbank lesen")
    p.add_argument("paths", nargs="+", help="Dateien, Ordner oder Adressen von Drucksachen und Protokollen (https://…)")
    p.add_argument("--overlay", default=None, help="YAML mit Korrekturen (Standard: knowledge/corrections.yml)")
    p.set_defaults(func=_ingest)

    p = sub.add_parser("export", help="Die ganze Datenbank als offene Daten schreiben")
    p.add_argument("--format", choices=["json"], default="json")
    p.add_argument("--output", "-o", default="-", help="Datei, oder - für die Standardausgabe")
    p.set_defaults(func=_export)

    p = sub.add_parser("lint-language", help="Alle Antworten gegen die Regeln der Leichten Sprache prüfen")
    p.add_argument("--verbose", "-v", action="store_true")
    p.add_argument(
        "--corpus", action="append", choices=["seed", "real", "scale"], help="nur diese Datenbank (Standard: alle drei)"
    )
    p.add_argument("--strict", action="store_true", help="bekannte Verstöße (bot/lint/baseline.yml) zählen auch")
    p.add_argument("--write-baseline", action="store_true", help="die gefundenen Verstöße als bekannt speichern")
    p.set_defaults(func=_lint_language)

    p = sub.add_parser("review-export", help="Alle Antwort-Vorlagen als Tabelle für eine Prüf-Gruppe schreiben (CSV)")
    p.add_argument("--output", "-o", default="review.csv", help="CSV-Datei (Standard: review.csv)")
    p.add_argument("--per-template", type=int, default=3, help="echte Beispiele pro Vorlage (Standard: 3)")
    p.set_defaults(func=_review_export)

    p = sub.add_parser("build-lookups", help="NLU-Lookup-Tabellen aus der Datenbank erzeugen")
    p.add_argument("--out", default="data/nlu/lookups")
    p.set_defaults(func=_build_lookups)

    p = sub.add_parser("purge-conversations", help="Alte Gespräche aus dem Tracker-Store löschen")
    p.add_argument("--older-than", required=True, help="z.B. 30d, 12h")
    p.add_argument(
        "--tracker-url", default=None, help="SQLAlchemy-URL des Tracker-Stores (Standard: aus endpoints.yml)"
    )
    p.set_defaults(func=_purge_conversations)

    p = sub.add_parser("report", help="Bericht: nicht beantwortete Fragen, Rückmeldungen, fehlende Daten")
    p.add_argument("--since", default="7d", help="Zeitraum bis jetzt, z.B. 7d, 24h, 4w (Standard: 7d)")
    p.add_argument("--html", default=None, metavar="FILE", help="zusätzlich eine HTML-Seite mit Diagrammen schreiben")
    p.add_argument(
        "--tracker-url", default=None, help="SQLAlchemy-URL des Tracker-Stores (Standard: aus endpoints.yml)"
    )
    p.set_defaults(func=_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
