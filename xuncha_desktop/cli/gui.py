"""``xuncha gui`` (and ``xuncha`` alone): the desktop window."""

from __future__ import annotations

import argparse
import os
import sys

from xuncha_desktop.cli.common import (
    Handler,
    Subparsers,
    _Parser,
    passphrase,
    passphrase_given,
    user_name,
    workspace_path,
)
from xuncha_desktop.errors import XunchaError

ORDER = 5


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    gui = commands.add_parser("gui", help="打开桌面窗口 / open the desktop window",
                              description="打开桌面窗口 / open the desktop window", parents=[common])
    gui.add_argument("--lang", choices=("zh", "en"), help="界面语言 / interface language (default: zh_CN)")
    gui.add_argument("--smoke", action="store_true",
                     help="首次绘制主窗口后即退出，并输出 painted（安装自检）/ quit after the main window's first "
                          "paint, printing `painted` (an installation's self-test; needs the passphrase given)")
    return {"gui": cmd_gui}


def cmd_gui(args: argparse.Namespace) -> int:
    if not _has_display():
        raise XunchaError("no_display")
    # Qt is imported only here, so the other commands start without it.
    from xuncha_desktop.ui.app import run

    secret = passphrase(args) if passphrase_given(args) else None
    return run(workspace_path(args), getattr(args, "lang", None), secret, user_name(args),
               smoke=getattr(args, "smoke", False))


def _has_display() -> bool:
    """On Linux, Qt aborts the process when there is no screen to show on: say so instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
