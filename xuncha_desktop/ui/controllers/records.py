"""The records of the window's lists and forms: one short session per call, plain values out.

``Controller`` is the window's entry to the data: besides the records it owns the narrower controllers of
evidence, documents, sync and drafts, which the window hands to the widgets that need them; no widget is
given the workspace. Widgets never hold a Session or an ORM object. Every method here opens a session through
the workspace, calls the services (the same ones the command line uses), turns what they return into plain Python values
(strings, dicts, small dataclasses) and closes the session. Errors from the services (ValidationError,
InvalidRequest, NotFound) pass through unchanged, so the window can show their message next to the field.
This module imports no Qt, so it is tested and benchmarked without a screen.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import case, func, select

from xuncha_desktop import local_time, messages
from xuncha_desktop.db.enums import ClueStatus, ProblemStatus
from xuncha_desktop.db.models import GroupMember, Problem, Unit
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.security.roles import Role
from xuncha_desktop.services import declarations, evidence, interviews, links, permissions, search
from xuncha_desktop.services import vocabulary as vocab
from xuncha_desktop.services.feedback import round_units
from xuncha_desktop.services.fields import FieldType, parse_uuid
from xuncha_desktop.services.kinds import nav_pages, searched_kinds, service_for
from xuncha_desktop.services.links import RELATIONS
from xuncha_desktop.services.permissions import Action
from xuncha_desktop.services.records import Filter
from xuncha_desktop.services.search import SearchHit
from xuncha_desktop.services.stats import OfficeView, office_view, round_figures
from xuncha_desktop.ui.controllers.audit import AuditController
from xuncha_desktop.ui.controllers.drafts import DraftsController
from xuncha_desktop.ui.controllers.evidence import EvidenceController
from xuncha_desktop.ui.controllers.feedback_drafts import FeedbackDraftsController
from xuncha_desktop.ui.controllers.reports import ReportsController
from xuncha_desktop.ui.controllers.sync import SyncController

if TYPE_CHECKING:
    from xuncha_desktop.services.fields import Field
    from xuncha_desktop.services.records import RecordService
    from xuncha_desktop.workspace import Workspace

# Fields holding a number of bytes, shown as "2.8 MB".
SIZE_FIELDS = frozenset({("evidence", "size")})


def size_text(size: Any) -> str:
    if not isinstance(size, int):
        return "—"
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} B"


NOT_RECTIFIED = ("open", "in_progress", "not_rectified")


class Row(NamedTuple):
    """One line of a list: the record's id and its shown values (already labels, not codes)."""

    id: str
    values: tuple[str, ...]
    overdue: bool = False


@dataclass(frozen=True)
class NavEntry:
    """A record page of the window's navigation, from the families' ``NavPage``: its key, its label in the
    window's language, its icon and the kinds it lists (as tabs when more than one)."""

    key: str
    label: str
    icon: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class WorkspaceInfo:
    path: str
    device_name: str
    user_name: str
    role: str  # the user's role, named in the controller's language


@dataclass(frozen=True)
class LinkedItem:
    kind: str
    id: str
    relation: str
    title: str


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    title: str
    snippet: str
    unit: str = ""


@dataclass(frozen=True)
class LinkChoice:
    """A record offered by the link picker: its title and the unit it belongs to."""

    id: str
    title: str
    unit_id: str | None
    unit: str


@dataclass
class HitGroup:
    """One kind's part of a search: its label, how many records match, and the hits read so far."""

    kind: str
    label: str
    count: int
    hits: list[Hit]
    capped: bool = False  # more than ``count`` match (counting stopped there)


@dataclass
class Figures:
    round_name: str | None
    counts: dict[str, int]
    clues_by_status: list[tuple[str, int]]
    problems_by_status: list[tuple[str, int]]
    problems_by_category: list[tuple[str, str, int]]  # code, label, count
    rectification_by_unit: list[tuple[str, str, int, int]]  # unit id, unit name, rectified, total
    overdue: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Query:
    """What a list asks for: filters as (field, op, value) in the services' own syntax, a search, an order."""

    filters: tuple[tuple[str, str, str], ...] = ()
    search: str | None = None
    order: tuple[str, ...] | None = None


