"""``xuncha gui`` (and ``xuncha`` alone): the desktop window."""

from __future__ import annotations

import argparse

from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, passphrase, passphrase_given, workspace_path

ORDER = 5


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    gui = commands.add_parser("gui", help="打开桌面窗口 / open the desktop window",
                              description="打开桌面窗口 / open the desktop window", parents=[common])
    gui.add_argument("--lang", choices=("zh", "en"), help="界面语言 / interface language (default: zh_CN)")
    return {"gui": cmd_gui}


def cmd_gui(args: argparse.Namespace) -> int:
    # Qt is imported only here, so the other commands start without it.
    from xuncha_desktop.ui.app import run

    secret = passphrase(args) if passphrase_given(args) else None
    return run(workspace_path(args), getattr(args, "lang", None), secret)
