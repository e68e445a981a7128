"""The command line: a thin front over the services, the stable interface for scripts and the office.

Exit codes: 0 success; 2 the request as given is wrong (usage, invalid JSON or data, unknown kind or
record); 1 it could not be done (wrong passphrase, damaged workspace, full disk, verification failed).
Results are JSON on stdout; messages go to stderr in Chinese and English.

Each module of this package that defines ``register(commands, common)`` adds its commands (in the order
of its ``ORDER``); nothing else needs to know about it.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from xuncha_desktop import __version__, messages
from xuncha_desktop.cli.common import Handler, _Parser, common_options, derive_ahead, workspace_path
from xuncha_desktop.errors import XunchaError

log = logging.getLogger("xuncha")


def _command_modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            found.append(module)
    return sorted(found, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    common = common_options()
    parser = _Parser(prog="xuncha", description="巡察外业桌面端 / field desktop for inspection groups",
                     parents=[common])
    # answers at once: nothing is opened or imported beyond the parser
    parser.add_argument("--version", action="version", version=f"xuncha-desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    handlers: dict[str, Handler] = {}
    for module in _command_modules():
        handlers.update(module.register(commands, common))
    return parser, handlers


def commands() -> dict[str, Handler]:
    return build_parser()[1]


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # answered before any command module (and with it SQLAlchemy) is imported
        print(f"xuncha-desktop {__version__}")
        return 0
    if sys.platform != "win32":
        os.umask(0o077)  # everything the program writes is private to the user
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser, handlers = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    derive_ahead(args)  # before SQLAlchemy and the rest load: the two overlap
    from sqlalchemy.exc import DBAPIError

    if args.command is None:
        if "gui" in handlers:  # `xuncha` alone opens the window
            return handlers["gui"](args)
        parser.print_help()
        return 2
    try:
        code = handlers[args.command](args)
        log.info("command %s %s finished with %d", args.command, getattr(args, "action", "") or "", code)
        return code
    except XunchaError as exc:
        log.warning("command %s refused: %s", args.command, exc.key)
        print(f"错误：{exc.text('zh')}\nerror: {exc.text('en')}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:
        log.exception("command %s failed", args.command)
        key = "disk_full" if exc.errno == errno.ENOSPC else "io_error"
        print(messages.both(key, reason=str(exc)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(messages.both("cancelled"), file=sys.stderr)
        return 1
    except DBAPIError as exc:
        log.exception("command %s failed in the database", args.command)
        text = str(exc.orig).lower()
        if "full" in text:
            print(messages.both("disk_full"), file=sys.stderr)
        elif "not a database" in text or "malformed" in text:
            print(messages.both("workspace_damaged", path=str(workspace_path(args)), reason=str(exc.orig)),
                  file=sys.stderr)
        else:
            print(messages.both("database_error", reason=str(exc.orig)), file=sys.stderr)
        return 1
    except Exception as exc:  # the last line of defence: a message and the details in the log
        log.exception("command %s failed", args.command)
        print(messages.both("internal_error", reason=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
