"""``beirat report``: the report as rich tables in the terminal, and as an HTML page with
simple bar charts (plain HTML and CSS, no script, every text escaped).
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from collections import Counter
from pathlib import Path

import sqlalchemy as sa
from rich.console import Console
from rich.table import Table

from bot.feedback.kinds import KIND_LABELS, UNANSWERED_KINDS
from bot.feedback.report import TOP, Report, build_report, since_timestamp
from bot.feedback.store import FeedbackStore, Rows, cli_url

KIND_COLUMNS = [KIND_LABELS[kind] for kind in UNANSWERED_KINDS]


def _day(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp).strftime("%d.%m.%Y %H:%M")


def _kinds(counter: Counter[str]) -> list[str]:
    return [str(counter.get(kind, 0)) for kind in UNANSWERED_KINDS]


def _counter_table(title: str, label: str, counter: Counter[str]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(label)
    table.add_column("Anzahl", justify="right")
    for name, count in counter.most_common(TOP):
        table.add_row(name, str(count))
    return table


def print_report(report: Report, console: Console) -> None:
    console.print(f"[bold]Frag den Beirat: Bericht[/bold] {_day(report.since)} bis {_day(report.until)}")
    kinds = ", ".join(f"{KIND_LABELS[k]}: {report.unanswered_by_kind[k]}" for k in UNANSWERED_KINDS)
    console.print(
        f"Beantwortet: {report.answered} (Hilfreich: {report.helpful}, Nicht hilfreich: {report.not_helpful}). "
        f"Nicht beantwortet: {report.unanswered} ({kinds})."
    )
    questions = Table(title="Nicht beantwortete Fragen (ähnliche zusammen)", title_justify="left")
    questions.add_column("Frage")
    questions.add_column("Anzahl", justify="right")
    for column in KIND_COLUMNS:
        questions.add_column(column, justify="right")
    questions.add_column("Schreibweisen", justify="right")
    for group in report.questions[:TOP]:
        questions.add_row(group.text, str(group.count), *_kinds(group.kinds), str(len(group.wordings)))
    console.print(questions)
    console.print(_counter_table("Gefragt, aber nicht in den Daten", "Fehlende Angabe", report.missing))
    ratings = Table(title='Antworten mit den meisten "Nicht hilfreich"', title_justify="left")
    for column in ("Antwort", "Beirat", "Quelle"):
        ratings.add_column(column)
    ratings.add_column("Nicht hilfreich", justify="right")
    ratings.add_column("Hilfreich", justify="right")
    for rating in report.ratings[:TOP]:
        ratings.add_row(rating.template, rating.council, rating.source, str(rating.not_helpful), str(rating.helpful))
    console.print(ratings)
    console.print(_counter_table("Fragen nach Absicht (Intent)", "Intent", report.by_intent))
    console.print(_counter_table("Fragen nach Kanal", "Kanal", report.by_channel))
    console.print(_counter_table("Fragen nach Beirat", "Beirat", report.by_council))


_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin-bottom:2rem}th,td{text-align:left;padding:.3rem .5rem;
border-bottom:1px solid #ccc;vertical-align:top}td.n{text-align:right;white-space:nowrap}
.bar{display:inline-block;height:1rem;background:#1f5fa8;vertical-align:middle;margin-right:.4rem}
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _bar_chart(title: str, counter: Counter[str]) -> str:
    """A table whose rows carry a bar proportional to the count (max 20 rem)."""
    rows = counter.most_common(TOP)
    top = max((count for _, count in rows), default=0) or 1
    body = "".join(
        f'<tr><td>{_esc(name)}</td><td><span class="bar" style="width:{20 * count / top:.1f}rem" '
        f'aria-hidden="true"></span>{count}</td></tr>'
        for name, count in rows
    )
    if not rows:
        body = '<tr><td colspan="2">Keine Einträge.</td></tr>'
    return f"<h2>{_esc(title)}</h2><table><tr><th>Name</th><th>Anzahl</th></tr>{body}</table>"


def _table(title: str, head: list[str], rows: list[list[object]], numeric_from: int) -> str:
    header = "".join(f"<th>{_esc(h)}</th>" for h in head)
    cells = ('<td class="n">{}</td>', "<td>{}</td>")
    lines = [
        "<tr>" + "".join(cells[i < numeric_from].format(_esc(v)) for i, v in enumerate(r)) + "</tr>" for r in rows
    ] or [f'<tr><td colspan="{len(head)}">Keine Einträge.</td></tr>']
    return f"<h2>{_esc(title)}</h2><table><tr>{header}</tr>{''.join(lines)}</table>"


def html_report(report: Report) -> str:
    kinds = Counter({KIND_LABELS[k]: report.unanswered_by_kind[k] for k in UNANSWERED_KINDS})
    kinds["beantwortet"] = report.answered
    parts = [
        _bar_chart("Beantwortet und nicht beantwortet", kinds),
        _table(
            "Nicht beantwortete Fragen (ähnliche zusammen)",
            ["Frage", "Anzahl", *KIND_COLUMNS],
            [[g.text, g.count, *_kinds(g.kinds)] for g in report.questions[:TOP]],
            1,
        ),
        _bar_chart("Gefragt, aber nicht in den Daten", report.missing),
        _table(
            'Antworten mit den meisten "Nicht hilfreich"',
            ["Antwort", "Beirat", "Quelle", "Nicht hilfreich", "Hilfreich"],
            [[r.template, r.council, r.source, r.not_helpful, r.helpful] for r in report.ratings[:TOP]],
            3,
        ),
        _bar_chart("Fragen nach Absicht (Intent)", report.by_intent),
        _bar_chart("Fragen nach Kanal", report.by_channel),
        _bar_chart("Fragen nach Beirat", report.by_council),
    ]
    title = f"Frag den Beirat: Bericht {_day(report.since)} bis {_day(report.until)}"
    return (
        f'<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{_esc(title)}</title>'
        f"<style>{_CSS}</style></head><body><h1>{_esc(title)}</h1>"
        f"<p>Hilfreich: {report.helpful}. Nicht hilfreich: {report.not_helpful}.</p>{''.join(parts)}</body></html>\n"
    )


def run_report(since: str, html_path: str | None = None, tracker_url: str | None = None) -> int:
    """CLI entry: prints the report; exit code 0, or 2 with a message when it cannot be made."""
    from bot.privacy import PurgeError, parse_duration

    try:
        period = parse_duration(since)
        url = sa.engine.make_url(cli_url(tracker_url))
        start = since_timestamp(period)
        if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
            # Not created here: a report must not leave an empty database behind.
            print(f"Hinweis: Die Datei {url.database} gibt es noch nicht. Es gibt noch keine Daten.", file=sys.stderr)
            rows = Rows([], [])
        else:
            rows = FeedbackStore(sa.create_engine(url)).load(start)
        report = build_report(rows, start)
    except PurgeError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 2
    except sa.exc.SQLAlchemyError as error:
        print(f"Fehler: Die Datenbank ist nicht erreichbar ({type(error).__name__}).", file=sys.stderr)
        return 2
    # Piped into a file or mail: wide enough that questions stay on one line.
    print_report(report, Console(width=None if sys.stdout.isatty() else 200))
    if html_path:
        Path(html_path).write_text(html_report(report), encoding="utf-8")
        print(f"HTML-Seite geschrieben: {html_path}")
    return 0
