"""Documents and ledgers: ``xuncha report feedback|interview|paper|supervision|situation|transfer``,
``xuncha ledger export|import``, ``xuncha petitions import``."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from xuncha_desktop import messages
from xuncha_desktop.cli.common import Handler, Subparsers, _Parser, emit, open_workspace
from xuncha_desktop.errors import InvalidRequest

ORDER = 40

DOCUMENTS = {"feedback": ("巡察反馈意见", "feedback report"), "interview": ("谈话记录", "interview record"),
             "paper": ("问题底稿", "working paper"), "supervision": ("整改督查报告", "supervision report"),
             "situation": ("巡察情况报告", "situation report"), "transfer": ("问题线索移交函", "clue transfer letter")}


def register(commands: Subparsers, common: _Parser) -> dict[str, Handler]:
    report = commands.add_parser("report", help="生成文书 / make a document (PDF, Word)", parents=[common])
    kinds = report.add_subparsers(dest="action", metavar="DOCUMENT", required=True, parser_class=_Parser)
    feedback = kinds.add_parser("feedback", help="巡察反馈意见（PDF 或 .docx）/ feedback report", parents=[common])
    feedback.add_argument("--unit", required=True, help="被巡察单位编号 / unit id")
    feedback.add_argument("--round", dest="round_id", help="巡察轮次编号（默认该单位最近一轮）/ round id")
    feedback.add_argument("--date", help="成文日期 YYYY-MM-DD（默认今天）/ date of issue")
    feedback.add_argument("--marking", help="密级或标注，如“内部资料 注意保存” / marking at the top left")
    for name, text in (("interview", "谈话记录 / interview record"), ("paper", "问题底稿 / working paper")):
        parser = kinds.add_parser(name, help=text, parents=[common])
        parser.add_argument("id", metavar="ID")
    kinds.choices["interview"].add_argument("--marking", help="密级，默认“机密”；空字符串表示不标 / marking, 机密 "
                                                              "unless given (\"\" for none)")
    supervision = kinds.add_parser("supervision", help="整改督查报告（PDF 或 .docx）/ supervision report",
                                   parents=[common])
    supervision.add_argument("--round", dest="round_id", required=True)
    supervision.add_argument("--date", help="成文日期 YYYY-MM-DD（默认今天）/ date of issue")
    situation = kinds.add_parser("situation", parents=[common],
                                 help="巡察情况报告（报巡察工作领导小组，PDF 或 .docx）/ situation report")
    situation.add_argument("--unit", required=True, help="被巡察单位编号 / unit id")
    situation.add_argument("--round", dest="round_id", help="巡察轮次编号（默认该单位最近一轮）/ round id")
    situation.add_argument("--date", help="成文日期 YYYY-MM-DD（默认今天）/ date of issue")
    situation.add_argument("--marking", help="密级或标注，如“机密”“内部” / marking at the top left")
    transfer = kinds.add_parser("transfer", parents=[common],
                                help="问题线索移交函及移交清单（PDF 或 .docx）/ clue transfer letter and list")
    transfer.add_argument("id", metavar="ID", help="问题线索移交记录编号 / clue transfer id")
    transfer.add_argument("--date", help="成文日期 YYYY-MM-DD（默认移交日期或今天）/ date of issue")
    transfer.add_argument("--marking", help="密级或标注，如“机密” / marking at the top left")
    for parser in (feedback, *[kinds.choices[n] for n in ("interview", "paper")], supervision, situation, transfer):
        parser.add_argument("--out", type=Path, required=True, help="输出文件 / output file")
        parser.add_argument("--overwrite", action="store_true", help="覆盖已有文件 / replace an existing file")
        parser.add_argument("--system-fonts", choices=("auto", "no"), default="auto",
                            help="auto：优先使用系统中的标准字体；no：只用内置字体 / prefer system fonts or not")

    ledger = commands.add_parser("ledger", help="问题清单/整改台账 / problem ledger (Excel)", parents=[common])
    ledger_actions = ledger.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    export = ledger_actions.add_parser("export", help="导出 Excel / export to Excel", parents=[common])
    export.add_argument("--round", dest="round_id", help="巡察轮次编号（可选，默认全部）/ round id (optional)")
    export.add_argument("--unit", dest="unit_id", help="被巡察单位编号（可选，默认全部）/ unit id (optional)")
    export.add_argument("--feedback-only", action="store_true", help="只导出列入反馈意见的问题")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--overwrite", action="store_true")
    back = ledger_actions.add_parser(
        "import", parents=[common],
        help="导入单位填报的台账（整改进展、措施、完成情况、完成日期）/ import the ledger the unit filled in")
    back.add_argument("file", type=Path)
    back.add_argument("--dry-run", action="store_true", help="只检查并列出将要修改的内容 / check and list only")

    petitions = commands.add_parser("petitions", help="信访台账 / petition ledger", parents=[common])
    petition_actions = petitions.add_subparsers(dest="action", metavar="ACTION", required=True,
                                                parser_class=_Parser)
    importing = petition_actions.add_parser("import", help="从 Excel 导入信访件 / import petitions from Excel",
                                            parents=[common])
    importing.add_argument("file", type=Path)
    importing.add_argument("--round", dest="round_id", help="归入的巡察轮次 / round the petitions belong to")
    importing.add_argument("--sheet", help="工作表名称（默认第一个）/ sheet name")
    importing.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                           help="列映射，可重复，如 来电号码=petitioner_contact / column mapping, repeatable")
    importing.add_argument("--good-rows", action="store_true",
                           help="有错误行时只导入正确的行 / import the good rows even if some are wrong")
    return {"report": cmd_report, "ledger": cmd_ledger, "petitions": cmd_petitions}


def _pages(path: Path) -> int:
    return len(re.findall(rb"/Type /Page[^s]", path.read_bytes())) if path.suffix.lower() == ".pdf" else 0


def cmd_report(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import publishing

    use_system = None if args.system_fonts == "auto" else False  # auto: system fonts unless XUNCHA_SHIPPED_FONTS=1
    issued = None
    if getattr(args, "date", None):
        try:
            issued = dt.date.fromisoformat(args.date)
        except ValueError:
            raise InvalidRequest("field_type", field="date", field_zh="成文日期", expected_zh="日期（如 2021-01-05）",
                                 expected_en="a date like 2021-01-05", value=args.date) from None
    with open_workspace(args) as ws:
        with ws.transaction() as session:
            if args.action == "feedback":
                document = publishing.feedback(session, args.unit, args.round_id, issued, args.marking, use_system)
            elif args.action == "interview":
                document = publishing.interview(session, args.id, use_system, args.marking)
            elif args.action == "paper":
                document = publishing.paper(session, args.id, use_system)
            elif args.action == "situation":
                document = publishing.situation(session, args.unit, args.round_id, issued, args.marking, use_system)
            elif args.action == "transfer":
                document = publishing.transfer(session, args.id, issued, args.marking, use_system)
            else:
                document = publishing.supervision(session, args.round_id, use_system, issued)
        out = document.write(args.out, args.overwrite)
    zh, en = DOCUMENTS[args.action]
    pages = _pages(out)
    print(messages.both("report_written", document_zh=zh, document=en, path=str(out), pages=pages), file=sys.stderr)
    emit({"document": args.action, "path": str(out), "pages": pages})
    return 0


def cmd_ledger(args: argparse.Namespace) -> int:
    from xuncha_desktop.services import publishing

    if args.action == "import":
        return _import_ledger(args)
    with open_workspace(args) as ws, ws.transaction() as session:
        document = publishing.ledger(session, args.round_id, args.unit_id, args.feedback_only)
    out = document.write(args.out, args.overwrite)
    print(messages.both("ledger_written", rows=document.rows, path=str(out)), file=sys.stderr)
    emit({"path": str(out), "rows": document.rows})
    return 0


def _import_ledger(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.ledgers import import_ledger

    if not args.file.is_file():
        raise InvalidRequest("file_missing", path=str(args.file))
    with open_workspace(args) as ws, ws.transaction() as session:
        report = import_ledger(session, args.file, apply=not args.dry_run)
    zh = messages.language() == "zh"
    for error in report.errors:
        print(messages.both("import_row_error", row=error.row, column=error.column, field=error.field,
                            message=error.message_zh if zh else error.message_en), file=sys.stderr)
    for row in report.changed:
        for change in row.changes:
            print(messages.both("ledger_import_change", row=row.row, number=row.number or row.problem_id,
                                column=change.column, old=change.old, new=change.new), file=sys.stderr)
    emit(report.to_json())
    if report.errors:
        print(messages.both("ledger_import_refused", bad=len(report.bad_rows)), file=sys.stderr)
        return 2
    if args.dry_run:
        print(messages.both("ledger_import_checked", changed=len(report.changed)), file=sys.stderr)
    else:
        print(messages.both("ledger_import_done", changed=len(report.changed), rows=report.rows,
                            unchanged=len(report.unchanged_rows)), file=sys.stderr)
    return 0


def parse_mapping(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        column, sep, target = item.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise InvalidRequest("import_mapping_syntax", text=item)
        mapping[column.strip()] = target.strip()
    return mapping


def cmd_petitions(args: argparse.Namespace) -> int:
    from xuncha_desktop.services.petition_import import import_petitions

    if not args.file.is_file():
        raise InvalidRequest("file_missing", path=str(args.file))
    mapping = parse_mapping(args.map)
    with open_workspace(args) as ws, ws.transaction() as session:
        report = import_petitions(session, args.file, mapping, args.round_id, args.good_rows, args.sheet)
    for error in report.errors:
        print(messages.both("import_row_error", row=error.row, column=error.column, field=error.field,
                            message=error.message_zh if messages.language() == "zh" else error.message_en),
              file=sys.stderr)
    emit(report.to_json())
    if report.errors and not args.good_rows:
        print(messages.both("import_refused", bad=len(report.skipped_rows),
                            good=report.rows - len(report.skipped_rows)), file=sys.stderr)
        return 2
    print(messages.both("import_done", imported=report.imported, rows=report.rows,
                        skipped=len(report.skipped_rows)), file=sys.stderr)
    return 0
