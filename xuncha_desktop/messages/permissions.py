"""Messages of the permission matrix (``services/permissions.py``): the actions' names and the refusal; and
the working paper's check and sign-off (``services/papers.py``)."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "permission_denied": ("{role_zh}（{role_en}）无权{action_zh}（{action_en}），未作任何更改。", "A {role_en} ({role_zh}) may not {action_en} ({action_zh}); nothing was changed."),
    "paper_locked": ("底稿处于“{status_zh}”（{status_en}）状态，“{field_zh}”（{field}）不能修改；请先退回起草。", "The working paper is {status_en} ({status_zh}): field {field} ({field_zh}) cannot be changed; return it for redrafting first."),
    "action_view_records": ("查看记录", "view records"),
    "action_edit_records": ("新建或修改轮次、巡察组、问题线索和问题", "create or edit rounds, groups, clues and problems"),
    "action_edit_logistics": ("新建或修改信访件、证据材料、被巡察单位和个别谈话", "create or edit petitions, evidence, units and interviews"),
    "action_draft_paper": ("起草或修改问题底稿", "draft or edit working papers"),
    "action_check_paper": ("审核问题底稿（副组长审核）", "check working papers (the deputy leader's check)"),
    "action_return_paper": ("退回已审核的问题底稿", "return a checked working paper for redrafting"),
    "action_sign_off_paper": ("审定问题底稿（组长审定）", "sign off working papers (the leader's approval)"),
    "action_dispose": ("处置问题线索（移交、交办、了结、办结等）或确认问题整改到位", "dispose of clues (transfer, assign, close off, conclude) or declare problems rectified"),
    "action_delete_records": ("删除记录", "delete records"),
    "action_view_identity": ("查看信访举报人身份信息", "see petitioners' identities"),
    "action_settle_conflicts": ("处理同步冲突", "settle sync conflicts"),
    "action_exchange_packages": ("导出或导入同步包、信任设备", "export or import sync packages or trust devices"),
    "action_back_up": ("备份工作区", "back up the workspace"),
    "action_issue_documents": ("出具文书（反馈意见、台账、底稿、报告）", "issue documents (feedback, ledgers, papers, reports)"),
    "action_read_audit": ("查看审计日志", "read the audit log"),
    "action_manage_users": ("管理使用人", "manage users"),
    "action_manage_stations": ("管理汇总库工作站", "manage the hub's stations"),
    "action_clear_device": ("巡后清退（签发确认单、清退本机）", "clear a laptop after the round (acknowledge, clear)"),
}
