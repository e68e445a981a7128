"""What every command shares: the parser class, common options, passphrase, workspace, JSON in and out."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs

from xuncha_desktop.errors import InvalidRequest

Handler = Callable[[argparse.Namespace], int]
Subparsers = Any  # argparse's _SubParsersAction, which typeshed keeps private


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit code for usage errors is 2, too
        self.print_usage(sys.stderr)
        print(f"用法错误 / usage error: {message}", file=sys.stderr)
        raise SystemExit(2)


def common_options() -> _Parser:
    # Accepted before or after the command; SUPPRESS keeps a later default from hiding an earlier value.
    common = _Parser(add_help=False)
    common.add_argument("--workspace", type=Path, default=argparse.SUPPRESS,
                        help="工作区文件夹 / workspace folder (default: XUNCHA_WORKSPACE or the user data folder)")
    common.add_argument("--passphrase-file", type=Path, default=argparse.SUPPRESS,
                        help="从文件读取口令 / read the passphrase from FILE (else XUNCHA_PASSPHRASE)")
    common.add_argument("--user", default=argparse.SUPPRESS,
                        help="以此使用人身份打开（多人工作区必填）/ open as this user, needed when a workspace has "
                             "several (else XUNCHA_USER)")
    return common


def emit(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _given_passphrase(path: Path | None, variable: str) -> str | None:
    """A passphrase from its file (first line) or its environment variable, else None: never from the command
    line, where other users of the computer see it."""
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise InvalidRequest("passphrase_file_unreadable", path=str(path), reason=exc.strerror) from exc
    return os.environ.get(variable)


def passphrase(args: argparse.Namespace) -> str:
    given = _given_passphrase(getattr(args, "passphrase_file", None), "XUNCHA_PASSPHRASE")
    if given is not None:
        return given
    if sys.stdin.isatty():
        return getpass.getpass("工作区口令 / passphrase: ")
    raise InvalidRequest("passphrase_missing")


def new_passphrase(args: argparse.Namespace, prompt: str = "新口令 / new passphrase: ") -> str:
    """A passphrase being set (a new user's, a changed one): --new-passphrase-file, XUNCHA_NEW_PASSPHRASE, or
    typed twice at a terminal. Never taken from the command line, where other users of the computer see it."""
    given = _given_passphrase(getattr(args, "new_passphrase_file", None), "XUNCHA_NEW_PASSPHRASE")
    if given is not None:
        return given
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("再次输入 / again: ") != first:
            raise InvalidRequest("new_passphrase_mismatch")
        return first
    raise InvalidRequest("new_passphrase_missing")


def user_name(args: argparse.Namespace) -> str | None:
    """--user, else XUNCHA_USER, else None (a workspace with one user needs no name)."""
    chosen: str | None = getattr(args, "user", None)
    if chosen is None:
        chosen = os.environ.get("XUNCHA_USER") or None
    return chosen


def passphrase_given(args: argparse.Namespace) -> bool:
    return getattr(args, "passphrase_file", None) is not None or "XUNCHA_PASSPHRASE" in os.environ


def workspace_path(args: argparse.Namespace) -> Path:
    """--workspace, else XUNCHA_WORKSPACE, else the platform's per-user data folder."""
    chosen: Path | None = getattr(args, "workspace", None)
    if chosen is not None:
        return chosen
    variable = os.environ.get("XUNCHA_WORKSPACE")
    if variable:
        return Path(variable).expanduser()
    return Path(platformdirs.user_data_dir("xuncha-desktop", appauthor=False)) / "workspace"


def derive_ahead(args: argparse.Namespace) -> None:
    """When the passphrase is given (file or environment), starts its key derivation for the workspace now,
    so it runs while the command imports what it needs (security/keys.derive_ahead). A command that opens
    nothing leaves the guess unused."""
    from xuncha_desktop.security import slots

    try:
        given = _given_passphrase(getattr(args, "passphrase_file", None), "XUNCHA_PASSPHRASE")
    except InvalidRequest:
        return  # the command says so when it asks for the passphrase
    if given is not None:
        slots.derive_ahead(workspace_path(args), given, user_name(args))


def open_workspace(args: argparse.Namespace) -> Any:
    from xuncha_desktop.workspace import Workspace

    return Workspace.open(workspace_path(args), passphrase(args), user_name(args))


def json_input(text: str | None, file: Path | None) -> Any:
    try:
        raw = file.read_text(encoding="utf-8-sig") if file is not None else (text or "")
    except OSError as exc:
        raise InvalidRequest("file_missing", path=str(file)) from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidRequest("bad_json", reason=f"{exc.msg} (line {exc.lineno}, column {exc.colno})") from exc


def objects(value: Any) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, dict) for item in items):
        raise InvalidRequest("json_not_object")
    return items
