"""``xuncha sync`` (export, import, conflicts, resolve, history) and ``xuncha keys`` (show, export, trust)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, json_input, open_workspace
from xuncha_desktop.errors import InvalidRequest

if TYPE_CHECKING:
    from xuncha_desktop.sync.keyfile import PublicKeys

ORDER = 40


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    sync = commands.add_parser("sync", help="同步包 / sync packages", parents=[common])
    actions = sync.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    export = actions.add_parser("export", help="导出同步包 / write a package", parents=[common])
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--to", type=Path, metavar="KEYFILE", help="接收方公钥文件 / the receiver's public key file")
    export.add_argument("--package-passphrase-file", type=Path, metavar="F",
                        help="用口令加密同步包 / protect the package with the passphrase in F")
    export.add_argument("--all", action="store_true", help="导出全部记录 / everything, not only what is new")
    imp = actions.add_parser("import", help="导入同步包 / import a package", parents=[common])
    imp.add_argument("file", type=Path)
    imp.add_argument("--package-passphrase-file", type=Path, metavar="F")
    imp.add_argument("--dry-run", action="store_true", help="只检查不导入 / check and count, change nothing")
    conflicts = actions.add_parser("conflicts", help="冲突列表 / open conflicts", parents=[common])
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--all", action="store_true", help="包括已处理的 / settled ones too")
    resolve = actions.add_parser("resolve", help="处理冲突 / settle a conflict", parents=[common])
    resolve.add_argument("id")
    resolve.add_argument("--keep", choices=("local", "incoming"))
    resolve.add_argument("--value", metavar="JSON")
    actions.add_parser("history", help="同步包记录 / packages sent and received", parents=[common])

    keys = commands.add_parser("keys", help="设备公钥 / device keys", parents=[common])
    key_actions = keys.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    key_actions.add_parser("show", help="显示本设备公钥与受信任设备 / this device's keys, trusted devices",
                           parents=[common])
    exp = key_actions.add_parser("export-public", help="导出本设备公钥 / write this device's public keys",
                                 parents=[common])
    exp.add_argument("--out", type=Path, required=True)
    tr = key_actions.add_parser("trust", help="信任另一设备的公钥 / trust another device's keys", parents=[common])
    tr.add_argument("file", type=Path)
    tr.add_argument("--yes", action="store_true",
                    help="已与对方核对安全码，不再询问 / the safety number was compared with the other device's")
    tr.add_argument("--office", action="store_true",
                    help="对方是巡察办：信访人身份信息也加密发给它 / the device is the office: identities are sealed "
                         "to it too")
    tr.add_argument("--reads-identities", action="store_true",
                    help="（巡察办）指定对方可读信访人身份信息：发给它的同步包附上加密给它的身份信息 / (the office) "
                         "name the device as a reader of identities: packages to it carry them sealed to it")
    return {"sync": cmd_sync, "keys": cmd_keys}


def _read_secret(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise InvalidRequest("passphrase_file_unreadable", path=str(path), reason=exc.strerror) from exc


def _progress(done: int, total: int) -> None:
    if total and sys.stderr.isatty():
        print(f"\r… {done * 100 // max(total, 1)}%", end="", file=sys.stderr)


def cmd_sync(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import sync

    with open_workspace(args) as ws:
        if args.action == "export":
            secret = _read_secret(args.package_passphrase_file) if args.package_passphrase_file else None
            emit(sync.export(ws, args.out, args.to, secret, args.all, _progress))
        elif args.action == "import":
            secret = _read_secret(args.package_passphrase_file) if args.package_passphrase_file else None
            emit(sync.import_(ws, args.file, secret, args.dry_run, _progress).to_json())
        elif args.action == "conflicts":
            from xuncha_desktop.services.sync import conflict_to_json

            with ws.transaction() as session:
                found = [conflict_to_json(session, c) for c in sync.conflicts(session, args.all)]
            if args.json or not sys.stdout.isatty():
                emit(found)
            else:
                for item in found:
                    print(f"{item['id']}  {item['table']} {item['record_id']} {item['field']}\n"
                          f"    本机 local:    {json.dumps(item['local']['value'], ensure_ascii=False)}\n"
                          f"    传入 incoming: {json.dumps(item['incoming']['value'], ensure_ascii=False)}")
        elif args.action == "resolve":
            from xuncha_desktop.services.sync import conflict_to_json

            if (args.keep is None) == (args.value is None):
                raise InvalidRequest("conflict_keep_bad")
            with ws.transaction() as session:
                if args.value is not None:
                    settled = sync.resolve(session, args.id, value=json_input(args.value, None), use_value=True)
                else:
                    settled = sync.resolve(session, args.id, keep=args.keep)
                emit(conflict_to_json(session, settled))
        else:
            with ws.transaction() as session:
                emit([{"id": str(p.id), "direction": p.direction, "device_id": str(p.device_id), "peer": p.peer,
                       "file": p.file_name, "at": p.at.isoformat(), "changes": p.changes,
                       "evidence_files": p.evidence_files, "bytes": p.bytes} for p in sync.history(session)])
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import sync

    with open_workspace(args) as ws:
        own = sync.own_keys(ws)
        if args.action == "show":
            with ws.transaction() as session:
                emit({"device": {**ws.public_keys, "owner": own.owner, "fingerprint": own.fingerprint},
                      "trusted": [{"device_id": str(d.device_id), "device_name": d.device_name,
                                   "fingerprint": sync.device_fingerprint(d),
                                   "ed25519_public": d.ed25519_public, "age_recipient": d.age_recipient,
                                   "trusted_at": d.trusted_at.isoformat(), "trusted_by": d.trusted_by,
                                   "office": d.office, "reads_identities": d.reads_identities}
                                  for d in sync.trusted(session)]})
        elif args.action == "export-public":
            if args.out.exists():
                raise InvalidRequest("output_exists", path=str(args.out))
            document = sync.keyfile_document(ws)
            args.out.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
            emit({"out": str(args.out), **document, "fingerprint": own.fingerprint})
        else:
            keys = sync.read_keyfile(args.file)
            if not args.yes:
                _confirm_fingerprint(keys)
            with ws.transaction() as session:
                device = sync.trust(session, ws, keys, office=args.office, reads_identities=args.reads_identities)
                emit({"device_id": str(device.device_id), "device_name": device.device_name,
                      "fingerprint": keys.fingerprint, "trusted": True, "office": device.office,
                      "reads_identities": device.reads_identities})
    return 0


def _confirm_fingerprint(keys: PublicKeys) -> None:
    """Shows the key file's safety number and asks whether the other device shows the same; a key file
    swapped on the way (a USB drive, a chat) shows other digits. Without a terminal to ask: --yes."""
    if not sys.stdin.isatty():
        raise InvalidRequest("key_confirm_needed", device=keys.device_name, fingerprint=keys.fingerprint)
    owner = f"（{keys.owner}）" if keys.owner else ""
    print(f"设备 / device: {keys.device_name}{owner}\n安全码 / safety number: {keys.fingerprint}\n"
          "请与对方屏幕上 `xuncha keys show` 的安全码逐组核对 / compare it group by group with what "
          "`xuncha keys show` prints on that device.", file=sys.stderr)
    answer = input("一致吗？/ Do they match? [y/N] ").strip().lower()
    if answer not in ("y", "yes", "是"):
        raise InvalidRequest("key_not_confirmed", device=keys.device_name)
