"""定性依据: the library of rules a group cites when it characterises a problem (document, article, text,
edition). The program ships the most cited entries (``db/seed.py``, edition named in each); a group adds its
own here (window: the 定性依据 page; command line: ``xuncha records add rule``). A problem or a working paper
cites entries by link (relation ``cites``): 添加关联… in its editor, or ``xuncha records link``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from xuncha_desktop.db.models.rules import Rule
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import NavPage, RecordService

T = FieldType


class RuleService(RecordService[Rule]):
    kind = "rule"
    zh = "定性依据"
    en = "rule"
    nav = NavPage("rule", "定性依据", "Rules cited", "rule", 75)
    list_columns = ("document", "article", "edition", "text")
    model = Rule
    round_field = None  # the library serves every round
    default_order = ("document", "position")
    fields = (
        Field("document", "文件名称", "document", T.STRING, required=True, max_length=200),
        Field("edition", "版本", "edition", T.STRING, max_length=100),
        Field("article", "条款", "article", T.STRING, required=True, max_length=100),
        Field("text", "条文内容", "text", T.TEXT, required=True),
        Field("position", "排序", "order", T.INT, default=0),
    )

    def title(self, record: Rule) -> str:
        return citation(record)

    def validate(self, session: Session, record: Rule, changed: set[str], is_new: bool) -> None:
        record.document = normalise_document(record.document)


def normalise_document(name: str) -> str:
    """A document's name between 《》 once: "中国共产党问责条例" and "《中国共产党问责条例》" are one document."""
    bare = name.strip().strip("《》").strip()
    return f"《{bare}》" if bare else ""


def citation(rule: Rule) -> str:
    """《document》（edition）article: how a working paper names the rule it cites."""
    edition = f"（{rule.edition}）" if rule.edition else ""
    return f"{rule.document}{edition}{rule.article}"


service = RuleService()
