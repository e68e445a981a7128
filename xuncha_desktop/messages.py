"""The one catalogue of user-facing messages of the core (errors and command-line output).

Each message has a Chinese and an English text with the same ``{placeholders}``; the window translates
its own strings with Qt's system, and shows these through :func:`render` in the chosen language.
"""

from __future__ import annotations

import os
from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "wrong_passphrase": ("口令不正确，工作区未打开，未作任何改动。",
                         "Wrong passphrase: the workspace was not opened and nothing was changed."),
    "passphrase_missing": ("需要工作区口令：请用 --passphrase-file 文件 或环境变量 XUNCHA_PASSPHRASE 提供。",
                           "A passphrase is needed: give --passphrase-file FILE or set XUNCHA_PASSPHRASE."),
    "passphrase_too_short": ("口令至少需要 {minimum} 个字符。", "The passphrase needs at least {minimum} characters."),
    "passphrase_file_unreadable": ("无法读取口令文件 {path}：{reason}", "Cannot read the passphrase file {path}: {reason}"),
    "workspace_missing": ("工作区 {path} 不存在或尚未初始化；请先运行 xuncha init --device-name 名称。",
                          "No workspace at {path}; create one with xuncha init --device-name NAME."),
    "workspace_exists": ("工作区 {path} 已经存在，未作改动。", "A workspace already exists at {path}; nothing was changed."),
    "workspace_damaged": ("工作区 {path} 的文件已损坏：{reason}", "The workspace at {path} is damaged: {reason}"),
    "workspace_newer": ("工作区由更新版本的程序创建（数据库版本 {revision}），请升级程序后再打开。",
                        "The workspace was written by a newer program (schema {revision}); upgrade the program."),
    "disk_full": ("磁盘空间不足，操作已取消，数据未改动。", "The disk is full: the operation was cancelled and no data changed."),
    "database_error": ("数据库操作失败，未作改动：{reason}", "The database refused the operation; nothing changed: {reason}"),
    "internal_error": ("程序内部错误，未作改动（详情见工作区日志 logs/xuncha.log）：{reason}",
                       "Internal error; nothing changed (details in the workspace log, logs/xuncha.log): {reason}"),
    "io_error": ("文件读写失败：{reason}", "File error: {reason}"),
    "unknown_kind": ("未知的记录类型“{kind}”；可用类型：{kinds}。", "Unknown record kind '{kind}'; known kinds: {kinds}."),
    "not_found": ("找不到{kind_zh}记录 {id}。", "No {kind} record with id {id}."),
    "bad_id": ("“{value}”不是有效的记录编号（UUID）。", "'{value}' is not a record id (UUID)."),
    "bad_json": ("JSON 格式错误：{reason}", "Invalid JSON: {reason}"),
    "json_not_object": ("需要一个 JSON 对象（或对象数组）。", "A JSON object (or an array of objects) is needed."),
    "unknown_field": ("{kind_zh}没有字段“{field}”；可用字段：{fields}。",
                      "A {kind} has no field '{field}'; its fields are: {fields}."),
    "read_only_field": ("字段“{field_zh}”（{field}）由程序维护，不能直接修改。",
                        "Field {field} ({field_zh}) is maintained by the program and cannot be set."),
    "field_required": ("“{field_zh}”（{field}）不能为空。", "Field {field} ({field_zh}) is required."),
    "field_type": ("“{field_zh}”（{field}）应为{expected_zh}，收到 {value}。",
                   "Field {field} ({field_zh}) must be {expected_en}; got {value}."),
    "field_too_long": ("“{field_zh}”（{field}）最多 {maximum} 个字符。",
                       "Field {field} ({field_zh}) takes at most {maximum} characters."),
    "field_choice": ("“{field_zh}”（{field}）的值“{value}”无效；可选：{choices}。",
                     "Field {field} ({field_zh}): '{value}' is not one of: {choices}."),
    "field_ref_missing": ("“{field_zh}”（{field}）指向的{ref_zh}记录 {value} 不存在。",
                          "Field {field} ({field_zh}) names a {ref} record {value} that does not exist."),
    "end_before_start": ("“{field_zh}”（{field}）不能早于开始时间。", "Field {field} ({field_zh}) is before the start."),
    "interviewers_two": ("个别谈话须由两名以上人员进行：“谈话人”（interviewers）至少填写两人。",
                         "An interview needs two or more interviewers (field interviewers)."),
    "petitioner_required": ("署名信访须填写“信访人”（petitioner_name）；匿名信访请将 anonymous 设为 true。",
                            "A signed petition needs petitioner_name; set anonymous to true for an anonymous one."),
    "signed_locked": ("谈话记录已经被谈话对象签字确认，正文“{field_zh}”已锁定，不能修改。",
                      "The interviewee signed this record: field {field} is locked."),
    "initial_status": ("新建{kind_zh}的状态只能是“{status_zh}”（{status}）；请用状态变更推进。",
                       "A new {kind} starts as {status} ({status_zh}); move it on with status changes."),
    "bad_transition": ("{kind_zh}状态不能从“{from_zh}”变为“{to_zh}”；可变为：{allowed}。",
                       "A {kind} cannot move from {from_en} to {to_en}; allowed next: {allowed_en}."),
    "transition_needs": ("{kind_zh}变为“{to_zh}”时须填写“{field_zh}”（{field}）。",
                         "Moving a {kind} to {to_en} needs field {field} ({field_zh})."),
    "unit_name_taken": ("已有名为“{value}”的被巡察单位。", "A unit named '{value}' already exists."),
    "paper_exists": ("问题 {value} 已有底稿（一事一底稿）。", "Problem {value} already has a working paper."),
    "still_referenced": ("还有 {count} 条{other_zh}记录指向该{kind_zh}，不能删除；请先处理这些记录。",
                         "{count} {other} record(s) still point to this {kind}; it cannot be deleted."),
    "link_not_allowed": ("不能在{a_zh}与{b_zh}之间建立关联。", "A {a} cannot be linked to a {b}."),
    "link_self": ("记录不能与自身关联。", "A record cannot be linked to itself."),
    "filter_bad": ("筛选条件“{text}”应写作 字段=值。", "Filter '{text}' must be written FIELD=VALUE."),
    "vocabulary_unknown": ("未知的词表“{vocabulary}”；可用：{known}。", "Unknown vocabulary '{vocabulary}'; known: {known}."),
    "term_exists": ("词表“{vocabulary}”中已有代码“{code}”。", "Vocabulary {vocabulary} already has code {code}."),
    "evidence_no_file": ("证据“{title}”没有电子文件。", "Evidence '{title}' has no file."),
    "evidence_missing_blob": ("证据文件 {sha256} 不在证据库中。", "Evidence file {sha256} is missing from the store."),
    "evidence_damaged": ("证据文件 {sha256} 已损坏或被篡改。", "Evidence file {sha256} is damaged or altered."),
    "file_missing": ("文件 {path} 不存在或无法读取。", "File {path} does not exist or cannot be read."),
    "output_exists": ("输出文件 {path} 已存在；未覆盖。", "Output file {path} exists; it was not overwritten."),
    "cancelled": ("操作已取消，数据未改动。", "Cancelled; no data changed."),
    "round_required": ("请指定巡察轮次（--round）。", "Name a round with --round."),
}

_ENGLISH = ("en", "en_US", "en_GB", "C")


def language() -> str:
    """``zh`` or ``en``: XUNCHA_LANG if set, Chinese otherwise (the users' language)."""
    chosen = os.environ.get("XUNCHA_LANG", "zh")
    return "en" if chosen.split(".")[0] in _ENGLISH else "zh"


def render(key: str, lang: str | None = None, **values: object) -> str:
    zh, en = MESSAGES[key]
    return (en if (lang or language()) == "en" else zh).format(**values)


def both(key: str, **values: object) -> str:
    """Chinese and English together, for the command line and the log read by either reader."""
    zh, en = MESSAGES[key]
    return f"{zh.format(**values)} / {en.format(**values)}"
