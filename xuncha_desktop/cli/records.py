"""``xuncha records``: add, get, list, update, delete and link records of every kind."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, json_input, objects, open_workspace
from xuncha_desktop.errors import InvalidRequest, XunchaError

ORDER = 20


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    records = commands.add_parser("records", help="记录的增删改查 / add, read, change and link records",
                                  parents=[common])
    actions = records.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    add = actions.add_parser("add", help="新增 / add", parents=[common])
    add.add_argument("kind", metavar="KIND", help="记录类型，如 interview、problem（写错时列出全部）/ record kind")
    source = add.add_mutually_exclusive_group(required=True)
    source.add_argument("--json", dest="json_text", help="JSON 对象或数组 / a JSON object or array")
    source.add_argument("--file", type=Path, help="JSON 文件 / a JSON file")
    get = actions.add_parser("get", help="查看 / show one", parents=[common])
    get.add_argument("kind", metavar="KIND")
    get.add_argument("id", metavar="ID")
    listing = actions.add_parser("list", help="列表 / list", parents=[common])
    listing.add_argument("kind", metavar="KIND")
    listing.add_argument("--filter", action="append", default=[], metavar="FIELD=VALUE",
                         help="筛选，可重复；也可用 >= <= != / filter, repeatable")
    listing.add_argument("--search", help="全文检索 / full-text search")
    listing.add_argument("--limit", type=int, help="最多条数 / at most N records")
    listing.add_argument("--offset", type=int, default=0)
    listing.add_argument("--order", action="append", metavar="FIELD", help="排序字段，前加 - 为倒序")
    update = actions.add_parser("update", help="修改 / change", parents=[common])
    update.add_argument("kind", metavar="KIND")
    update.add_argument("id", metavar="ID")
    update.add_argument("--json", dest="json_text", required=True)
    delete = actions.add_parser("delete", help="删除（留存删除标记）/ delete (tombstone)", parents=[common])
    delete.add_argument("kind", metavar="KIND")
    delete.add_argument("id", metavar="ID")
    for name, text in (("link", "关联 / link two records"), ("unlink", "取消关联 / unlink")):
        linking = actions.add_parser(name, help=text, parents=[common])
        linking.add_argument("kind_a", metavar="KIND")
        linking.add_argument("id_a", metavar="ID")
        linking.add_argument("kind_b", metavar="KIND")
        linking.add_argument("id_b", metavar="ID")

    return {"records": cmd_records}


def cmd_records(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import links
    from xuncha_desktop.services.declarations import take_warnings
    from xuncha_desktop.services.kinds import service_for
    from xuncha_desktop.services.records import Filter

    if args.action in ("link", "unlink"):
        service_for(args.kind_a)
        service_for(args.kind_b)
    else:
        service = service_for(args.kind)
    raw = json_input(args.json_text, args.file) if args.action == "add" else None
    data = objects(raw) if args.action == "add" else None
    patch = json_input(args.json_text, None) if args.action == "update" else None
    if args.action == "update" and not isinstance(patch, dict):
        raise InvalidRequest("json_not_object")
    filters = [Filter.parse(text) for text in getattr(args, "filter", [])]
    with open_workspace(args) as ws, ws.transaction() as session:
        if args.action == "add":
            assert data is not None
            created = []
            for number, item in enumerate(data, 1):
                try:
                    created.append(service.create(session, item))
                except XunchaError as exc:
                    if len(data) > 1:
                        print(f"第 {number} 条 / item {number}:", file=sys.stderr)
                    raise exc
            result: Any = [service.to_dict(session, r) for r in created]
            emit(result if isinstance(raw, list) else result[0])
        elif args.action == "get":
            emit(service.to_dict(session, service.read(session, args.id)))
        elif args.action == "list":
            found = service.find(session, filters, args.search, args.limit, args.offset, args.order)
            emit([service.to_dict(session, r) for r in found])
        elif args.action == "update":
            assert isinstance(patch, dict)
            emit(service.to_dict(session, service.update(session, args.id, patch)))
        elif args.action == "delete":
            record = service.delete(session, args.id)
            emit({"id": str(record.id), "kind": args.kind, "deleted": True})
        elif args.action == "link":
            made = links.link(session, args.kind_a, args.id_a, args.kind_b, args.id_b)
            emit({"id": str(made.id), "relation": made.relation, "from_kind": made.from_kind,
                   "from_id": str(made.from_id), "to_kind": made.to_kind, "to_id": str(made.to_id)})
        else:
            first, second = service_for(args.kind_a).get(session, args.id_a), \
                service_for(args.kind_b).get(session, args.id_b)
            emit({"unlinked": links.unlink(session, args.kind_a, first.id, args.kind_b, second.id)})
        for warning in take_warnings(session):  # 回避: the write went ahead; say why it may not have to
            print(warning.text(), file=sys.stderr)
    return 0
