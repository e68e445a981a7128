"""Errors the user can act on. The command line maps them to exit codes; the window shows them."""

from __future__ import annotations

from xuncha_desktop import messages


class XunchaError(Exception):
    """A failure with a message from the catalogue. Exit code 1: it could not be done."""

    exit_code = 1

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(messages.both(key, **values))

    def text(self, lang: str | None = None) -> str:
        return messages.render(self.key, lang, **self.values)


class InvalidRequest(XunchaError):
    """The request as given is wrong (usage, data, an unknown record). Exit code 2."""

    exit_code = 2


class NotFound(InvalidRequest):
    pass


class ValidationError(InvalidRequest):
    """Invalid data for one field, named in both languages (``field`` is the English field name)."""

    def __init__(self, key: str, field: str, **values: object) -> None:
        self.field = field
        super().__init__(key, field=field, **values)


class WrongPassphrase(XunchaError):
    pass


class Cancelled(XunchaError):
    def __init__(self) -> None:
        super().__init__("cancelled")


class PermissionDenied(XunchaError):
    """The person's role may not do this (``services/permissions.py``); nothing was changed.

    ``role`` and ``action`` are the codes (``member``, ``delete_records``); the message names both in words."""

    def __init__(self, role: str, action: str) -> None:
        self.role = role
        self.action = action
        super().__init__("permission_denied", role_zh=messages.render(f"role_{role}", "zh"),
                         role_en=messages.render(f"role_{role}", "en"),
                         action_zh=messages.render(f"action_{action}", "zh"),
                         action_en=messages.render(f"action_{action}", "en"))
