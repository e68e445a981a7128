"""The default vocabularies every workspace holds from its creation (see services/vocabulary.py), and the
定性依据 library's shipped entries (services/rules.py).

Default terms and rules have ids derived from their code (a rule's from its document and article), so
every laptop seeds the same records and merging them makes no duplicates. They are seeded when a workspace
is made, below the services, so no workspace can exist without them; a workspace made before they were
shipped gets the missing ones when it is next opened (``Workspace.open``; migration 0010 made the rules'
table). An entry deleted by a group stays deleted: its tombstone is the record the seed finds.
"""

from __future__ import annotations

import uuid
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.models.rules import Rule
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


def default_rule_id(document: str, article: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"rule:{document}:{article}")


def seed_defaults(session: Session) -> int:
    """Adds the default terms and rules that are missing (a new workspace gets them all); returns how many."""
    added = 0
    for vocabulary, terms in DEFAULTS.items():
        for order, (code, zh, en) in enumerate(terms):
            term_id = default_term_id(vocabulary, code)
            if session.get(VocabularyTerm, term_id) is None:
                session.add(VocabularyTerm(id=term_id, vocabulary=vocabulary, round_id=None, code=code,
                                           label_zh=zh, label_en=en, sort_order=order))
                added += 1
    wanted = {default_rule_id(document, article): (document, edition, article, text, position)
              for position, (document, edition, article, text) in enumerate(RULES)}
    present = set(session.scalars(select(Rule.id).where(Rule.id.in_(wanted))))
    for rule_id, (document, edition, article, text, position) in wanted.items():
        if rule_id not in present:
            session.add(Rule(id=rule_id, document=document, edition=edition, article=article, text=text,
                             position=position))
            added += 1
    if added:
        session.flush()
    return added


# ---- 定性依据 shipped ------------------------------------------------------------------------------
# (document, edition, article, text) from the public texts, word for word; only what could be written out
# faithfully without the official text at hand is shipped (docs/data-model.md, "定性依据"). A 摘录 entry
# quotes one sentence of a section, not the whole section. Groups add the articles they cite (《中国共产党
# 纪律处分条例》2023年修订, 《中国共产党问责条例》2019年修订, the 实施细则 …) as their own entries.
_EIGHT = "《十八届中央政治局关于改进工作作风、密切联系群众的八项规定》"
_EIGHT_EDITION = "2012年12月4日中央政治局会议审议通过"
_NORMS = "《关于新形势下党内政治生活的若干准则》"
_NORMS_EDITION = "2016年10月27日党的十八届六中全会通过"

RULES: Final[list[tuple[str, str, str, str]]] = [
    (_EIGHT, _EIGHT_EDITION, "第一项",
     "要改进调查研究，到基层调研要深入了解真实情况，总结经验、研究问题、解决困难、指导工作，向群众学习、"
     "向实践学习，多同群众座谈，多同干部谈心，多商量讨论，多解剖典型，多到困难和矛盾集中、群众意见多的地方去，"
     "切忌走过场、搞形式主义；要轻车简从、减少陪同、简化接待，不张贴悬挂标语横幅，不安排群众迎送，不铺设迎宾"
     "地毯，不摆放花草，不安排宴请。"),
    (_EIGHT, _EIGHT_EDITION, "第二项",
     "要精简会议活动，切实改进会风，严格控制以中央名义召开的各类全国性会议和举行的重大活动，不开泛泛部署工作和"
     "提要求的会，未经中央批准一律不出席各类剪彩、奠基活动和庆祝会、纪念会、表彰会、博览会、研讨会及各类论坛；"
     "提高会议实效，开短会、讲短话，力戒空话、套话。"),
    (_EIGHT, _EIGHT_EDITION, "第三项", "要精简文件简报，切实改进文风，没有实质内容、可发可不发的文件、简报一律不发。"),
    (_EIGHT, _EIGHT_EDITION, "第四项",
     "要规范出访活动，从外交工作大局需要出发合理安排出访活动，严格控制出访随行人员，严格按照规定乘坐交通工具，"
     "一般不安排中资机构、华侨华人、留学生代表等到机场迎送。"),
    (_EIGHT, _EIGHT_EDITION, "第五项",
     "要改进警卫工作，坚持有利于联系群众的原则，减少交通管制，一般情况下不得封路、不清场闭馆。"),
    (_EIGHT, _EIGHT_EDITION, "第六项",
     "要改进新闻报道，中央政治局同志出席会议和活动应根据工作需要、新闻价值、社会效果决定是否报道，进一步压缩"
     "报道的数量、字数、时长。"),
    (_EIGHT, _EIGHT_EDITION, "第七项",
     "要严格文稿发表，除中央统一安排外，个人不公开出版著作、讲话单行本，不发贺信、贺电，不题词、题字。"),
    (_EIGHT, _EIGHT_EDITION, "第八项",
     "要厉行勤俭节约，严格遵守廉洁从政有关规定，严格执行住房、车辆配备等有关工作和生活待遇的规定。"),
    (_NORMS, _NORMS_EDITION, "一、坚定理想信念（摘录）",
     "坚定理想信念，坚守共产党人精神追求，始终是共产党人安身立命的根本。"),
    (_NORMS, _NORMS_EDITION, "六、坚持民主集中制原则（摘录）",
     "民主集中制是党的根本组织原则，是党内政治生活正常开展的重要制度保障。"),
    (_NORMS, _NORMS_EDITION, "八、坚持正确选人用人导向（摘录）",
     "选什么人就是风向标，就有什么样的干部作风，乃至就有什么样的党风。"),
    (_NORMS, _NORMS_EDITION, "九、严格党的组织生活制度（摘录）",
     "党的组织生活是党内政治生活的重要内容和载体，是党组织对党员进行教育管理监督的重要形式。"),
    (_NORMS, _NORMS_EDITION, "十、开展批评和自我批评（摘录）",
     "批评和自我批评是我们党强身治病、保持肌体健康的锐利武器，也是加强和规范党内政治生活的重要手段。"),
]
