"""The bottom layer: vocabulary every other package may use.

Nothing here imports from the rest of ``bot`` (except ``bot.config``), so the parser,
the importer, the database, the queries, the answers and the actions can all depend on
it without depending on each other.
"""
