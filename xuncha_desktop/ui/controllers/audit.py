"""The audit log for the window's 审计日志 view: entries newest first, filtered by person and action, and the
check that no device's log was altered or cut short. Plain values out, one short session per call, no Qt.

Reading the log is the permission matrix's ``READ_AUDIT`` (组长, 巡察办): the service refuses anyone else
(PermissionDenied), and the window does not offer the view to them (:meth:`AuditController.allowed`).
Times are shown in the workspace's zone (``local_time``), whatever the computer's clock is set to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from xuncha_desktop import local_time
from xuncha_desktop.services import audit_log, permissions
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.permissions import Action

if TYPE_CHECKING:
    from xuncha_desktop.workspace import Workspace

# The actions written to the log (``db.audit.record`` callers), named for a reader.
ACTION_NAMES: dict[str, tuple[str, str]] = {
    "init": ("创建工作区", "workspace created"),
    "view": ("查看", "viewed"),
    "create": ("新建", "created"),
    "update": ("修改", "changed"),
    "delete": ("删除", "deleted"),
    "link": ("关联", "linked"),
    "unlink": ("取消关联", "unlinked"),
    "sign": ("谈话对象签字", "signed by the interviewee"),
    "extract": ("导出证据文件", "evidence file extracted"),
    "backup": ("备份", "backed up"),
    "restore": ("恢复备份", "restored"),
    "sync_export": ("导出同步包", "package exported"),
    "sync_import": ("导入同步包", "package imported"),
    "sync_refused": ("拒绝同步包", "package refused"),
    "sync_alarm": ("同步警报", "sync alarm"),
    "sync_resolve": ("处理同步冲突", "conflict settled"),
    "sync_trust": ("信任设备", "device trusted"),
}


@dataclass(frozen=True)
class AuditRow:
    at: str       # local time of the workspace's zone, "2020-04-10 09:30"
    actor: str
    action: str   # the action's code (``view``, ``update`` …)
    action_label: str
    record: str   # kind and short id of the record concerned, or ""
    detail: str
    device: str   # the device that wrote the entry (its name when known)


@dataclass(frozen=True)
class DeviceCheck:
    name: str
    id: str
    entries: int
    signed_up_to: int | None


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    problems: list[str]
    devices: list[DeviceCheck]


class AuditController:
    def __init__(self, workspace: Workspace, lang: str = "zh") -> None:
        self._workspace = workspace
        self.lang = lang

    def allowed(self) -> bool:
        """Whether the person may read the audit log (the window offers the view only then)."""
        return permissions.allowed(self._workspace.user.role, Action.READ_AUDIT)

    def action_label(self, code: str) -> str:
        names = ACTION_NAMES.get(code)
        if names is None:
            return code
        return names[0] if self.lang == "zh" else names[1]

    def choices(self) -> tuple[list[str], list[tuple[str, str]]]:
        """The filters' choices: every person named in the log, and every action as (code, label)."""
        with self._workspace.session() as session:
            actors, actions = audit_log.actors_and_actions(session)
        return actors, [(code, self.action_label(code)) for code in actions]

    def entries(self, actor: str | None = None, action: str | None = None, limit: int = 1000) -> list[AuditRow]:
        """The newest ``limit`` entries (of one person, of one action when given)."""
        workspace = self._workspace
        with workspace.session() as session:
            found = audit_log.entries(session, None, limit, actor or None, action or None)
            names = audit_log.device_names(session)
            rows = [(e.at, e.actor, e.action, e.kind, e.record_id, e.detail, e.device_id) for e in found]
        names[workspace.info.device_id] = workspace.info.device_name
        zh = self.lang == "zh"
        result = []
        for at, actor_name, code, kind, record_id, detail, device in rows:
            service = KINDS.get(kind or "")
            kind_name = (service.zh if zh else service.en) if service is not None else (kind or "")
            record = f"{kind_name} {str(record_id)[:8]}" if record_id else kind_name
            result.append(AuditRow(local_time.text(at), actor_name, code, self.action_label(code), record.strip(),
                                   detail or "", names.get(device, str(device)[:8])))
        return result

    def check(self) -> AuditCheck:
        """Every device's log whole and holding what that device signed (``services.audit_log.check``)."""
        workspace = self._workspace
        with workspace.session() as session:
            report = audit_log.check(session, workspace.info.device_id, workspace.info.device_name,
                                     str(workspace.public_keys["ed25519_public"]))
        return AuditCheck(report.ok, list(report.problems),
                          [DeviceCheck(d.name, str(d.device_id), d.entries, d.signed_up_to) for d in report.devices])
