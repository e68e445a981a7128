"""``xuncha backup create|restore``: the whole workspace as one encrypted file, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, passphrase, user_name, workspace_path

ORDER = 60


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    backup = commands.add_parser("backup", help="备份与恢复工作区 / back up or restore the workspace",
                                 parents=[common])
    actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    create = actions.add_parser("create", help="备份为一个加密文件（用工作区口令）/ write an encrypted backup",
                                parents=[common])
    create.add_argument("--out", type=Path, required=True, help="备份文件，如 笔记本1-20201015.xcbak")
    restore = actions.add_parser("restore", help="从备份恢复到新文件夹 / restore into a new folder",
                                 parents=[common])
    restore.add_argument("file", type=Path)
    restore.add_argument("--to", type=Path, required=True, dest="target",
                         help="恢复到的新文件夹（不能已存在）/ the new workspace folder (must not exist)")
    return {"backup": cmd_backup}


def _progress(done: int, total: int) -> None:
    if total and sys.stderr.isatty():
        print(f"\r… {done * 100 // max(total, 1)}%", end="", file=sys.stderr)


def cmd_backup(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import backup
    from xuncha_desktop.workspace import Workspace

    secret = passphrase(args)
    if args.action == "create":
        with Workspace.open(workspace_path(args), secret, user_name(args)) as ws:
            made = backup.create(ws, args.out, secret, _progress)
            emit({"out": str(made.path), "bytes": made.bytes, "evidence_files": made.evidence_files,
                  "revision": made.revision})
    else:
        with backup.restore(args.file, args.target, secret, _progress, user=user_name(args)) as ws:
            emit({"workspace": str(ws.path), "device_id": str(ws.info.device_id), "device_name": ws.info.device_name})
    return 0
