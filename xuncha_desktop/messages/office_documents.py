"""Messages of the ledger's round trip (``xuncha ledger import``), the 巡察情况报告 and the 问题线索移交."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "import_too_large": ("文件 {path} 过大（约 {size} MB，上限 {limit} MB），未读取。",
                         "The file {path} is too large (about {size} MB, at most {limit} MB); it was not read."),
    "import_too_large_rows": ("文件 {path} 的行数超过 {limit} 行，未导入。",
                              "The file {path} has more than {limit} rows; nothing was imported."),
    "import_too_large_columns": ("文件 {path} 的列数超过 {limit} 列，未导入。",
                                 "The file {path} has more than {limit} columns; nothing was imported."),
    "import_no_header": ("文件 {path} 的前 10 行中没有表头（应含“记录编号”列）；请使用本程序导出的台账。",
                         "The file {path} has no header row (with a 记录编号 column) in its first 10 rows; "
                         "use a ledger this program exported."),
    "ledger_not_ours": ("文件 {path} 不是本程序导出的问题清单（整改台账），不能导入。",
                        "The file {path} is not a problem ledger this program exported; it cannot be imported."),
    "ledger_import_refused": ("共 {bad} 行有误，未修改任何问题；改正后重新导入。",
                              "{bad} rows are wrong: no problem was changed. Correct them and import again."),
    "ledger_import_done": ("已更新问题 {changed} 个（共 {rows} 行，{unchanged} 行无变化）。",
                           "Updated {changed} problems ({rows} rows, {unchanged} unchanged)."),
    "ledger_import_change": ("第 {row} 行（问题 {number}）{column}：“{old}” → “{new}”",
                             "Row {row} (problem {number}) {column}: '{old}' → '{new}'"),
    "ledger_import_checked": ("检查通过，未写入（--dry-run）：将更新问题 {changed} 个。",
                              "Checked, nothing written (--dry-run): {changed} problems would be updated."),
    "situation_report_twice": ("该轮次该单位已有巡察情况报告记录（{id}），请修改那一条。",
                               "This round and unit already have a situation report record ({id}); edit that one."),
    "transfer_clue_unit": ("线索“{clue}”不属于移交所涉单位或轮次，不能列入本次移交。",
                           "Clue '{clue}' is not of the transfer's unit or round; it cannot be listed in it."),
    "transfer_clue_status": ("线索“{clue}”处于“{status}”状态；只有“研判”中的线索可以移交。",
                             "Clue '{clue}' is '{status}'; only clues under analysis (研判) can be transferred."),
    "transfer_clue_twice": ("线索“{clue}”已列入移交“{transfer}”。",
                            "Clue '{clue}' is already in the transfer '{transfer}'."),
    "transfer_no_clues": ("移交清单中没有线索；请先选择要移交的线索。",
                          "The transfer lists no clue; choose the clues to transfer first."),
    "transfer_received": ("移交“{transfer}”已于 {at} 由 {by} 签收，不能再修改线索清单或重复签收。",
                          "The transfer '{transfer}' was received by {by} at {at}; its clues cannot change "
                          "and it cannot be received again."),
    "transfer_receipt_needs": ("登记签收须填写签收人和签收时间。",
                               "Recording the receipt needs who received it and when."),
    "transfer_receipt_done": ("已登记签收：{count} 条线索转为“移交”（接收单位：{body}）。",
                              "Receipt recorded: {count} clues are now transferred (to {body})."),
}
