"""Vocabularies: lists of codes and labels that offices adapt per round.

Every round starts from the default list (terms with no round); once a round has terms of its own for
a vocabulary, those replace the defaults for that round. Default terms have ids derived from their
code, so every laptop seeds the same records and merging them makes no duplicates.
"""

from __future__ import annotations

import uuid
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.models.vocabulary import VocabularyTerm
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.services.fields import Field

VOCABULARIES: Final[dict[str, tuple[str, str]]] = {
    "problem_category": ("问题类别", "Problem category"),
    "interviewee_category": ("谈话对象类别", "Interviewee category"),
    "petition_category": ("信访问题类别", "Petition category"),
    "clue_category": ("线索类别", "Clue category"),
    "evidence_type": ("证据类型", "Evidence type"),
    "party_org_kind": ("党组织类型", "Party organisation kind"),
}

def _check(vocabulary: str) -> None:
    if vocabulary not in VOCABULARIES:
        raise InvalidRequest("vocabulary_unknown", vocabulary=vocabulary, known=", ".join(VOCABULARIES))


def terms(session: Session, vocabulary: str, round_id: uuid.UUID | None = None) -> list[VocabularyTerm]:
    """The terms in force for a round: its own if it has any, else the defaults."""
    _check(vocabulary)
    cache = context_of(session).cache
    key = ("vocabulary", vocabulary, round_id)
    if key not in cache:
        cache[key] = _load_terms(session, vocabulary, round_id)
    found: list[VocabularyTerm] = cache[key]
    return found


def _forget_terms(session: Session) -> None:
    cache = context_of(session).cache
    for key in [k for k in cache if isinstance(k, tuple) and k[0] == "vocabulary"]:
        del cache[key]


def _load_terms(session: Session, vocabulary: str, round_id: uuid.UUID | None) -> list[VocabularyTerm]:
    base = select(VocabularyTerm).where(VocabularyTerm.vocabulary == vocabulary,
                                        VocabularyTerm.deleted.is_(False))
    order = (VocabularyTerm.sort_order, VocabularyTerm.code)
    if round_id is not None:
        own = list(session.scalars(base.where(VocabularyTerm.round_id == round_id).order_by(*order)))
        if own:
            return own
    return list(session.scalars(base.where(VocabularyTerm.round_id.is_(None)).order_by(*order)))


def label(session: Session, vocabulary: str, code: str | None, round_id: uuid.UUID | None = None) -> str:
    if code is None:
        return ""
    for term in terms(session, vocabulary, round_id):
        if term.code == code:
            return term.label_zh
    return code


def resolve(session: Session, vocabulary: str, round_id: uuid.UUID | None, text: str, field: Field) -> str:
    """The code of the term whose code or label is ``text``; a ValidationError on ``field`` otherwise."""
    wanted = text.strip()
    available = terms(session, vocabulary, round_id)
    for term in available:
        if wanted in (term.code, term.label_zh) or wanted.casefold() == (term.label_en or "").casefold():
            return term.code
    choices = "、".join(f"{t.code}（{t.label_zh}）" for t in available)
    raise field.fail("field_choice", value=text, choices=choices)


def add_term(session: Session, vocabulary: str, code: str, label_zh: str, label_en: str | None = None,
             round_id: uuid.UUID | None = None, parent_code: str | None = None) -> VocabularyTerm:
    """Adds a term; to a round's own list when ``round_id`` is given (copy the defaults first to keep them)."""
    _check(vocabulary)
    clash = session.scalar(select(VocabularyTerm).where(
        VocabularyTerm.vocabulary == vocabulary, VocabularyTerm.code == code,
        VocabularyTerm.round_id.is_(None) if round_id is None else VocabularyTerm.round_id == round_id,
        VocabularyTerm.deleted.is_(False)))
    if clash is not None:
        raise InvalidRequest("term_exists", vocabulary=vocabulary, code=code)
    count = len(terms(session, vocabulary, round_id))
    _forget_terms(session)
    term = VocabularyTerm(vocabulary=vocabulary, round_id=round_id, code=code, label_zh=label_zh,
                          label_en=label_en, parent_code=parent_code, sort_order=count)
    session.add(term)
    session.flush()
    _forget_terms(session)
    return term


def _term(session: Session, vocabulary: str, code: str, round_id: uuid.UUID | None) -> VocabularyTerm:
    for term in terms(session, vocabulary, round_id):
        if term.code == code and term.round_id == round_id:
            return term
    raise InvalidRequest("term_missing", vocabulary=vocabulary, code=code)


def update_term(session: Session, vocabulary: str, code: str, round_id: uuid.UUID | None = None,
                label_zh: str | None = None, label_en: str | None = None) -> VocabularyTerm:
    """Relabels a term (the code, which records hold, never changes)."""
    term = _term(session, vocabulary, code, round_id)
    if label_zh:
        term.label_zh = label_zh
    if label_en is not None:
        term.label_en = label_en or None
    session.flush()
    _forget_terms(session)
    return term


def remove_term(session: Session, vocabulary: str, code: str, round_id: uuid.UUID | None = None) -> None:
    """Withdraws a term from new input; records that hold its code keep it (and show the code)."""
    term = _term(session, vocabulary, code, round_id)
    term.deleted = True
    session.flush()
    _forget_terms(session)


def copy_defaults_to_round(session: Session, vocabulary: str, round_id: uuid.UUID) -> list[VocabularyTerm]:
    """Gives a round its own editable copy of the default list."""
    copies = []
    _forget_terms(session)
    for term in terms(session, vocabulary, None):
        copy = VocabularyTerm(vocabulary=vocabulary, round_id=round_id, code=term.code, label_zh=term.label_zh,
                              label_en=term.label_en, parent_code=term.parent_code, sort_order=term.sort_order)
        session.add(copy)
        copies.append(copy)
    session.flush()
    _forget_terms(session)
    return copies
