"""Messages of the office hub: stations, concurrent edits, the hub's shared files."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "record_changed_meanwhile": ("保存未执行：这条记录（{table} {record}）在您编辑期间已被 {who} 于 {at} 修改（改动的字段：{fields}）。请重新打开记录查看对方的修改后再改；您的这次保存没有写入。", "Not saved: while you were editing, this record ({table} {record}) was changed by {who} at {at} (fields changed: {fields}). Open the record again to see that change, then redo yours; nothing of this save was written."),
    "record_busy": ("这条记录（{table} {record}）正被另一工作站（或一次同步包导入）修改，请稍后再保存；未作任何改动。", "This record ({table} {record}) is being changed by another station (or a package import): save again in a moment. Nothing was changed."),
    "hub_not_a_hub": ("数据库 {url} 不是已建立的办公室汇总库（没有汇总库的密钥文件）：请先在一台工作站上用 xuncha hub create 建立。", "The database {url} is not an office hub yet (it holds no hub key files): create it first on one station with xuncha hub create."),
    "hub_station_exists": ("工作站名称“{name}”已登记在汇总库中，请换一个名称（或先停用原工作站）。", "A station named {name} is already enrolled in the hub: choose another name (or retire that station first)."),
    "hub_station_unknown": ("汇总库中没有工作站“{name}”。已登记的工作站：{stations}", "The hub has no station named {name}. Enrolled stations: {stations}"),
    "hub_station_retired": ("本工作站“{name}”已在汇总库中停用，不能再打开汇总库；请由办公室管理员重新登记。", "This station ({name}) was retired in the hub and may no longer open it; ask the office's administrator to enrol it again."),
    "hub_files_changed": ("汇总库的密钥文件 {name} 刚被另一工作站修改（例如增加了用户），您的修改未保存：请重新打开汇总库后再做。", "The hub's key file {name} was just changed at another station (a user added, say); yours was not saved: open the hub again and redo it."),
    "hub_evidence_store_missing": ("汇总库的证据文件夹 {path} 无法访问：请确认共享文件夹已连接（每个工作站都应能访问同一文件夹）。", "The hub's evidence folder {path} cannot be reached: check that the shared folder is connected (every station must reach the same folder)."),
}
