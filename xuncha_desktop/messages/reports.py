"""Messages of documents and ledgers: reports, Excel export and the petition import."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "report_written": ("已生成{document_zh}（{document}）：{path}（{pages} 页）。",
                       "Wrote the {document} ({document_zh}): {path} ({pages} pages)."),
    "report_bad_suffix": ("输出文件须为 {suffixes} 格式：{path}", "The output file must be {suffixes}: {path}"),
    "report_no_round": ("单位 {unit} 未被任何巡察轮次巡察，请用 --round 指定轮次。",
                        "Unit {unit} is not inspected in any round; name one with --round."),
    "report_not_supervision": ("轮次“{name}”不是整改督查轮次，无法生成整改督查报告。",
                               "Round '{name}' is not a rectification supervision: no supervision report."),
    "ledger_written": ("已导出问题清单（整改台账）{rows} 条：{path}", "Exported {rows} problems to the ledger {path}."),
    "import_unreadable": ("无法读取 Excel 文件 {path}：{reason}", "Cannot read the Excel file {path}: {reason}"),
    "import_no_sheet": ("工作簿中没有工作表“{sheet}”；现有：{sheets}。", "The workbook has no sheet '{sheet}'; it has: {sheets}."),
    "import_bad_mapping": ("列映射“{column}={field}”无效：{field} 不是信访件字段；可用：{fields}。",
                           "Column mapping '{column}={field}': {field} is not a petition field; fields: {fields}."),
    "import_no_column": ("工作表中没有列“{column}”；现有列：{columns}。", "The sheet has no column '{column}'; its columns: {columns}."),
    "import_missing_columns": ("工作表缺少必填字段的列：{fields}；请用 --map 列名=字段 指定。",
                               "The sheet lacks columns for required fields: {fields}; map them with --map COLUMN=FIELD."),
    "import_mapping_syntax": ("列映射“{text}”应写作 列名=字段。", "Column mapping '{text}' must be written COLUMN=FIELD."),
    "import_row_error": ("第 {row} 行“{column}”（{field}）：{message}", "Row {row}, column '{column}' ({field}): {message}"),
    "import_refused": ("共 {bad} 行有误，未导入任何信访件；改正后重新导入，或加 --good-rows 只导入正确的 {good} 行。",
                       "{bad} rows are wrong: nothing was imported. Correct them, or add --good-rows to import the {good} good rows."),
    "import_done": ("已导入信访件 {imported} 件（共 {rows} 行，跳过 {skipped} 行）。",
                    "Imported {imported} petitions ({rows} rows, {skipped} skipped)."),
}
