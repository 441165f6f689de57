"""Feedback on answers and what went unanswered, for council staff (``beirat report``).

Kept apart from the decisions database, which is generated and rebuilt from knowledge/:
the rows live in the tracker store's SQL database (same place, same retention as the
conversations; ``beirat purge-conversations`` deletes them too) unless
``BEIRAT_FEEDBACK_URL`` names another one. No sender id or other identity is stored,
and question texts are stored only after contact data was removed (``redact``).

Modules: ``kinds`` (names shared with the actions), ``redact`` (contact data out),
``store`` (tables, writing, purging), ``report`` (the figures), ``render`` (terminal
table and HTML page).
"""
