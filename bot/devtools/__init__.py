"""Tools for developing the bot (tests, benchmarks); the bot itself never imports them."""
