"""``xuncha evidence``: add a file as evidence, write one back out."""

from __future__ import annotations

import argparse
from pathlib import Path

from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, json_input, open_workspace
from xuncha_desktop.errors import InvalidRequest

ORDER = 30


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    evidence = commands.add_parser("evidence", help="证据文件 / evidence files", parents=[common])
    ev_actions = evidence.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    ev_add = ev_actions.add_parser("add", help="加入证据文件 / add a file", parents=[common])
    ev_add.add_argument("file", type=Path)
    ev_add.add_argument("--title")
    ev_add.add_argument("--json", dest="json_text", help="其他字段 / other fields as a JSON object")
    ev_add.add_argument("--link", action="append", default=[], metavar="KIND:ID")
    ev_extract = ev_actions.add_parser("extract", help="导出证据文件 / write the file out", parents=[common])
    ev_extract.add_argument("id")
    ev_extract.add_argument("--out", type=Path, required=True)

    return {"evidence": cmd_evidence}


def cmd_evidence(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.evidence import service

    with open_workspace(args) as ws:
        if args.action == "add":
            data = json_input(args.json_text, None) if args.json_text else {}
            if not isinstance(data, dict):
                raise InvalidRequest("json_not_object")
            if args.title:
                data["title"] = args.title
            targets = []
            for text in args.link:
                kind, _, record_id = text.partition(":")
                if not record_id:
                    raise InvalidRequest("filter_bad", text=text)
                targets.append((kind, record_id))
            if not args.file.is_file():
                raise InvalidRequest("file_missing", path=str(args.file))
            with ws.transaction() as session:
                record = service.add_file(session, ws.evidence, args.file, data, targets)
                emit(service.to_dict(session, record))
        else:
            with ws.transaction() as session:
                record = service.extract(session, ws.evidence, args.id, args.out)
                emit({"id": str(record.id), "sha256": record.sha256, "out": str(args.out)})
    return 0
