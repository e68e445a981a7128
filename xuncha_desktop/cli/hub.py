"""``xuncha hub create|join|stations|retire``: the office hub on PostgreSQL and its stations (docs/hub.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from xuncha_desktop.cli.common import (
    Handler,
    Subparsers,
    _Parser,
    emit,
    open_workspace,
    passphrase,
    user_name,
    workspace_path,
)

ORDER = 12


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    hub = commands.add_parser("hub", help="办公室汇总库与工作站 / the office hub and its stations", parents=[common])
    actions = hub.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    create = actions.add_parser("create", parents=[common],
                                help="在空的 PostgreSQL 库中建立汇总库，本机为第一个工作站 / make the hub, "
                                     "this desk its first station")
    create.add_argument("--database", required=True, metavar="URL", help="postgresql+psycopg://用户@主机/库")
    create.add_argument("--device-name", required=True, help="汇总库名称，如 市委巡察办汇总库")
    create.add_argument("--station", required=True, help="本工作站名称，如 一号工作站")
    create.add_argument("--evidence-store", type=Path,
                        help="各工作站都能访问的共享证据文件夹 / the shared evidence folder every station reaches")
    join = actions.add_parser("join", parents=[common],
                              help="把本机登记为汇总库的工作站 / enrol this desk as a station of the hub")
    join.add_argument("--database", required=True, metavar="URL")
    join.add_argument("--station", required=True)
    actions.add_parser("stations", parents=[common], help="已登记的工作站 / the enrolled stations")
    retire = actions.add_parser("retire", parents=[common], help="停用工作站 / retire a station")
    retire.add_argument("station")
    return {"hub": cmd_hub}


def _station_json(station: object) -> dict[str, object]:
    return {name: str(getattr(station, name)) if name in ("id", "enrolled_at", "last_seen_at") else
            getattr(station, name) for name in ("id", "name", "user_name", "enrolled_at", "enrolled_by",
                                                "last_seen_at", "retired")}


def cmd_hub(args: argparse.Namespace) -> int:
    from xuncha_desktop import hub

    if args.action == "create":
        with hub.create(workspace_path(args), args.device_name, passphrase(args), args.database, args.station,
                        args.evidence_store, user_name(args)) as ws:
            emit({"workspace": str(ws.path), "device_id": str(ws.info.device_id), "station": ws.info.station_name,
                  "station_id": str(ws.info.station_id), "user": ws.user.name, "evidence": str(ws.evidence.root)})
        return 0
    if args.action == "join":
        with hub.join(workspace_path(args), args.database, args.station, passphrase(args), user_name(args)) as ws:
            emit({"workspace": str(ws.path), "station": ws.info.station_name, "station_id": str(ws.info.station_id),
                  "user": ws.user.name, "evidence": str(ws.evidence.root)})
        return 0
    with open_workspace(args) as ws:
        if args.action == "retire":
            emit({"retired": _station_json(hub.retire(ws, args.station))})
        else:
            emit({"stations": [_station_json(s) for s in hub.list_stations(ws)]})
    return 0
