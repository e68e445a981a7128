"""``xuncha audit list|verify``: the audit log, and proof that no device's log was altered or cut short."""

from __future__ import annotations

import argparse
import sys
import uuid

from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, open_workspace
from xuncha_desktop.errors import InvalidRequest

ORDER = 55


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    audit = commands.add_parser("audit", help="审计日志 / the audit log", parents=[common])
    actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    listing = actions.add_parser("list", help="最近的审计记录 / the newest entries", parents=[common])
    listing.add_argument("--device", help="只看该设备 / of one device (id)")
    listing.add_argument("--person", help="只看该使用人的操作 / what one person did")
    listing.add_argument("--event", help="只看该操作（view、create、update…）/ of one action")
    listing.add_argument("--limit", type=int, default=100)
    actions.add_parser("verify", help="核验每台设备的审计日志完整、未被截短 / check every device's log is whole",
                       parents=[common])
    return {"audit": cmd_audit}


def cmd_audit(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import audit_log

    with open_workspace(args) as ws, ws.transaction() as session:
        if args.action == "list":
            try:
                device = uuid.UUID(args.device) if args.device else None
            except ValueError:
                raise InvalidRequest("bad_id", value=args.device) from None
            emit([{"device_id": str(e.device_id), "seq": e.seq, "at": e.at.isoformat(), "actor": e.actor,
                   "action": e.action, "kind": e.kind, "record_id": str(e.record_id) if e.record_id else None,
                   "detail": e.detail} for e in audit_log.entries(session, device, args.limit, args.person,
                                                                              args.event)])
            return 0
        report = audit_log.check(session, ws.info.device_id, ws.info.device_name,
                                 str(ws.public_keys["ed25519_public"]))
        emit({"ok": report.ok, "problems": report.problems,
              "devices": [{"device_id": str(d.device_id), "device_name": d.name, "entries": d.entries,
                           "signed_up_to": d.signed_up_to} for d in report.devices]})
        if not report.ok:
            print("审计日志有问题 / the audit log has problems", file=sys.stderr)
            return 1
    return 0
