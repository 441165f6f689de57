-- Second database for the decisions (the first, POSTGRES_DB, holds the conversations).
CREATE DATABASE beirat_decisions;
