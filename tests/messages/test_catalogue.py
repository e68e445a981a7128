"""The core message catalogue: both languages take the same placeholders, every message formats in both,
and the code that raises or prints a message passes the placeholders it needs."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import xuncha_desktop
from xuncha_desktop import messages
from xuncha_desktop.errors import InvalidRequest, ValidationError, XunchaError

SOURCE = Path(xuncha_desktop.__file__).parent
KEYS = sorted(messages.MESSAGES)


def placeholders(text: str) -> set[str]:
    names = set()
    for _literal, name, spec, _conversion in string.Formatter().parse(text):
        if name is not None:
            assert name and not name.isdigit(), f"positional placeholder in {text!r}"
            assert not spec or "{" not in spec, f"nested placeholder in {text!r}"
            names.add(name)
    return names


def test_there_are_messages() -> None:
    assert len(KEYS) >= 94


@pytest.mark.parametrize("key", KEYS)
def test_both_languages_take_the_same_placeholders(key: str) -> None:
    zh, en = messages.MESSAGES[key]
    assert zh.strip() and en.strip()
    assert placeholders(zh) == placeholders(en)


@pytest.mark.parametrize("key", KEYS)
def test_every_message_formats_in_both_languages(key: str) -> None:
    zh, en = messages.MESSAGES[key]
    values = {name: f"<{name}>" for name in placeholders(zh) | placeholders(en)}
    for lang, text in (("zh", zh), ("en", en)):
        shown = messages.render(key, lang, **values)
        for name in placeholders(text):
            assert f"<{name}>" in shown, f"{key} ({lang}) drops {name}"
    assert messages.both(key, **values) == f"{messages.render(key, 'zh', **values)} / " \
                                           f"{messages.render(key, 'en', **values)}"


# ---- the callers ---------------------------------------------------------------------------------------
# How each call names a message: the position of the key among the arguments, and the placeholders the
# callee fills in itself (ValidationError names its field; a field's fail() adds the Chinese name too).
_ERRORS = {cls.__name__ for cls in (XunchaError, InvalidRequest, ValidationError)} | {
    "NotFound", "PackageError", "WrongPassphrase"}
_SUPPLIED = {"ValidationError": {"field"}, "fail": {"field", "field_zh"}}


def _callee(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else ast.unparse(call.func)


def _calls() -> list[tuple[str, str, int, set[str]]]:
    """(key, file, line, placeholders passed) for every call that names a message by a literal key."""
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if "messages" in path.relative_to(SOURCE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            key = node.args[0].value
            name = _callee(node)
            if not isinstance(key, str) or key not in messages.MESSAGES:
                continue
            if name not in _ERRORS | {"fail", "both", "render", "__init__"}:
                continue
            if any(keyword.arg is None for keyword in node.keywords):
                continue  # **values: what it holds is not written at the call
            passed = {keyword.arg for keyword in node.keywords if keyword.arg} | _SUPPLIED.get(name, set())
            found.append((key, f"{path.relative_to(SOURCE.parent)}", node.lineno, passed))
    return found


CALLS = _calls()


def test_the_callers_are_found() -> None:
    # If the scan stopped recognising the calls, the test below would pass on nothing.
    assert len(CALLS) > 150
    assert {"not_found", "bad_transition", "field_type", "link_not_allowed"} <= {call[0] for call in CALLS}


@pytest.mark.parametrize("call", CALLS, ids=[f"{call[1]}:{call[2]}" for call in CALLS])
def test_callers_pass_what_the_message_needs(call: tuple[str, str, int, set[str]]) -> None:
    key, _where, _line, passed = call
    zh, en = messages.MESSAGES[key]
    needed = placeholders(zh) | placeholders(en)
    assert needed <= passed, f"{key}: missing {needed - passed}"
