"""Messages of the clearance of a laptop after the round (巡后清退) and its acknowledgement files."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "workspace_cleared": ("本机已清退：工作区 {path} 的密钥已按巡后清退销毁，数据无法再打开（见该文件夹中的 CLEARED.json 和清退证明）。如清退曾中断，再次运行 xuncha clearance run 即可完成。", "This laptop has been cleared: the keys of workspace {path} were destroyed after the round and its data can no longer be opened (see CLEARED.json in the folder and the clearance certificate). If the clearance was interrupted, run xuncha clearance run again to finish it."),
    "ack_unreadable": ("无法读取确认单 {path}（{reason}）；未作任何改动。", "Cannot read the acknowledgement {path} ({reason}); nothing was changed."),
    "ack_too_large": ("确认单 {path} 超过 {limit} 字节，不是本程序写出的确认单，已拒绝；未作任何改动。", "The acknowledgement {path} is larger than {limit} bytes, which no acknowledgement of this program is; refused, nothing was changed."),
    "ack_malformed": ("该文件不是完好的清退确认单（.xcack）：{reason}。已拒绝；未作任何改动。", "The file is not a well-formed acknowledgement (.xcack): {reason}. Refused; nothing was changed."),
    "ack_untrusted": ("确认单由设备 {device} 签发，本机并不信任该设备（须先用 xuncha keys trust 信任巡察办的公钥），已拒绝；未作任何改动。", "The acknowledgement was signed by device {device}, which this laptop does not trust (trust the office's key with xuncha keys trust first); refused, nothing was changed."),
    "ack_forged": ("确认单上设备 {device} 的签名无效：文件被改动过或系伪造，已拒绝；未作任何改动。", "The signature of device {device} on the acknowledgement is invalid: the file was altered or forged; refused, nothing was changed."),
    "ack_not_addressed": ("确认单是为设备 {to} 签发的，不是本机（{here}），已拒绝；未作任何改动。", "The acknowledgement was issued for device {to}, not for this one ({here}); refused, nothing was changed."),
    "ack_device_unknown": ("本机不认识设备“{device}”（请用设备编号或 xuncha keys show 列出的名称）。", "No device '{device}' is known here (give its id or a name that xuncha keys show lists)."),
    "ack_device_ambiguous": ("有多台设备名为“{name}”，请改用设备编号：{ids}", "Several devices are named '{name}'; give the device id instead: {ids}"),
    "clearance_refused": ("不能清退：巡察办尚未确认收到本机的全部数据（{missing}）。请先导出同步包交巡察办导入，再取得新的确认单。本机未作任何改动。", "Cannot clear: the office has not acknowledged all of this laptop's data ({missing}). Export a package for the office to import, then get a new acknowledgement. Nothing was changed."),
    "clearance_missing_changes": ("{count} 项修改未经确认", "{count} changes not acknowledged"),
    "clearance_missing_audit": ("{count} 条审计日志未经确认", "{count} audit entries not acknowledged"),
    "clearance_missing_files": ("{count} 个证据文件未经确认", "{count} evidence files not acknowledged"),
    "clearance_missing_devices": ("本机所存 {count} 台其他设备的修改巡察办尚未收到", "changes of {count} other devices held here have not reached the office"),
    "clearance_drafts": ("{count} 份未保存的草稿（请在窗口中保存或放弃）", "{count} unsaved drafts (save or discard them in the window)"),
    "clearance_office_ahead": ("确认单所列本机修改多于本机现有的（本机数据可能曾从备份恢复）", "the acknowledgement lists more changes of this laptop than it holds (was it restored from a backup?)"),
    "clearance_chain_differs": ("确认单所列本机修改与本机记录不一致", "the changes the acknowledgement lists differ from this laptop's"),
    "clearance_office_gaps": ("巡察办所存本机修改有缺漏", "the office's copy of this laptop's changes has gaps"),
    "clearance_audit_ahead": ("确认单所列本机审计日志多于本机现有的", "the acknowledgement lists more audit entries of this laptop than it holds"),
    "clearance_audit_differs": ("确认单所列本机审计日志与本机记录不一致", "the audit entries the acknowledgement lists differ from this laptop's"),
    "clearance_certificate_inside": ("清退证明 {path} 不能写在工作区 {workspace} 之内（清退后该文件夹的数据将被删除），请另选位置（如 U 盘）；未作任何改动。", "The clearance certificate {path} cannot be written inside the workspace {workspace} (its data is removed by the clearance): choose another place (a USB drive, say). Nothing was changed."),
    "clearance_certificate_failed": ("清退证明 {path} 写入后读回校验失败（{reason}），未销毁任何密钥；请检查目标磁盘后重试。", "The clearance certificate {path} did not read back whole after writing ({reason}); no key was destroyed. Check the target disk and try again."),
    "clearance_interrupted": ("清退未完成（{reason}）：工作区 {path} 已不能打开，请排除问题后再次运行 xuncha clearance run 完成清退。", "The clearance did not finish ({reason}): workspace {path} no longer opens; fix the problem and run xuncha clearance run again to finish it."),
    "clearance_marker_damaged": ("清退标记 {path} 已损坏或不属于本工作区，未作任何改动；请与巡察办联系核实。", "The clearance marker {path} is damaged or belongs to another workspace; nothing was changed. Check with the office."),
    "clearance_server_database": ("本工作区的数据存放在服务器数据库中（巡察办汇总机），巡后清退只适用于笔记本；未作任何改动。", "This workspace keeps its records in a server database (an office hub); clearance after the round is for laptops only. Nothing was changed."),
    "clearance_not_started": ("工作区 {path} 没有进行中的清退。", "Workspace {path} has no clearance under way."),
    "clearance_confirm_needed": ("清退将销毁本机密钥，数据无法恢复：请确认后加 --yes 运行。", "Clearing destroys this laptop's keys and its data cannot be recovered: confirm with --yes."),
    "clearance_not_confirmed": ("未确认，未作任何改动。", "Not confirmed; nothing was changed."),
    "clearance_done": ("本机已清退：密钥已销毁，清退证明在 {certificate}。", "This laptop is cleared: its keys are destroyed; the certificate is {certificate}."),
    "clearance_check_ok": ("巡察办已确认收到本机全部数据，可以清退。", "The office has acknowledged all of this laptop's data; it may be cleared."),
}
