"""``xuncha clearance``: the office acknowledges what it holds of a laptop (ack); the laptop checks an
acknowledgement (check) and is cleared after the round (run). See docs/clearance.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from xuncha_desktop import messages
from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, open_workspace, workspace_path
from xuncha_desktop.errors import InvalidRequest

ORDER = 45


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    clearance = commands.add_parser("clearance", help="巡后清退 / clearance of a laptop after the round",
                                    parents=[common])
    actions = clearance.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    ack = actions.add_parser("ack", help="（巡察办）签发清退确认单 / (office) acknowledge what it holds of a device",
                             parents=[common])
    ack.add_argument("--device", required=True, metavar="ID_OR_NAME", help="笔记本的设备编号或名称 / the laptop")
    ack.add_argument("--out", type=Path, required=True, metavar="FILE.xcack")
    ack.add_argument("--overwrite", action="store_true", help="覆盖已有文件 / replace an existing file")
    ack.add_argument("--no-verify-files", action="store_true",
                     help="不逐个校验证据文件 / do not re-hash the evidence files held")
    check = actions.add_parser("check", parents=[common],
                               help="（笔记本）核对确认单，列出未确认的数据 / (laptop) what is not acknowledged")
    check.add_argument("--ack", type=Path, required=True, metavar="FILE.xcack")
    run = actions.add_parser("run", parents=[common],
                             help="（笔记本）清退：写清退证明并销毁密钥 / (laptop) clear: certificate, then shred")
    run.add_argument("--ack", type=Path, required=True, metavar="FILE.xcack")
    run.add_argument("--certificate", type=Path, required=True, metavar="OUT.pdf",
                     help="清退证明（须在工作区之外，如 U 盘）/ the certificate, outside the workspace")
    run.add_argument("--overwrite", action="store_true", help="覆盖已有的证明文件 / replace an existing certificate")
    run.add_argument("--yes", action="store_true", help="确认销毁本机密钥 / confirm that the keys are destroyed")
    run.add_argument("--system-fonts", choices=("auto", "no"), default="auto")
    return {"clearance": cmd_clearance}


def cmd_clearance(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import clearance

    if args.action == "run":
        folder = workspace_path(args)
        if clearance.read_marker(folder) is not None:  # interrupted (or done): finish without the keys
            marker = clearance.finish(folder)
            emit(marker)
            print(messages.both("clearance_done", certificate=marker.get("certificate", "")), file=sys.stderr)
            return 0
    with open_workspace(args) as ws:
        if args.action == "ack":
            acknowledgement = clearance.acknowledge(ws, args.device, verify_files=not args.no_verify_files)
            out = clearance.write_ack(ws, acknowledgement, args.out, args.overwrite)
            emit({"out": str(out), **clearance.ack_to_json(acknowledgement)})
            return 0
        checked = clearance.check(ws, args.ack)
        if args.action == "check":
            emit(checked.to_json())
            if checked.ok:
                print(messages.both("clearance_check_ok"), file=sys.stderr)
                return 0
            print(messages.both("clearance_refused", missing=checked.summary()), file=sys.stderr)
            return 1
        if checked.ok and not args.yes:
            _confirm()
        marker = clearance.clear(ws, args.ack, args.certificate, overwrite=args.overwrite,
                                 use_system_fonts=None if args.system_fonts == "auto" else False)
    emit(marker)
    print(messages.both("clearance_done", certificate=marker["certificate"]), file=sys.stderr)
    return 0


def _confirm() -> None:
    if not sys.stdin.isatty():
        raise InvalidRequest("clearance_confirm_needed")
    print("清退将销毁本机密钥，工作区数据无法恢复。/ Clearing destroys this laptop's keys; its data cannot be "
          "recovered.", file=sys.stderr)
    answer = input("请输入“清退”确认 / type 清退 (or CLEAR) to confirm: ").strip()
    if answer not in ("清退", "CLEAR"):
        raise InvalidRequest("clearance_not_confirmed")
