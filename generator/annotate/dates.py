"""Month names, written once for every stage that reads or writes a date in English."""

from __future__ import annotations

MONTHS = tuple(
    "January February March April May June July August September October November December".split()
)
# The short forms news copy uses ("Sept" as well as "Sep").
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
