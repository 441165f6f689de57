"""German NLU support: lookup tables generated from the decisions database (lookups.py)."""
