"""Fixed enumerations of the domain: stored as English codes, shown with Chinese labels.

Rules depend on these (status transitions, kinds of round), so they live in code. Lists that offices
adapt per round (problem categories, interviewee categories, ...) are data: see ``models/vocabulary.py``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class CodedEnum(StrEnum):
    """A string enum whose members carry a Chinese and an English label.

    Members are declared as ``CODE = ("code", "中文", "English")``; the value is the code.
    """

    zh: str
    en: str

    def __new__(cls, code: str, zh: str = "", en: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.zh = zh
        member.en = en
        return member

    @classmethod
    def parse(cls, text: str) -> Self | None:
        """The member whose code, Chinese label or English label is ``text``; None if there is none."""
        wanted = text.strip()
        for member in cls:
            if wanted in (member.value, member.zh) or wanted.casefold() == member.en.casefold():
                return member
        return None


class RoundKind(CodedEnum):
    REGULAR = ("regular", "常规巡察", "Regular inspection")
    SPECIAL = ("special", "专项巡察", "Special inspection")
    ELEVATED = ("elevated", "提级巡察", "Elevated inspection")
    CROSS = ("cross", "交叉巡察", "Cross inspection")
    MOBILE = ("mobile", "机动巡察", "Mobile inspection")
    REVISIT = ("revisit", "巡察“回头看”", "Revisit")
    SUPERVISION = ("supervision", "整改督查", "Rectification supervision")


class MemberRole(CodedEnum):
    LEADER = ("leader", "组长", "Leader")
    DEPUTY = ("deputy", "副组长", "Deputy leader")
    MEMBER = ("member", "组员", "Member")
    LIAISON = ("liaison", "联络员", "Liaison")


class InterviewKind(CodedEnum):
    REQUIRED = ("required", "必谈", "Required")
    VOLUNTARY = ("voluntary", "自愿谈", "Voluntary")
    NAMED = ("named", "点名谈", "Named")
    SUPPLEMENTARY = ("supplementary", "补充谈", "Supplementary")


class PetitionChannel(CodedEnum):
    LETTER = ("letter", "来信", "Letter")
    CALL = ("call", "来电", "Call")
    VISIT = ("visit", "来访", "Visit")
    ONLINE = ("online", "网络", "Online")
    BOX = ("box", "举报箱", "Mailbox")


class PetitionHandling(CodedEnum):
    FORWARD = ("forward", "转办", "Forwarded")
    ASSIGN = ("assign", "交办", "Assigned")
    TRANSFER = ("transfer", "移交", "Transferred")
    FILE = ("file", "存查", "Filed for reference")
    CLOSE = ("close", "了结", "Closed")


class ClueSource(CodedEnum):
    INTERVIEW = ("interview", "个别谈话", "Interview")
    PETITION = ("petition", "信访举报", "Petition")
    DOCUMENT_REVIEW = ("document_review", "调阅资料", "Document review")
    VISIT = ("visit", "下沉走访", "Field visit")
    QUESTIONNAIRE = ("questionnaire", "问卷调查", "Questionnaire")
    OTHER = ("other", "其他", "Other")


class ClueStatus(CodedEnum):
    REGISTERED = ("registered", "登记", "Registered")
    VERIFYING = ("verifying", "了解核实", "Being verified")
    ANALYSING = ("analysing", "研判", "Under analysis")
    TALK_INQUIRY = ("talk_inquiry", "谈话函询", "Talk or written inquiry")
    PRELIMINARY_CHECK = ("preliminary_check", "初步核实", "Preliminary verification")
    PENDING = ("pending", "暂存待查", "Kept for later")
    CLOSED_OFF = ("closed_off", "予以了结", "Closed off")
    TRANSFERRED = ("transferred", "移交", "Transferred")
    ASSIGNED = ("assigned", "交办", "Assigned")
    IMMEDIATE = ("immediate", "立行立改", "Immediate rectification")
    DONE = ("done", "办结", "Concluded")


class ProposedDisposition(CodedEnum):
    """The way of disposal the group proposes for a clue it transfers (the receiving body decides)."""

    TALK_INQUIRY = ("talk_inquiry", "谈话函询", "Talk or written inquiry")
    PRELIMINARY_CHECK = ("preliminary_check", "初步核实", "Preliminary verification")
    PENDING = ("pending", "暂存待查", "Kept for later")
    CLOSED_OFF = ("closed_off", "予以了结", "Closed off")


class TransferRecipient(CodedEnum):
    """Where clues are transferred: misconduct to the discipline commission, personnel to the organisation
    department."""

    DISCIPLINE = ("discipline", "纪委监委", "Discipline inspection and supervision commission")
    ORGANISATION = ("organisation", "组织部", "Organisation department")


class ProblemStatus(CodedEnum):
    OPEN = ("open", "未整改", "Not started")
    IN_PROGRESS = ("in_progress", "整改中", "In progress")
    RECTIFIED = ("rectified", "整改到位", "Rectified")
    NOT_RECTIFIED = ("not_rectified", "暂未整改到位", "Not yet rectified")
    ONGOING = ("ongoing", "长期坚持", "Ongoing")


class ProblemOrigin(CodedEnum):
    INSPECTION = ("inspection", "巡察发现", "Found in inspection")
    CARRIED_OVER = ("carried_over", "督查发现未整改到位", "Found not rectified in supervision")
    NEW_FOUND = ("new_found", "督查新发现", "Newly found in supervision")


class Severity(CodedEnum):
    ORDINARY = ("ordinary", "一般", "Ordinary")
    SERIOUS = ("serious", "较重", "Serious")
    GRAVE = ("grave", "严重", "Grave")


class EvidenceObtained(CodedEnum):
    REVIEW = ("review", "调阅", "Reviewed")
    COPY = ("copy", "复制", "Copied")
    PHOTO = ("photo", "拍照", "Photographed")
    PROVIDED = ("provided", "当事人提供", "Provided by a party")


class CustodyAction(CodedEnum):
    RECEIVED = ("received", "接收", "Received")
    STORED = ("stored", "入库", "Stored")
    HANDED = ("handed", "移交", "Handed over")
    RETURNED = ("returned", "退还", "Returned")
    VIEWED = ("viewed", "查阅", "Viewed")
    EXTRACTED = ("extracted", "导出", "Extracted")


class PaperStatus(CodedEnum):
    DRAFT = ("draft", "起草", "Draft")
    CHECKED = ("checked", "副组长审核", "Checked by deputy")
    APPROVED = ("approved", "组长审定", "Approved by leader")


class UnitAgreement(CodedEnum):
    """Whether the inspected unit agrees with a working paper's facts (被巡察单位意见)."""

    AGREES = ("agrees", "无异议", "Agrees")
    PARTLY = ("partly", "部分有异议", "Partly disputes")
    DISPUTES = ("disputes", "有异议", "Disputes")


class FeedbackDraftStatus(CodedEnum):
    """A feedback draft's steps: written by the group, reviewed by its leader, by the office, then final."""

    DRAFT = ("draft", "起草", "Drafting")
    LEADER_REVIEWED = ("leader_reviewed", "组长审核", "Reviewed by the leader")
    OFFICE_REVIEWED = ("office_reviewed", "巡察办审核", "Reviewed by the office")
    FINAL = ("final", "定稿", "Final")


RECTIFIED_STATUSES: frozenset[ProblemStatus] = frozenset({ProblemStatus.RECTIFIED})