class Controller:
    """Data access for the window. ``lang`` ("zh" or "en") chooses the labels of fields and codes."""

    def __init__(self, workspace: Workspace, lang: str = "zh") -> None:
        self._workspace = workspace
        self.lang = lang
        self.warnings: list[str] = []  # 回避 warnings of the last create or update
        self._titles: dict[tuple[str, str], str] = {}
        self._vocab: dict[tuple[str, str | None], dict[str, str]] = {}
        self.evidence = EvidenceController(workspace, lang)
        self.reports = ReportsController(workspace, lang)
        self.sync = SyncController(workspace, self)
        self.drafts = DraftsController(workspace)
        self.audit = AuditController(workspace, lang)
        self.feedback_drafts = FeedbackDraftsController(workspace)

    def about(self) -> WorkspaceInfo:
        """Where the workspace is and who works in it, for the status bar and the title."""
        info = self._workspace.info
        return WorkspaceInfo(str(self._workspace.path), info.device_name, self._workspace.user.name,
                             messages.render(self.role.message_key, self.lang))

    # ---- what the person may do (services/permissions.py: the services refuse the rest anyway) --------
    @property
    def role(self) -> Role:
        return self._workspace.user.role

    def may(self, action: Action) -> bool:
        return permissions.allowed(self.role, action)

    def may_edit(self, kind: str) -> bool:
        """Whether the person may create and edit records of ``kind`` (a 只读 user gets read-only forms)."""
        return permissions.allowed(self.role, permissions.edit_action(kind))

    def may_delete(self) -> bool:
        return self.may(Action.DELETE_RECORDS)

    def check_passphrase(self, passphrase: str, sleep: Callable[[float], None] | None = None) -> None:
        """Raises WrongPassphrase unless it opens the current user's key slot (the idle lock asks it)."""
        self._workspace.check_passphrase(passphrase, sleep=sleep)

    # ---- description ---------------------------------------------------------------------------
    @staticmethod
    def service(kind: str) -> RecordService[Any]:
        return service_for(kind)

    # What the window shows of each family (its page, list columns, date and category filters) is read from
    # the families' descriptors when asked (``services.kinds``): the window keeps no list of its own.
    def nav_pages(self) -> list[NavEntry]:
        """The navigation's record pages in order (``services.kinds.nav_pages``), labelled in ``lang``."""
        return [NavEntry(page.key, page.zh if self.lang == "zh" else page.en, page.icon, tuple(kinds))
                for page, kinds in nav_pages()]

    def page_of(self, kind: str) -> str:
        """The key of the navigation page that lists ``kind``."""
        return self.service(kind).nav.key

    def date_field(self, kind: str) -> str | None:
        """The field of the list's date-range filter, if it has one."""
        return self.service(kind).date_field

    def category_field(self, kind: str) -> str | None:
        """The field of the list's category filter, if it has one."""
        return self.service(kind).category_field

    def kind_label(self, kind: str) -> str:
        service = self.service(kind)
        return service.zh if self.lang == "zh" else service.en

    def fields(self, kind: str) -> tuple[Field, ...]:
        return self.service(kind).fields

    def field_label(self, kind: str, name: str) -> str:
        if name == "created_at":
            return "创建时间" if self.lang == "zh" else "created"
        field_spec = self.service(kind).field(name)
        return field_spec.zh if self.lang == "zh" else field_spec.en

    def columns(self, kind: str) -> tuple[str, ...]:
        return self.service(kind).list_columns

    def enum_choices(self, kind: str, name: str) -> list[tuple[str, str]]:
        enum = self.service(kind).field(name).enum
        assert enum is not None
        return [(m.value, m.zh if self.lang == "zh" else m.en) for m in enum]

    def vocab_choices(self, vocabulary: str, round_id: str | None = None) -> list[tuple[str, str]]:
        return list(self._vocabulary(vocabulary, round_id).items())

    def ref_choices(self, kind: str, limit: int = 500) -> list[tuple[str, str]]:
        """(id, title) of the records of a small kind (rounds, units, problems) for pickers."""
        service = self.service(kind)
        with self._workspace.session() as session:
            records = service.find(session, limit=limit)
            result = [(str(r.id), service.title(r)) for r in records]
        for key, title in result:
            self._titles[(kind, key)] = title
        return result

    def people(self) -> list[str]:
        """Names of the members of every group, for completing interviewers, recorders and sign-offs."""
        with self._workspace.session() as session:
            names = session.scalars(select(GroupMember.name).where(GroupMember.deleted.is_(False)).distinct())
            return sorted(set(names))

    def status_label(self, kind: str, status: str) -> str:
        enum = self.service(kind).status_enum
        assert enum is not None
        member = enum(status)
        return member.zh if self.lang == "zh" else member.en

    def allowed_next(self, kind: str, status: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """(status, label, the fields the step needs) for each step allowed from ``status`` that the person's
        role may take."""
        service = self.service(kind)
        return [(s, self.status_label(kind, s), tuple(service.transition_needs.get(s, ())))
                for s in service.allowed_next(status) if permissions.may_step(self.role, kind, status, s)]

    # ---- lists ---------------------------------------------------------------------------------
    def _filters(self, query: Query) -> list[Any]:
        return [Filter(name, op, value) for name, op, value in query.filters]

    def list_order(self, kind: str, column: str, descending: bool, rows: int | None = None) -> tuple[str, ...] | None:
        """The order of the list sorted by ``column``; None when the list does not sort by it (no index, and
        too long to sort without one). ``rows`` is the list's length when the caller knows it."""
        service = self.service(kind)
        indexed = service.list_order(column, descending)
        if indexed is not None:
            return indexed
        if rows is None:
            with self._workspace.session() as session:
                rows = service.count(session)
        return service.list_order(column, descending, rows)

    def count(self, kind: str, query: Query = Query()) -> int:
        service = self.service(kind)
        with self._workspace.session() as session:
            return service.count(session, self._filters(query), query.search or None)

    def page(self, kind: str, offset: int, limit: int, query: Query = Query()) -> list[Row]:
        """Rows ``offset`` … ``offset + limit`` of the list, as shown values."""
        service = self.service(kind)
        columns = service.list_columns
        model = service.model
        # The service builds the statement (filters, search, order: all in the database); only the shown
        # columns are read, as plain tuples: no ORM objects for a list, so a page costs little however long
        # the records are.
        extra = [c for c in ("status", "deadline") if kind == "problem" and c not in columns]
        wanted = ["id", *columns, *extra]
        with self._workspace.session() as session:
            statement = service.query(session, self._filters(query), query.search or None,
                                      list(query.order) if query.order else None)
            statement = statement.with_only_columns(*[getattr(model, c) for c in wanted]) \
                .offset(offset).limit(limit)
            raw = session.execute(statement).all()
        if not raw:
            return []
        # Column by column: a column of codes or references has few distinct values, each labelled once.
        by_column = list(zip(*raw, strict=True))
        shown = [self._show_column(kind, name, values) for name, values in zip(columns, by_column[1:], strict=False)]
        if kind == "problem":
            today = local_time.today()
            status, deadline = by_column[wanted.index("status")], by_column[wanted.index("deadline")]
            overdue = [d is not None and d < today and s in NOT_RECTIFIED
                       for s, d in zip(status, deadline, strict=True)]
        else:
            overdue = [False] * len(raw)
        return [Row(str(key), values, late)
                for key, values, late in zip(by_column[0], zip(*shown, strict=True), overdue, strict=True)]

    def _show_column(self, kind: str, name: str, values: Sequence[Any]) -> list[str]:
        """The shown texts of one column of a page (what ``display`` gives, without asking it per cell)."""
        if (kind, name) in SIZE_FIELDS:
            return [size_text(v) if v is not None else "" for v in values]
        type_name = self.service(kind).field(name).value_type.value
        if type_name in ("enum", "vocabulary", "reference", "bool"):
            labels = {value: self.display(kind, name, value) for value in set(values)}
            return list(map(labels.__getitem__, values))
        if type_name == "datetime":
            return [local_time.text(v) for v in values]
        if type_name in ("string", "int", "date"):
            return ["" if v is None else str(v) for v in values]
        return [self.display(kind, name, v) for v in values]

    def display(self, kind: str, name: str, value: Any) -> str:
        """The text a person reads for a field's value: labels for codes, titles for references."""
        if value is None or value == "":
            return ""
        if (kind, name) in SIZE_FIELDS:
            return size_text(value)
        spec = self.service(kind).field(name)
        zh = self.lang == "zh"
        if spec.value_type is FieldType.ENUM and spec.enum is not None:
            try:
                member = spec.enum(value)
            except ValueError:
                return str(value)
            return member.zh if zh else member.en
        if spec.value_type is FieldType.VOCAB and spec.vocabulary is not None:
            return self._vocabulary(spec.vocabulary, None).get(str(value), str(value))
        if spec.value_type is FieldType.REF and spec.ref is not None:
            return self.title(spec.ref, str(value))
        if spec.value_type is FieldType.BOOL:
            return ("是" if value else "否") if zh else ("yes" if value else "no")
        if spec.value_type is FieldType.DATETIME and isinstance(value, dt.datetime):
            return local_time.text(value)
        if spec.value_type is FieldType.DATE and isinstance(value, dt.date):
            return value.isoformat()
        if spec.value_type is FieldType.NAMES and isinstance(value, list):
            return "、".join(value)
        if spec.value_type is FieldType.TEXT:
            flat = " ".join(str(value).split())
            return flat if len(flat) <= 80 else flat[:79] + "…"
        return str(value)

    def title(self, kind: str, record_id: str) -> str:
        key = (kind, record_id)
        if key not in self._titles:
            service = self.service(kind)
            with self._workspace.session() as session:
                try:
                    self._titles[key] = service.title(service.get(session, record_id))
                except InvalidRequest:
                    self._titles[key] = record_id[:8]
        return self._titles[key]

    def _vocabulary(self, vocabulary: str, round_id: str | None) -> dict[str, str]:
        key = (vocabulary, round_id)
        if key not in self._vocab:
            with self._workspace.session() as session:
                terms = vocab.terms(session, vocabulary, parse_uuid(round_id) if round_id else None)
                self._vocab[key] = {t.code: (t.label_zh if self.lang == "zh" else (t.label_en or t.label_zh))
                                    for t in terms}
        return self._vocab[key]

    # ---- one record ----------------------------------------------------------------------------
    def read(self, kind: str, record_id: str) -> dict[str, Any]:
        """The record's fields as JSON values (codes, ISO dates); the look is audited."""
        service = self.service(kind)
        with self._workspace.transaction() as session:
            return service.to_dict(session, service.read(session, record_id))

    def create(self, kind: str, data: Mapping[str, Any]) -> str:
        service = self.service(kind)
        with self._workspace.transaction() as session:
            record = service.create(session, data)
            key = str(record.id)
            self.warnings = [w.text(self.lang) for w in declarations.take_warnings(session)]  # 回避
        self._forget(kind, key)
        return key

    def update(self, kind: str, record_id: str, data: Mapping[str, Any], base_hlc: str | None = None) -> None:
        """``base_hlc``: the record's stamp when the form was filled (refused if changed since)."""
        service = self.service(kind)
        with self._workspace.transaction() as session:
            service.update(session, record_id, data, base_hlc=base_hlc)
            self.warnings = [w.text(self.lang) for w in declarations.take_warnings(session)]  # 回避
        self._forget(kind, record_id)

    def delete(self, kind: str, record_id: str) -> None:
        service = self.service(kind)
        with self._workspace.transaction() as session:
            service.delete(session, record_id)
        self._forget(kind, record_id)

    def set_status(self, kind: str, record_id: str, status: str, needs: Mapping[str, Any]) -> None:
        service = self.service(kind)
        with self._workspace.transaction() as session:
            service.set_status(session, record_id, status, **dict(needs))

    def sign_interview(self, record_id: str, scan: Path | None = None) -> None:
        with self._workspace.transaction() as session:
            scan_id = None
            if scan is not None:
                record = interviews.service.get(session, record_id)
                scan_id = evidence.service.add_file(
                    session, self._workspace.evidence, scan,
                    {"title": f"谈话记录签字件 {record.interviewee_name}", "unit_id": str(record.unit_id)}).id
            interviews.service.sign(session, record_id, local_time.now(), scan_id)

    def _forget(self, kind: str, record_id: str) -> None:
        self._titles.pop((kind, record_id), None)

    # ---- links ---------------------------------------------------------------------------------
    def linked(self, kind: str, record_id: str) -> list[LinkedItem]:
        with self._workspace.session() as session:
            found = links.linked(session, kind, uuid.UUID(record_id))
        return [LinkedItem(item.kind, str(item.id), item.relation, self.title(item.kind, str(item.id)))
                for item in found]

    def link(self, kind_a: str, id_a: str, kind_b: str, id_b: str) -> None:
        with self._workspace.transaction() as session:
            links.link(session, kind_a, id_a, kind_b, id_b)

    def unlink(self, kind_a: str, id_a: str, kind_b: str, id_b: str) -> None:
        with self._workspace.transaction() as session:
            links.unlink(session, kind_a, uuid.UUID(id_a), kind_b, uuid.UUID(id_b))

    def units_of_round(self, round_id: str) -> set[str]:
        """The units the round's groups inspect (a form's unit choices once its round is chosen)."""
        key = parse_uuid(round_id)
        if key is None:
            return set()
        with self._workspace.session() as session:
            return {str(unit) for unit in round_units(session, key)}

    def link_choices(self, kind: str, search: str | None = None, unit_id: str | None = None,
                     round_id: str | None = None, limit: int = 100) -> list[LinkChoice]:
        """Records of ``kind`` to link, newest first, narrowed to a unit and a round where the kind has them."""
        service = self.service(kind)
        names = {f.name for f in service.fields}
        filters = [Filter(name, "=", value) for name, value in (("unit_id", unit_id), ("round_id", round_id))
                   if value and name in names]
        with self._workspace.session() as session:
            records = service.find(session, filters, search or None, limit)
            found = [(str(r.id), service.title(r), getattr(r, "unit_id", None)) for r in records]
        return [LinkChoice(key, title, str(unit) if unit else None, self.title("unit", str(unit)) if unit else "")
                for key, title, unit in found]

    @staticmethod
    def linkable_kinds(kind: str) -> list[str]:
        found = {b for a, b in RELATIONS if a == kind} | {a for a, b in RELATIONS if b == kind}
        return sorted(found - {"group", "unit"})

    # ---- search, figures -----------------------------------------------------------------------
    def search(self, text: str, per_kind: int = 20) -> list[HitGroup]:
        """Every searched kind with a match: its count and its newest ``per_kind`` hits."""
        with self._workspace.session() as session:
            groups = search.search_by_kind(session, text, searched_kinds(), per_kind)  # in the window's order
        return [HitGroup(g.kind, self.kind_label(g.kind), g.count, [self._hit(h) for h in g.hits], g.capped)
                for g in groups]

    def search_more(self, text: str, kind: str, offset: int, limit: int = 50) -> list[Hit]:
        """The next hits of one kind, after the ``offset`` already shown."""
        with self._workspace.session() as session:
            hits = search.page(session, text, kind, offset, limit)
        return [self._hit(h) for h in hits]

    def _hit(self, hit: SearchHit) -> Hit:
        unit = self.title("unit", str(hit.unit_id)) if hit.unit_id else ""
        return Hit(hit.kind, str(hit.id), self.title(hit.kind, str(hit.id)), hit.snippet, unit)

    def office_view(self, round_id: str | None = None, as_of: dt.date | None = None) -> OfficeView:
        """The office's view across rounds and groups (all rounds, or ``round_id``): plain dataclasses."""
        with self._workspace.session() as session:
            return office_view(session, round_id, as_of)

    def figures(self, round_id: str | None = None, as_of: dt.date | None = None) -> Figures:

        today = as_of or local_time.today()
        with self._workspace.session() as session:
            figures = round_figures(session, round_id, today)
            by_unit = select(Problem.unit_id, Unit.name,
                             func.sum(case((Problem.status == "rectified", 1), else_=0)), func.count()) \
                .join(Unit, Unit.id == Problem.unit_id) \
                .where(Problem.deleted.is_(False)).group_by(Problem.unit_id, Unit.name).order_by(Unit.name)
            overdue_q = select(Problem).where(Problem.deleted.is_(False), Problem.deadline < today,
                                              Problem.status.in_(NOT_RECTIFIED)).order_by(Problem.deadline)
            if round_id:
                by_unit = by_unit.where(Problem.round_id == uuid.UUID(round_id))
                overdue_q = overdue_q.where(Problem.round_id == uuid.UUID(round_id))
            units = [(str(u), str(n), int(r or 0), int(t)) for u, n, r, t in session.execute(by_unit)]
            overdue_rows = [(str(p.id), p.number or "", p.statement, p.deadline, p.status, str(p.unit_id))
                            for p in session.scalars(overdue_q.limit(200))]
        zh = self.lang == "zh"
        overdue = [{"id": key, "number": number, "statement": " ".join(statement.split())[:60],
                    "deadline": deadline.isoformat() if deadline else "",
                    "status": self.status_label("problem", status), "unit": self.title("unit", unit)}
                   for key, number, statement, deadline, status, unit in overdue_rows]
        categories = figures.problem_category_labels
        if not zh:
            english = self._vocabulary("problem_category", None)
            categories = {k: english.get(k, v) for k, v in categories.items()}
        return Figures(
            round_name=figures.round_name,
            counts={"units": figures.units, "interviews": figures.interviews, "petitions": figures.petitions,
                    "clues": figures.clues, "problems": figures.problems,
                    "problems_in_feedback": figures.problems_in_feedback,
                    "problems_rectified": figures.problems_rectified, "problems_overdue": figures.problems_overdue},
            clues_by_status=[(ClueStatus(s).zh if zh else ClueStatus(s).en, n)
                             for s, n in figures.clues_by_status.items()],
            problems_by_status=[(ProblemStatus(s).zh if zh else ProblemStatus(s).en, n)
                                for s, n in figures.problems_by_status.items()],
            problems_by_category=[(code, categories.get(code, code), n)
                                  for code, n in figures.problems_by_category.items()],
            rectification_by_unit=units,
            overdue=overdue,
        )
