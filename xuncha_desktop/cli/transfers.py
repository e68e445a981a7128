"""``xuncha transfer receive``: the receiving body signed for a 问题线索移交; its clues move to 移交.

A transfer is created and edited like any record (``xuncha records add clue_transfer``), and its letter is
``xuncha report transfer``.
"""

from __future__ import annotations

import argparse
import sys

from xuncha_desktop import messages
from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, open_workspace

ORDER = 41


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    transfer = commands.add_parser("transfer", help="问题线索移交 / clue transfers", parents=[common])
    actions = transfer.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    receive = actions.add_parser("receive", parents=[common],
                                 help="登记签收，线索转为“移交” / record the receipt; the clues become transferred")
    receive.add_argument("id", metavar="ID", help="问题线索移交记录编号 / clue transfer id")
    receive.add_argument("--by", required=True, help="签收人 / who received it")
    receive.add_argument("--at", help="签收时间，如 2020-07-02T10:00（默认现在）/ when (default now)")
    return {"transfer": cmd_transfer}


def cmd_transfer(args: argparse.Namespace) -> int:
    from xuncha_desktop import local_time
    from xuncha_desktop.db.enums import TransferRecipient
    from xuncha_desktop.services import transfers

    with open_workspace(args) as ws, ws.transaction() as session:
        record = transfers.receive(session, args.id, args.by, args.at)
        clues = list(record.clue_ids)
        result = {"id": str(record.id), "received_by": record.received_by,
                  "received_at": local_time.text(record.received_at), "clues": clues}
        body = TransferRecipient(record.recipient).zh
    print(messages.both("transfer_receipt_done", count=len(clues), body=body), file=sys.stderr)
    emit(result)
    return 0
