"""The ORM models, one module per record family. Importing this package registers them all."""

from xuncha_desktop.db.base import Base, Replicated
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.db.models.clues import Clue
from xuncha_desktop.db.models.declarations import Declaration
from xuncha_desktop.db.models.evidence import CustodyEvent, Evidence
from xuncha_desktop.db.models.feedback_drafts import FeedbackDraft, FeedbackItem
from xuncha_desktop.db.models.identities import IdentityEnvelope, IdentityStaged
from xuncha_desktop.db.models.interviews import Interview
from xuncha_desktop.db.models.links import Link
from xuncha_desktop.db.models.organisation import Group, GroupMember, Round, Unit
from xuncha_desktop.db.models.papers import WorkingPaper
from xuncha_desktop.db.models.petitions import Petition
from xuncha_desktop.db.models.problems import Problem, RectificationUpdate
from xuncha_desktop.db.models.rules import Rule
from xuncha_desktop.db.models.situation_reports import SituationReport
from xuncha_desktop.db.models.stations import HubFile, Station
from xuncha_desktop.db.models.sync import SyncConflict, SyncDevice, SyncHead, SyncPackage, SyncPeerMark
from xuncha_desktop.db.models.transfers import ClueTransfer
from xuncha_desktop.db.models.vocabulary import VocabularyTerm

__all__ = [
    "AuditEntry",
    "Change",
    "Clue",
    "ClueTransfer",
    "CustodyEvent",
    "Declaration",
    "Evidence",
    "FeedbackDraft",
    "FeedbackItem",
    "Group",
    "GroupMember",
    "HubFile",
    "IdentityEnvelope",
    "IdentityStaged",
    "Interview",
    "Link",
    "Petition",
    "Problem",
    "RectificationUpdate",
    "Round",
    "Rule",
    "SituationReport",
    "Station",
    "SyncConflict",
    "SyncDevice",
    "SyncHead",
    "SyncPackage",
    "SyncPeerMark",
    "Unit",
    "VocabularyTerm",
    "WorkingPaper",
    "replicated_models",
]


def replicated_models() -> list[type[Replicated]]:
    """Every model of travelling records, by table name."""
    models = [m.class_ for m in Base.registry.mappers if issubclass(m.class_, Replicated)]
    return sorted(models, key=lambda m: m.__tablename__)
