"""The default vocabularies every workspace holds from its creation (see services/vocabulary.py).

Default terms have ids derived from their code, so every laptop seeds the same records and merging them
makes no duplicates. They are seeded when a workspace is made, below the services, so no workspace can
exist without them.
"""

from __future__ import annotations

import uuid
from typing import Final

from sqlalchemy.orm import Session

from xuncha_desktop.db.models.vocabulary import VocabularyTerm

_NAMESPACE = uuid.UUID("5b0c1f5e-6a3e-4f43-9d5e-7f1e2a0c9b11")

_MATTERS = [
    ("property_title", "不动产登记办证", "Property title registration"),
    ("eight_rules", "违反中央八项规定精神", "Breach of the eight-point rules"),
    ("personnel", "选人用人", "Appointments"),
    ("construction", "工程建设项目", "Construction projects"),
    ("funds", "资金资产管理", "Funds and assets"),
    ("conduct", "工作作风", "Work style"),
    ("other", "其他", "Other"),
]

DEFAULTS: Final[dict[str, list[tuple[str, str, str]]]] = {
    "problem_category": [
        ("line_policy", "党的路线方针政策和党中央决策部署落实情况",
         "Implementing the Party's line and the central decisions"),
        ("strict_governance", "全面从严治党主体责任和监督责任落实情况",
         "Principal and supervisory responsibility for strict Party governance"),
        ("team_building", "领导班子和干部队伍建设落实情况", "Building the leadership and cadre teams"),
        ("rectification", "巡视巡察、审计等监督发现问题整改落实情况",
         "Rectifying what inspections, audits and supervision found"),
    ],
    "interviewee_category": [
        ("principal", "主要负责人", "Principal leader"),
        ("leadership", "班子成员", "Member of the leadership"),
        ("middle", "中层干部", "Middle-level cadre"),
        ("staff", "一般干部", "Staff"),
        ("retired", "退休干部", "Retired cadre"),
        ("public", "服务对象/群众", "Member of the public"),
    ],
    "petition_category": _MATTERS,
    "clue_category": _MATTERS,
    "evidence_type": [
        ("document", "书证", "Document"),
        ("electronic", "电子数据", "Electronic data"),
        ("photo", "照片", "Photograph"),
        ("audio_video", "录音录像", "Audio or video"),
        ("minutes", "会议记录", "Minutes"),
    ],
    "party_org_kind": [
        ("party_group", "党组", "Party group"),
        ("party_committee", "党委", "Party committee"),
        ("working_committee", "党工委", "Party working committee"),
        ("organ_committee", "机关党委", "Party committee of the organs"),
        ("general_branch", "党总支", "General Party branch"),
        ("branch", "党支部", "Party branch"),
    ],
}


def default_term_id(vocabulary: str, code: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{vocabulary}:{code}")


def seed_defaults(session: Session) -> None:
    """Adds the default terms that are missing (a new workspace gets them all)."""
    for vocabulary, terms in DEFAULTS.items():
        for order, (code, zh, en) in enumerate(terms):
            term_id = default_term_id(vocabulary, code)
            if session.get(VocabularyTerm, term_id) is None:
                session.add(VocabularyTerm(id=term_id, vocabulary=vocabulary, round_id=None, code=code,
                                           label_zh=zh, label_en=en, sort_order=order))
    session.flush()
