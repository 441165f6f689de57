"""The Leichte Sprache checker (``beirat lint-language``), above the actions.

``catalog`` renders every answer the actions can give for the data in the database,
``rules`` checks one text against the rules, ``readability`` scores it (Flesch-Amstad),
``checker`` runs it all and reports. The bot itself never imports this package.
"""
