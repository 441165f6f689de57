"""The importer: parsed records and staff's files into the decisions database.

It sits above both the parser (``bot.knowledge``) and the database (``bot.db``):
``ingest`` reads documents with the parser, applies the corrections of
``knowledge/corrections.yml`` (``overlay``), writes each document in its own
transaction (``writer``) and loads the glossary and curated facts (``reference``).
Neither the parser nor the database imports anything from here.
"""
