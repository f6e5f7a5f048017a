"""Pydantic's validation errors, said in a contributor's terms with how to fix them.

In: one error from `ValidationError.errors()`, the model validated and how the
offending value was written. Out: a sentence such as "unknown key `titel`; did
you mean `title`?" or "`no` without quotes is read by YAML as the boolean
false, not text; write it in quotes: "no"".
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any, get_args

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from generator.inputs.textfile import ImpossibleDate, KeyPath

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "model_type": "a mapping of `key: value` lines",
    "dict_type": "a mapping of `key: value` lines",
}


def error_message(error: ErrorDetails, model: type[BaseModel], loc: KeyPath, unquoted: str | None) -> str:
    """What is wrong, in the contributor's terms, and how to fix it."""
    kind, value, name = error["type"], error["input"], _name(loc)
    if kind == "extra_forbidden":
        return unknown_key_message(str(loc[-1]), tuple(_fields_at(model, loc[:-1])))
    if kind == "missing":
        return f"`{loc[-1]}:` is missing; add it"
    if kind in _EXPECTED and value is None:
        return f"{name} is empty; write {_EXPECTED[kind]} after the colon"
    if kind == "string_type" and unquoted is not None:
        reading = f"`{unquoted}` without quotes is read by YAML as {_shown(value)}, not text"
        return f'{reading}; write it in quotes: "{unquoted}"'
    if kind in _EXPECTED:
        return f"{name} should be {_EXPECTED[kind]}, not {_shown(value)}"
    if kind == "literal_error":
        return f"{name} is `{value}`; use one of {error['ctx']['expected']}"
    if kind == "string_too_short":
        return f"{name} is empty; write the text after the colon"
    if kind == "string_too_long":
        return f"{name} has {len(value)} characters; shorten it to at most {error['ctx']['max_length']}"
    if kind == "string_pattern_mismatch":
        return f"{name} is `{value}`, not a slug; write lower-case letters, digits and hyphens"
    if kind == "greater_than":
        return f"{name} must be more than {error['ctx']['gt']:g}"
    if kind == "greater_than_equal":
        return f"{name} must be {error['ctx']['ge']:g} or more"
    if kind == "less_than_equal":
        return f"{name} must be {error['ctx']['le']:g} or less"
    if kind == "value_error":  # our own validators already say what is wrong and what to write
        return error["msg"].removeprefix("Value error, ")
    return f"{name}: {error['msg']}"


def _name(loc: KeyPath) -> str:
    if not loc:
        return "this entry"
    if isinstance(loc[-1], int):
        return f"item {loc[-1] + 1} of `{loc[-2]}`" if len(loc) > 1 else f"entry {loc[-1] + 1}"
    return f"`{loc[-1]}`"


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, (dt.date, ImpossibleDate)):
        return "a date"
    return {list: "a list", dict: "a mapping"}.get(type(value), f"`{value}`")


def unknown_key_message(key: str, allowed: tuple[str, ...]) -> str:
    """An unknown key, with the allowed key it is probably a misspelling of."""
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean `{close[0]}`?" if close else f"allowed keys: {', '.join(allowed)}"
    return f"unknown key `{key}`; {hint}"


def _fields_at(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """The keys allowed at `loc` inside `model` (list indexes skipped)."""
    current: Any = model
    for step in (s for s in loc if isinstance(s, str)):
        current = (
            _inner_model(current.model_fields[step].annotation) if step in current.model_fields else None
        )
        if current is None:
            return []
    return list(current.model_fields)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((m for m in map(_inner_model, get_args(annotation)) if m is not None), None)
