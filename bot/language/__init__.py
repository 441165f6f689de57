"""Writing answers in Leichte Sprache from facts, and nothing else.

``format`` writes amounts, dates, times, sources and long words; ``sentences`` cuts a
text into sentences; ``glossary`` adds explanations of hard words; ``answers`` holds
one template module per topic. Facts come in as ``bot.core.facts`` objects: nothing
here imports the queries, the database or the checker (``bot.lint``).
"""
