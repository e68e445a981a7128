# ruff: noqa: E501  (one translation per line reads best)
"""Fills the English translations into xuncha_en.ts after `pyside6-lupdate`, then run `pyside6-lrelease`.

    .venv/bin/pyside6-lupdate xuncha_desktop/ui/*.py -ts resources/translations/xuncha_en.ts \
        -source-language zh_CN -target-language en_US
    .venv/bin/python resources/translations/fill_en.py
    .venv/bin/pyside6-lrelease resources/translations/xuncha_en.ts -qm resources/translations/xuncha_en.qm

A source text missing here is left "unfinished" (shown in Chinese) and reported; tests/ui/test_translations.py
fails on it.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

EN = {
    # the idle lock (ui/idle_lock.py)
    "已锁定": "Locked",
    "已锁定，请在主窗口输入口令解锁。": "Locked: type the passphrase in the main window to unlock.",
    "请输入 %1 的口令以继续。": "Type the passphrase of %1 to go on.",
    "解锁": "Unlock",
    "正在核对口令…": "Checking the passphrase…",
    # 新建记录 (Ctrl+N) on a page without a list
    "新建哪一类记录？": "Which kind of record?",
    # the safety number on the 同步 page
    "安全码": "Safety number", "其他设备信任本机前，请对方核对此安全码": "Before another device trusts this one, its user compares this safety number",
    "核对安全码": "Compare the safety number", "设备“%1”%2的安全码：": "Safety number of device “%1”%2:",
    "（使用人：%1）": " (user: %1)",
    "请对方打开其“同步”页，逐组核对“本机设备”中的安全码（当面、电话或纸面均可）。完全一致才信任；不一致说明公钥文件可能在传递中被调换。": "Ask the other device's user to open its Sync page and compare the safety number under This device, group by group (in person, by phone or on paper). Trust only if it matches exactly; a difference means the key file may have been swapped on the way.",
    "一致，信任": "They match, trust", "不一致": "They differ",
    "安全码未确认，没有信任设备“%1”。": "The safety number was not confirmed; device “%1” was not trusted.",
    # the 文书 menu of the main window
    "文书(&D)": "&Documents", "文书": "Documents", "巡察反馈意见": "Feedback report",
    "巡察反馈意见…": "Feedback report…", "整改督查报告": "Supervision report", "整改督查报告…": "Supervision report…",
    "所选记录的文书（谈话记录、问题底稿）": "Document of the selected record (interview record, working paper)",
    "文书字体": "Document fonts", "文书字体…": "Document fonts…", "没有可选的记录。": "There is nothing to choose from.",
    "被巡察单位：": "Inspected unit:", "巡察轮次：": "Round:", "整改督查轮次：": "Supervision round:",
    "（该单位最近一轮）": "(the unit's latest round)", "谈话记录": "Interview record",
    "请先在“个别谈话”或“问题底稿”列表中选中一条记录。":
        "First select a record in the Interviews or Working papers list.",
    "请先选中一条记录。": "First select a record.",
    "巡察轮次": "Round", "全部轮次": "All rounds", "数量": "Figures", "被巡察单位": "Units",
    "个别谈话": "Interviews", "信访件": "Petitions", "问题线索": "Clues", "问题": "Problems",
    "列入反馈": "In feedback", "整改到位": "Rectified", "逾期未整改": "Overdue",
    "逾期未整改的问题（双击打开）": "Overdue problems (double-click to open)", "问题编号": "Number",
    "问题表述": "Statement", "整改时限": "Deadline", "整改状态": "Status",
    "线索：%1\n全部问题：%2": "Clues: %1\nAll problems: %2", "反馈问题已整改": "Fed back, rectified",
    "列入反馈的问题中整改到位的数量（整改率 = 此数 ÷ 列入反馈）": "Problems in the feedback that are rectified (the rectification rate is this ÷ in feedback)", "问题按类别": "Problems by category", "问题数": "Problems",
    "各单位整改进度": "Rectification by unit", "未完成": "Not finished", "添加文件…": "Add files…",
    "添加文件（也可把文件拖到此处）": "Add files (or drop them here)",
    "把文件拖到此处即可登记为证据材料；回车或双击查看文件":
        "Drop files here to register them as evidence; Enter or double-click shows a file",
    "选择证据文件": "Choose evidence files", "正在加密保存 %1 …": "Encrypting and storing %1 …",
    "未能添加": "Not added", "多个姓名以“、”分隔": "Separate names with “、” or commas",
    "插入谈话提纲…": "Insert an outline…", "插入时间 (Ctrl+T)": "Insert time (Ctrl+T)",
    "谈话对象签字…": "Signed by interviewee…", "草稿已自动保存 %1": "Draft autosaved %1",
    "已恢复上次未保存的草稿（%1）。保存后草稿删除。":
        "The unsaved draft of %1 was restored. Saving the record removes the draft.",
    "已保存": "Saved", "选择签字后的谈话记录扫描件（可不选）": "Choose the scan of the signed record (optional)",
    "取消": "Cancel", "请稍候": "Please wait", "添加关联": "Add link", "输入关键词检索": "Type words to search",
    "在本列表中检索": "Search this list", "全部单位": "All units", "全部状态": "All statuses",
    "不能按“%1”排序（数据多时会很慢），请用上方的筛选缩小范围": "Cannot sort by “%1” (slow on long lists); narrow the list with the filters above",
    "全部类别": "All categories", "新建": "New", "新建 (Ctrl+N)": "New (Ctrl+N)", "打开": "Open", "不限": "any",
    "共 %n 条": "%n record(s)", "巡察外业桌面端 — 打开工作区": "Xuncha desktop — open a workspace",
    "巡察外业桌面端": "Xuncha desktop", "浏览…": "Browse…", "工作区文件夹": "Workspace folder",
    "口令": "Passphrase", "新建工作区": "Create a new workspace", "如：第六巡察组-笔记本1": "e.g. Group 6 laptop 1",
    "再次输入口令": "Passphrase again", "设备名称": "Device name", "使用人": "User", "新建并打开": "Create and open",
    "选择工作区文件夹": "Choose the workspace folder", "两次输入的口令不一致。": "The two passphrases differ.",
    "笔记本": "Laptop", "正在解锁工作区…": "Unlocking the workspace…", "巡察外业桌面端 — %1": "Xuncha desktop — %1",
    "工作台": "Dashboard", "轮次与单位": "Rounds and units", "证据材料": "Evidence", "问题底稿": "Working papers",
    "问题与整改": "Problems", "同步": "Sync", "文件(&F)": "&File", "新建记录": "New record",
    "添加证据文件…": "Add evidence files…", "刷新": "Refresh", "退出": "Quit", "查找(&S)": "&Search",
    "全局检索": "Search everything", "视图(&V)": "&View", "帮助(&H)": "&Help",
    "关于": "About", "工具栏": "Toolbar", "检索全部记录 (Ctrl+F)": "Search all records (Ctrl+F)",
    "工作区：%1": "Workspace: %1", "设备：%1": "Device: %1", "使用人：%1": "User: %1", "恢复草稿": "Restore drafts",
    "发现 %n 份未保存的谈话记录草稿（程序上次可能意外退出）。现在恢复吗？":
        "Found %n unsaved interview draft(s) (the program may have stopped unexpectedly). Restore now?",
    "有未保存的草稿": "Unsaved drafts",
    "界面语言将在下次启动时切换。": "The language changes at the next start.",
    "巡察外业桌面端\n离线、加密的巡察外业记录程序。": "Xuncha desktop\nOffline, encrypted records of inspection work.",
    "关联记录（双击打开；可从列表拖入）": "Linked records (double-click to open; drag rows here from a list)", "类型": "Kind", "关系": "Relation",
    "记录": "Record", "添加关联…": "Add link…", "取消关联": "Remove link", "保存": "Save", "保存 (Ctrl+S)": "Save (Ctrl+S)",
    "删除": "Delete", "关闭": "Close", "新建%1": "New %1", "请更正标红的项目。": "Please correct the fields marked in red.",
    "确定删除这条记录吗？": "Delete this record?", "状态：%1": "Status: %1", "提出": "raised", "佐证": "supported by",
    "依据": "based on", "延续自": "carried over from", "重复件": "repeats", "巡察": "inspects", "附件": "attachment",
    "材料": "material", "检索：%1": "Search: %1", "找到 %n 条记录": "%n record(s) found", "摘录": "Excerpt",
    # ui/search_dialog.py (search grouped by kind, issue 9)
    "没有找到包含“%1”的记录。": "No record holds “%1”.", "：%1": ": %1",
    "显示更多（还有 %n 条）…": "Show more (%n left)…", "显示更多（还有 %n 条以上）…": "Show more (over %n left)…",
    "找到 %n 条以上记录": "Over %n records found",
    # ui/editor.py (the link picker keeps to the unit and round)
    "只显示本单位、本轮次的记录": "Only this unit's and this round's records",
    "关联其他单位的记录": "Link a record of another unit",
    "所选记录属于另一被巡察单位（%1）。仍要关联吗？": "The record belongs to another unit (%1). Link it anyway?",
    # ui/editor.py (validation that names every missing field)
    "请填写“%1”。": "Please fill in “%1”.", "有 %n 个必填项目未填写，已标红。": "%n required field(s) left empty, marked in red.",
    # ui/sync_page.py (where identities go, asked with the safety number)
    "允许该设备读取信访人身份（由本机加密给它）": "Let this device read petitioners' identities (sealed to it here)",
    "这是巡察办的设备：登记的信访人身份也加密给它": "This is the office's device: identities registered here are sealed to it too",
    # ui/pages.py (the dashboard says which units it charts)
    "各单位整改进度（未完成最多的 %1 个单位，共 %2 个）": "Rectification by unit (the %1 with most open problems, of %2)",
    # ui/help_dialogs.py (关于, 快捷键)
    "快捷键…": "Keyboard shortcuts…", "关于…": "About…", "快捷键": "Keyboard shortcuts",
    "<b>巡察外业桌面端</b> %1": "<b>Xuncha desktop</b> %1", "离线、加密的巡察外业记录程序。":
        "Offline, encrypted records of inspection work.", "Python %1 · Qt %2 · PySide6 %3": "Python %1 · Qt %2 · PySide6 %3",
    "（软件包未注明，见其主页）": "(not stated by the package: see its home page)", "组件": "Component",
    "版本": "Version", "许可证": "Licence", "主页": "Home page", "字体": "Font", "许可证文本": "Licence text",
    "程序库": "Libraries", "主窗口": "Main window", "记录表单": "Record form",
    "关闭（有未保存的修改时先询问）": "Close (asks first when there are unsaved changes)",
    "下一个问题（问N：）": "Next question (Q N:)", "回答（答：）": "Answer (A:)",
    "插入时间": "Insert the time", "谈话提纲": "Outline", "收起/展开谈话信息": "Fold or unfold the details",
    "证据查看": "Evidence viewer", "上一页 / 下一页": "Previous / next page", "放大 / 缩小": "Zoom in / out",
    "位置": "Where", "按键": "Keys",
    "作用": "Does",
    # ui/office_files.py (ledger export, petition import from the window)
    "导出问题清单/整改台账": "Export the problem ledger", "导出问题清单/整改台账…": "Export the problem ledger…",
    "导入信访台账…": "Import a petition ledger…", "导入信访台账": "Import a petition ledger",
    "只导出列入反馈意见的问题": "Only the problems in the feedback", "全部": "all",
    "问题清单": "problem-ledger", "Excel 工作簿 (*.xlsx)": "Excel workbook (*.xlsx)",
    "已导出 %1 个问题到 %2。": "%1 problems exported to %2.", "（不归入轮次）": "(no round)",
    "只导入正确的 %1 行": "Import only the %1 good rows", "正在导入 %1 …": "Importing %1 …",
    "已导入 %1 件信访件（共 %2 行，跳过 %3 行）。": "%1 petitions imported (%2 rows, %3 skipped).",
    "归入巡察轮次：": "Round:",
    "%1 行中有 %2 行不符合录入规则，未导入任何一行：": "%2 of %1 rows break the rules of input; no row was imported:",
    "第 %1 行“%2”列：%3": "Row %1, column “%2”: %3", "……另有 %1 处": "… and %1 more",
    # ui/interview_editor.py (the record takes the height)
    "收起/展开谈话信息 (Ctrl+Shift+H)": "Fold or unfold the interview's details (Ctrl+Shift+H)",
    "（谈话信息未填）": "(details not filled in)",
    "改为“%1”": "Change to “%1”", "备注": "Remark", "确认改为此状态？": "Change to this status?",
    # ui/font_settings.py, ui/report_preview.py (documents, issue 5)
    "标题": "Title", "正文": "Body", "一级标题": "First-level heading", "二级标题": "Second-level heading",
    "页码": "Page numbers", "系统字体": "System font", "内置字体": "Bundled font",
    "文书按公文格式排版，每种用途使用规定的字体。程序先在本机字体文件夹中查找标准字体文件（方正小标宋简体、仿宋_GB2312、黑体、"
    "楷体_GB2312、宋体），找不到或无法嵌入时，使用随程序提供的开源字体代替。生成的 PDF 嵌入所用字体，在任何电脑上显示和打印都一样。":
        "Documents follow the official-document format, with the prescribed font for each use. The program first "
        "looks for the standard font files in this computer's font folders (FZXiaoBiaoSong, FangSong_GB2312, "
        "SimHei, KaiTi_GB2312, SimSun); where one is missing or cannot be embedded, a bundled open-source font "
        "takes its place. The PDF embeds the fonts it uses, so it shows and prints the same on any computer.",
    "用途": "Use", "规定字体": "Prescribed font", "实际使用的字体": "Font used", "字体文件": "Font file",
    "用加粗笔画模拟的标题字体": "Title font simulated with emboldened strokes",
    "未能生成文书：%1": "The document could not be made: %1", "预览：%1": "Preview: %1", "缩小 (-)": "Zoom out (-)",
    "放大 (+)": "Zoom in (+)", "适合宽度": "Fit width", "保存为 PDF…": "Save as PDF…",
    "保存为 PDF (Ctrl+S)": "Save as PDF (Ctrl+S)", "另存为 Word…": "Save as Word…",
    "另存为可编辑的 Word 文档（.docx）": "Save as an editable Word document (.docx)", "打印…": "Print…",
    "打印 (Ctrl+P)": "Print (Ctrl+P)", "第 %1 页 共 %2 页": "Page %1 of %2", "文件已存在": "File exists",
    "“%1”已存在。要替换它吗？": "“%1” exists. Replace it?", "保存为 PDF": "Save as PDF",
    "PDF 文件 (*.pdf)": "PDF files (*.pdf)", "未能保存": "Not saved", "未能保存“%1”：%2": "“%1” was not saved: %2",
    "已保存：%1": "Saved: %1", "另存为 Word": "Save as Word", "Word 文档 (*.docx)": "Word documents (*.docx)",
    "正在生成 Word 文档…": "Making the Word document…", "打印": "Print", "未能打印": "Not printed",
    "无法开始打印，请检查打印机。": "Printing could not start; please check the printer.",
    "已送去打印：%1 页": "Sent to the printer: %1 page(s)", "未能生成文书": "The document could not be made",
    "草稿已自动保存（未保存到数据库）": "Draft autosaved (not yet saved to the database)", "来源": "Source",
    "显示": "Show", "整改过程": "Rectification history", "状态变化": "Status change", "记录人": "Recorded by", "保密信息：仅在需要时显示": "Confidential: show only when needed",
    "正在计数…": "Counting…", "保管记录": "Chain of custody", "文件已损坏或被改动！": "The file is damaged or altered!",
    "校验文件 (SHA-256)": "Verify file (SHA-256)", "（无文件）": "(no file)", "动作": "Action", "时间": "Time",
    "经手人": "Holder", "说明": "Note", "此类文件不能预览": "No preview for this kind of file",
    "无法预览": "Cannot preview", "文件完好，与登记的 SHA-256 一致。": "The file is intact: its SHA-256 matches.",
    "导出数据包、导入其他笔记本的数据包和处理冲突的功能将随第 4 项任务（同步）提供。\n本机设备：%1":
        "Exporting packages, importing other laptops' packages and settling conflicts arrive with issue 4 "
        "(sync).\nThis device: %1",
    # ui/sync_page.py (the 同步 page, issue 4)
    "编辑后保存：%1": "Edit and save: %1",
    "在本机版本的基础上修改，保存后以此为准（会同步到其他设备）。":
        "Edit this device's version; once saved it is the value in force (and travels to the other devices).",
    "导出同步包": "Export a package", "接收方": "Receiver",
    "发给受信任的设备（只有它能打开）": "For a trusted device (only it can open the package)",
    "用同步包口令加密（知道口令的设备都能打开）": "Protect with a package passphrase (any device that knows it can open the package)",
    "同步包口令": "Package passphrase", "再次输入同步包口令": "Package passphrase again",
    "（尚未信任任何设备）": "(no trusted device yet)",
    "全部数据（不只是对方还没有的更改）": "Everything (not only the changes the receiver lacks)",
    "保存到": "Save to", "导出": "Export", "保存同步包": "Save the package", "同步包 (*.xcpkg)": "Sync packages (*.xcpkg)",
    "请选择保存同步包的文件。": "Choose the file to save the package to.",
    "文件已存在，请另选文件名（同步包不会覆盖已有文件）。": "The file exists; choose another name (a package never overwrites a file).",
    "请选择接收方设备。": "Choose the receiving device.", "请输入同步包口令。": "Enter the package passphrase.",
    "两次输入的同步包口令不一致。": "The two package passphrases differ.",
    "导入同步包": "Import a package", "同步包文件": "Package file",
    "仅用口令加密的同步包需要": "Only for packages protected by a passphrase",
    "仅检查（核对并统计，不导入、不改动数据）": "Check only (verify and count; import nothing, change nothing)",
    "导入": "Import", "选择同步包": "Choose a package", "同步包 (*.xcpkg);;所有文件 (*)": "Sync packages (*.xcpkg);;All files (*)",
    "请选择要导入的同步包文件。": "Choose the package file to import.",
    "本机设备": "This device", "名称": "Name", "设备标识": "Device id", "签名公钥": "Signing key",
    "加密公钥": "Encryption key", "导出本机公钥…": "Export this device's public key…",
    "把本机公钥保存为文件，交给其他设备信任": "Save this device's public key to a file for the other devices to trust",
    "受信任的设备": "Trusted devices", "信任时间": "Trusted at", "操作人": "By",
    "信任其他设备…": "Trust another device…",
    "选择其他设备导出的公钥文件；只接受受信任设备的同步包": "Choose the public key file another device exported; only trusted devices' packages are accepted",
    "导出同步包…": "Export a package…", "导入同步包…": "Import a package…", "方向": "Direction", "对方": "Peer",
    "文件": "File", "更改数": "Changes", "证据文件": "Evidence files", "大小": "Size", "同步包记录": "Package history",
    "记录类型": "Kind", "字段": "Field", "本机版本": "This device's version", "导入版本": "Imported version",
    "（空）": "(empty)", "不同之处：本机版本标红，导入版本标绿": "Differences: red in this device's version, green in the imported one",
    "保留本机": "Keep this device's", "采用导入": "Take the imported", "编辑后保存…": "Edit and save…",
    "收到": "received", "发出": "sent", "（口令加密）": "(passphrase)", "待处理的冲突（%n）": "Open conflicts (%n)",
    "关联": "Link", "词表条目": "Vocabulary term", "整改进展": "Rectification update", "巡察组成员": "Group member",
    "删除与修改同时发生": "Deleted while edited elsewhere", "（删除此记录）": "(delete this record)",
    "（保留此记录）": "(keep this record)", "此类字段请选择其中一个版本": "For this kind of field, choose one of the versions",
    "本机版本（%1）": "This device's version (%1)", "导入版本（%1）": "Imported version (%1)",
    "未能处理冲突": "Conflict not settled", "已处理冲突：%1 的“%2”": "Conflict settled: “%2” of %1",
    "导出本机公钥": "Export this device's public key", "公钥文件 (*.json)": "Public key files (*.json)",
    "未能导出公钥": "Key not exported", "本机公钥已保存：%1": "This device's public key saved: %1",
    "选择其他设备的公钥文件": "Choose another device's public key file",
    "公钥文件 (*.json);;所有文件 (*)": "Public key files (*.json);;All files (*)",
    "未能信任该设备": "Device not trusted", "已信任设备“%1”（%2）。": "Device “%1” (%2) is now trusted.",
    "设备“%1”（%2）早已受信任，公钥相同。": "Device “%1” (%2) was already trusted with the same key.",
    "信任其他设备": "Trust another device", "正在导出同步包 %1 …": "Exporting the package %1 …",
    "已取消导出，未生成文件。": "Export cancelled; no file was written.", "未能导出同步包": "Package not exported",
    "同步包已保存：%1": "Package saved: %1", "更改：%1 条，审计记录：%2 条": "Changes: %1, audit entries: %2",
    "证据文件：%1 个，大小：%2": "Evidence files: %1, size: %2", "正在检查同步包 %1 …": "Checking the package %1 …",
    "正在导入同步包 %1 …": "Importing the package %1 …", "已取消导入，数据未改动。": "Import cancelled; no data changed.",
    "同步包未导入。": "The package was not imported.", "同步包未导入": "Package not imported",
    "检查结果": "Check result", "导入结果": "Import result",
    "已检查来自“%1”的同步包（仅检查，数据未改动）。": "Checked the package from “%1” (check only; no data changed).",
    "已导入来自“%1”的同步包。": "Imported the package from “%1”.", "新增记录：%1": "Records added: %1",
    "更新记录：%1": "Records updated: %1", "未变记录：%1": "Records unchanged: %1",
    "应用更改：%1 条（已有 %2 条）": "Changes applied: %1 (already present: %2)", "冲突：%1 处": "Conflicts: %1",
    "审计记录：新增 %1 条": "Audit entries added: %1",
    "证据文件：新增 %1 个（已有 %2 个）": "Evidence files added: %1 (already present: %2)", "数据量：%1": "Size: %1",
    "请在“待处理的冲突”中逐一处理。": "Settle them one by one under “Open conflicts”.",
    "该同步包用口令加密，请在“同步包口令”中输入口令后再导入。未作任何改动。":
        "This package is protected by a passphrase: enter it under “Package passphrase” and import again. Nothing was changed.",
    "同步包来自未受信任的设备“%1”（%2）；请先用“信任其他设备…”导入其公钥。未作任何改动。":
        "The package comes from device “%1” (%2), which is not trusted; trust its key with “Trust another device…” first. Nothing was changed.",
    # settings, closing editors, the evidence viewer and thumbnails (issue 3, second part)
    "设置(&T)": "Se&ttings", "界面语言(&L)": "Interface &language", "界面语言": "Interface language",
    "保存修改？": "Save changes?", "“%1”有未保存的修改。关闭前要保存吗？": "“%1” has unsaved changes. Save them before closing?",
    "不保存": "Don't save", "打开登记信息": "Open the record", "查看文件": "View file", "查看文件…": "View file…",
    "查看所选的图片或 PDF (Enter，或双击)": "View the selected image or PDF (Enter, or double-click)",
    "在查看器中打开图片或 PDF，可缩放、翻页 (Ctrl+O)": "Open the image or PDF in the viewer: zoom, turn pages (Ctrl+O)",
    "导出副本": "Export a copy", "导出副本…": "Export a copy…",
    "把解密后的文件保存到所选位置（记入保管记录）": "Save the decrypted file where you choose (recorded in the chain of custody)",
    "已导出副本：%1（已记入保管记录）": "Copy exported: %1 (recorded in the chain of custody)",
    "查看证据文件": "View evidence file", "查看：%1": "View: %1", "文件：%1（%2）": "File: %1 (%2)",
    "这条证据材料没有文件。": "This evidence has no file.",
    "此类文件不能在程序内查看；需要时请用“导出副本…”。":
        "This kind of file cannot be shown here; use “Export a copy…” if you need it.",
    "文件太大，不能在程序内查看；需要时请用“导出副本…”。":
        "The file is too big to show here; use “Export a copy…” if you need it.",
    "无法显示此图片（文件格式不受支持或已损坏）。": "This image cannot be shown (unsupported format or damaged file).",
    "无法显示此 PDF（文件已损坏或加了密码）。": "This PDF cannot be shown (damaged or password-protected).",
    "正在解密 %1 …": "Decrypting %1 …", "正在导出 %1 …": "Exporting %1 …", "未能导出": "Not exported",
    "正在校验…": "Verifying…", "校验": "Verify",
    "重新计算加密保存的文件的 SHA-256，与登记值比对 (Ctrl+K)":
        "Re-hash the stored encrypted file and compare with the registered SHA-256 (Ctrl+K)",
    "校验通过：文件完好，与登记的 SHA-256 一致。": "Verified: the file is intact; its SHA-256 matches.",
    "校验未通过：文件已损坏或被改动！": "Verification failed: the file is damaged or altered!",
    "缩小": "Zoom out", "缩小 (Ctrl+-)": "Zoom out (Ctrl+-)", "放大": "Zoom in", "放大 (Ctrl++)": "Zoom in (Ctrl++)",
    "适合窗口": "Fit to window", "适合窗口 (Ctrl+0)": "Fit to window (Ctrl+0)", "实际大小": "Actual size",
    "实际大小 (Ctrl+1)": "Actual size (Ctrl+1)", "查看所选证据文件": "View the selected evidence file",
    "请先在“证据材料”列表中选中一条记录。": "First select a record in the Evidence list.", "上一页": "Previous page", "上一页 (PgUp)": "Previous page (PgUp)",
    "下一页": "Next page", "下一页 (PgDown)": "Next page (PgDown)", "共 %1 页": "of %1", "当前页": "Current page",
    # roles: the status bar, read-only forms, 帮助 → 审计日志
    "使用人：%1（%2）": "User: %1 (%2)", "只读：您的角色（%1）不能修改此类记录。": "Read-only: your role (%1) may not change records of this kind.",
    "审计日志": "Audit log", "审计日志…": "Audit log…", "全部使用人": "All users", "全部操作": "All actions", "操作": "Action",
    "设备": "Device", "重新核验": "Check again", "核验每台设备的审计日志完整、未被篡改或截短": "Check that every device's audit log is whole, neither altered nor cut short",
    "显示最近 %n 条": "Showing the latest %n record(s)", "%1：%2 条": "%1: %2 entries", "（已签名至第 %1 条）": " (signed up to entry %1)",
    "核验通过：各设备的审计日志完整，未被篡改或截短。": "Check passed: every device's audit log is whole, neither altered nor cut short.",
    "核验发现问题：": "The check found problems:",
    # documents: the ledger back, 巡察情况报告, 问题线索移交
    "内部": "Internal", "机密": "Confidential", "秘密": "Secret", "（不标注）": "(no marking)", "密级或标注：": "Marking:",
    "导入单位填报的整改台账…": "Import the ledger filled in by the unit…", "巡察情况报告": "Situation report",
    "巡察情况报告…": "Situation report…", "问题线索移交函": "Clue transfer letter", "问题线索移交函…": "Clue transfer letter…",
    "登记线索移交签收": "Record receipt of a clue transfer", "登记线索移交签收…": "Record receipt of a clue transfer…",
    "问题线索移交：": "Clue transfer:", "尚未签收的移交：": "Transfers not yet received:", "签收人：": "Received by:",
    "签收时间（如 2020-07-02 10:00）：": "Received at (e.g. 2020-07-02 10:00):",
    "已登记签收，%1 条线索转为“移交”。": "Receipt recorded; %1 clues are now transferred.",
    # the office hub: joining as a station
    "加入办公室汇总库（本机作为工作站）": "Join the office hub (this computer as a station)", "加入并打开": "Join and open",
    "服务器": "Server", "如：hub-server 或 10.1.2.3:5432": "e.g. hub-server or 10.1.2.3:5432", "数据库": "Database",
    "数据库用户": "Database user", "工作站名称": "Station name", "如：二号工作站": "e.g. Station 2",
    "汇总库中的使用人姓名": "Your user name in the hub",
    # 关于 in a bundle
    "构建于 %1": "Built %1", "源码运行": "Running from source",
    # 巡察办总览
    "巡察办总览": "Office overview", "范围": "Scope", "整改率统计": "Rates by", "按轮次": "By round", "按巡察组": "By group",
    "按被巡察单位": "By unit", "按问题类别": "By category", "截至 %1": "As of %1", "已整改": "Rectified",
    "整改率": "Rectification rate", "轮次": "Round", "巡察组": "Group", "问题类别": "Category", "逾期天数": "Days overdue",
    "处置方式": "Disposition", "线索数": "Clues", "反馈逾期": "Feedback overdue", "线索": "Clue", "处置日期": "Disposed on",
    "反馈期限": "Feedback due", "状态": "Status", "发现轮次": "Found in rounds", "此前已整改到位": "Earlier declared rectified",
    "逾期问题": "Overdue problems", "逾期问题（%1）": "Overdue problems (%1)", "线索反馈": "Clue feedback",
    "线索反馈（逾期 %1）": "Clue feedback (%1 overdue)", "重复问题": "Repeat problems", "重复问题（%1）": "Repeat problems (%1)",
    "逾期 %1 天": "%1 days overdue", "剩 %1 天": "%1 days left",
    "整改率 = 列入反馈的问题中整改到位的数量 ÷ 列入反馈的问题数；线索处置后三个月内应反馈；重复问题：同一单位、同一类别的问题在后续轮次再次发现":
        "Rectification rate = fed-back problems rectified ÷ fed-back problems; a disposed clue is to be answered within "
        "three months; repeat problem: the same unit and category found again in a later round",
    # 反馈意见稿
    " 份": " documents", "%1通过": "%1 passed", "【%1】%2．%3（%4个问题）": "[%1] %2. %3 (%4 problems)",
    "上移(&U)": "Move &up", "下移(&N)": "Move dow&n", "加入新问题": "Add new problems",
    "反馈事项（同类事项内排序；可多选合并）：": "Feedback items (ordered within their category; select several to merge):",
    "反馈意见稿": "Feedback draft", "反馈意见稿 — %1（%2）": "Feedback draft — %1 (%2)",
    "反馈意见稿（编写、审核）…": "Feedback draft (write, review)…", "合并所选(&M)": "&Merge selected", "定稿": "Final",
    "巡察组认为，……取得一定成效，但……": "The group finds that … has achieved some results, but …",
    "总体评价(&A)：": "Overall &assessment:", "所含问题：": "Problems in it:", "所选事项": "Selected item",
    "所选问题拆为新事项(&T)": "Split selected problems into a new i&tem", "整改要求(&R)：": "&Requirement:",
    "有 %1 个列入反馈的问题不在任何事项中（编号 %2），文书中各自单列；定稿前请加入。":
        "%1 problems listed for the feedback are in no item (numbers %2); the document lists each on its own. "
        "Add them before the draft is final.",
    "未记录": "Not recorded", "概述(&S)：": "&Summary:",
    "该单位在本轮巡察中还没有反馈意见稿。": "This unit has no feedback draft in this round yet.",
    "该单位在本轮巡察中还没有反馈意见稿。由列入反馈的问题生成一份？":
        "This unit has no feedback draft in this round yet. Make one from the problems listed for the feedback?",
    "请先在“所含问题”中选择要拆出的问题。": "First select, under 'Problems in it', the problems to split off.",
    "请按住 Ctrl 或 Shift 选择至少两个事项再合并。": "Hold Ctrl or Shift to select at least two items to merge.",
    "调阅资料(&D)：": "&Documents reviewed:", "退回起草": "Send back to drafting",
    "预览反馈意见(&P)…": "&Preview the feedback…", "（只读）": " (read-only)",
}


def main() -> int:
    path = Path(__file__).with_name("xuncha_en.ts")
    tree = ET.parse(path)
    missing = set()
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in EN:
            text = EN[source]
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                translation.text = None
                for form in (text.replace("(s)", ""), text.replace("(s)", "s")):
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
            translation.attrib.pop("type", None)
        else:
            missing.add(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in sorted(missing):
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
