"""Amounts and numbers: "1.400 Euro", "740,70 Euro", digits with a dot every three digits."""
from decimal import Decimal

import pytest

from bot.language.format import format_amount, format_number


@pytest.mark.parametrize(
    "amount, expected",
    [
        (Decimal("1400.00"), "1.400 Euro"),  # zero cents are left out
        (Decimal("799.00"), "799 Euro"),
        (Decimal("740.70"), "740,70 Euro"),  # cents always with 2 digits
        (Decimal("740.7"), "740,70 Euro"),
        (Decimal("0.05"), "0,05 Euro"),
        (Decimal("0"), "0 Euro"),
        (Decimal("1E6"), "1.000.000 Euro"),
        (Decimal("1234567.89"), "1.234.567,89 Euro"),
        (Decimal("999.995"), "1.000 Euro"),  # rounded half up to whole cents
        (Decimal("0.004"), "0 Euro"),
        (500, "500 Euro"),
        (740.7, "740,70 Euro"),  # a float goes through str, no 740,69
        (Decimal("-5.50"), "minus 5,50 Euro"),
    ],
)
def test_format_amount(amount, expected):
    assert format_amount(amount) == expected, f"format_amount({amount!r})"


def test_amount_never_uses_euro_sign_or_eur():
    text = format_amount(Decimal("1400"))
    assert "€" not in text and "EUR" not in text, text


def test_missing_amount_is_an_error_not_a_guess():
    with pytest.raises(ValueError, match="fehlt"):
        format_amount(None)


@pytest.mark.parametrize("bad", ["1400", True, Decimal("NaN"), Decimal("Infinity")])
def test_bad_amount_is_refused(bad):
    with pytest.raises((TypeError, ValueError)):
        format_amount(bad)


@pytest.mark.parametrize(
    "number, expected",
    [(0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (1400, "1.400"), (1_000_000, "1.000.000"), (-3, "minus 3")],
)
def test_format_number(number, expected):
    assert format_number(number) == expected


@pytest.mark.parametrize("bad", [None, 1.5, "12", False])
def test_format_number_refuses_non_integers(bad):
    with pytest.raises((TypeError, ValueError)):
        format_number(bad)
