"""Sync for the window: this device's keys, trusted devices, export and import of packages, their history,
conflicts. One short session per call through ``services.sync``, plain values out, no Qt, so every call can
run in a worker thread. Export and import run as jobs (:class:`ExportJob`, :class:`ImportJob`) with progress
and Cancel; the services guarantee that a cancelled export leaves no file and a cancelled import changes
nothing.

Conflicts: 本机 is the service's ``local`` side (the version made on this device; when neither or both were,
the value in force) and 导入 its ``incoming`` side, as in ``xuncha sync resolve --keep local|incoming``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xuncha_desktop import files, local_time
from xuncha_desktop.errors import NotFound, ValidationError, XunchaError
from xuncha_desktop.security.roles import Role
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.fields import coerce
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.sync import PublicKeys
from xuncha_desktop.sync.merge import models_by_table
from xuncha_desktop.ui.controllers.jobs import CancelFlag, Job, Progress

if TYPE_CHECKING:
    from xuncha_desktop.ui.controllers.records import Controller
    from xuncha_desktop.workspace import Workspace

# Field types whose value a person can edit as free text when settling a conflict.
EDITABLE_TYPES = ("string", "text", "names")


# ---- plain values ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OwnDevice:
    name: str
    id: str
    ed25519_public: str
    age_recipient: str
    owner: str
    fingerprint: str  # the safety number two people compare before trusting (sync.keyfile.fingerprint)


@dataclass(frozen=True)
class KeyFile:
    """Another device's key file, as the person about to trust it checks it."""

    path: Path
    name: str
    owner: str
    id: str
    fingerprint: str
    # it carries a (signed) identity key: it can be the office identities are sealed to, or a reader of them
    identity_key: bool = False


@dataclass(frozen=True)
class TrustedDevice:
    id: str
    name: str
    trusted_at: str
    trusted_by: str
    fingerprint: str


@dataclass(frozen=True)
class PackageRow:
    direction: str  # sent | received
    peer: str
    file_name: str
    at: str
    changes: int
    evidence_files: int
    bytes: int


@dataclass(frozen=True)
class ConflictRow:
    """One open conflict as the page shows it: 本机 (here) and 导入 (incoming) sides, both as text."""

    id: str
    table: str
    kind: str | None  # the record kind (a service), None for tables without one (links, vocabulary…)
    kind_label: str
    title: str
    field: str
    field_label: str
    field_type: str | None
    here_value: Any
    incoming_value: Any
    here_text: str
    incoming_text: str
    here_device: str
    incoming_device: str
    here_is_kept: bool  # whether 本机 is the value in force

    @property
    def editable(self) -> bool:
        return self.kind is not None and self.field_type in EDITABLE_TYPES


class SyncController:
    """The sync page's access to the data: one session per call, plain values out (no Qt). ``records``
    gives the labels of kinds, fields and values, as the lists show them."""

    def __init__(self, workspace: Workspace, records: Controller) -> None:
        self._workspace = workspace
        self.controller = records
        self.lang = records.lang

    # ---- keys ------------------------------------------------------------------------------------------
    def own_device(self) -> OwnDevice:
        public = self._workspace.public_keys
        info = self._workspace.info
        own = sync_service.own_keys(self._workspace)
        return OwnDevice(info.device_name, str(info.device_id), str(public["ed25519_public"]),
                         str(public["age_recipient"]), own.owner, own.fingerprint)

    def export_public(self, out: Path) -> None:
        """Writes this device's public keys and owner (nothing secret: readable by everyone) to ``out``."""
        document = sync_service.keyfile_document(self._workspace)  # with the signed identity key
        files.write_bytes(out, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"), mode=0o644)

    def key_file(self, path: Path) -> KeyFile:
        """Reads another device's key file without trusting it. Raises InvalidRequest for a file that is
        not one."""
        keys = sync_service.read_keyfile(path)
        return KeyFile(path, keys.device_name, keys.owner, str(keys.device_id), keys.fingerprint,
                       bool(keys.identity_public))

    @property
    def at_the_office(self) -> bool:
        """This copy is the office's: a device it trusts may be named a reader of identities."""
        return self._workspace.user.role == Role.OFFICE

    def trust(self, keyfile: Path, office: bool = False, reads_identities: bool = False) -> tuple[TrustedDevice, bool]:
        """Trusts the device of ``keyfile`` (as the office, or as a reader of identities: services.sync.trust);
        returns it and whether it was new."""
        with self._workspace.transaction() as session:
            before = {str(d.device_id) for d in sync_service.trusted(session)}
            device = _trusted(sync_service.trust(session, self._workspace, keyfile, office, reads_identities))
        return device, device.id not in before

    def trusted(self) -> list[TrustedDevice]:
        with self._workspace.session() as session:
            return [_trusted(d) for d in sync_service.trusted(session)]

    # ---- packages --------------------------------------------------------------------------------------
    def history(self) -> list[PackageRow]:
        with self._workspace.session() as session:
            return [PackageRow(p.direction, p.peer or "", p.file_name or "", _local_time(p.at), p.changes,
                               p.evidence_files, p.bytes) for p in sync_service.history(session)]

    def export(self, out: Path, to_device: str | None, passphrase: str | None, everything: bool,
               progress: Progress | None = None, cancelled: CancelFlag | None = None) -> dict[str, Any]:
        """Writes a package for a trusted device (its key as on file here) or under a passphrase."""
        if to_device is None:
            return sync_service.export(self._workspace, out, None, passphrase, everything, progress, cancelled)
        with self._workspace.session() as session:
            found = [PublicKeys(d.device_id, d.device_name, d.ed25519_public, d.age_recipient)
                     for d in sync_service.trusted(session) if str(d.device_id) == to_device]
        if not found:
            raise NotFound("not_found", kind="device", kind_zh="受信任设备", id=to_device)
        return sync_service.export(self._workspace, out, found[0], None, everything, progress, cancelled)

    def import_(self, path: Path, passphrase: str | None, dry_run: bool, progress: Progress | None = None,
                cancelled: CancelFlag | None = None) -> dict[str, Any]:
        return sync_service.import_(self._workspace, path, passphrase, dry_run, progress, cancelled).to_json()

    # ---- conflicts -------------------------------------------------------------------------------------
    def conflicts(self) -> list[ConflictRow]:
        names = {self._workspace.info.device_id: self._workspace.info.device_name}
        kinds = {service.model.__tablename__: kind for kind, service in KINDS.items()}
        raw: list[tuple[Any, ...]] = []
        with self._workspace.transaction() as session:  # listing re-decides the open conflicts
            names.update({d.device_id: d.device_name for d in sync_service.trusted(session)})
            for c in sync_service.conflicts(session):
                kind = kinds.get(c.table_name)
                title = str(c.record_id)[:8]
                model = models_by_table().get(c.table_name)
                record = session.get(model, c.record_id) if model is not None else None
                if record is not None and kind is not None:
                    title = KINDS[kind].title(record)
                raw.append((c, kind, title, sync_service.sides(session, c)))
        rows = []
        for c, kind, title, both in raw:
            spec = self._field(kind, c.field)
            rows.append(ConflictRow(
                id=str(c.id), table=c.table_name, kind=kind,
                kind_label=self.controller.kind_label(kind) if kind else "", title=title, field=c.field,
                field_label=(spec.zh if self.controller.lang == "zh" else spec.en) if spec else "",
                field_type=spec.value_type.value if spec else None, here_value=both.local_value,
                incoming_value=both.incoming_value, here_text=self.show(kind, c.field, both.local_value),
                incoming_text=self.show(kind, c.field, both.incoming_value),
                here_device=self._device_name(names, both.local_device),
                incoming_device=self._device_name(names, both.incoming_device),
                here_is_kept=both.local_in_force))
        return rows

    @staticmethod
    def _device_name(names: dict[Any, str], device: Any) -> str:
        return names.get(device, str(device)[:8]) if device else ""

    def _field(self, kind: str | None, name: str) -> Any:
        if kind is None:
            return None
        try:
            return self.controller.service(kind).field(name)
        except (KeyError, XunchaError):
            return None

    def show(self, kind: str | None, name: str, value: Any) -> str:
        """The whole text of one side of a conflict (not shortened, unlike a list's cell)."""
        if value is None:
            return ""
        if isinstance(value, dict):  # an edit concurrent with a deletion: the edited fields
            return "\n".join(f"{self._label(kind, k)}：{self.show(kind, k, v)}" for k, v in sorted(value.items()))
        if isinstance(value, str) and (spec := self._field(kind, name)) is not None \
                and spec.value_type.value in ("string", "text"):
            return value
        if isinstance(value, list):
            return "、".join(str(v) for v in value)
        if kind is not None and self._field(kind, name) is not None:
            try:
                return self.controller.display(kind, name, value)
            except (XunchaError, ValueError, TypeError):
                pass
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def _label(self, kind: str | None, name: str) -> str:
        spec = self._field(kind, name)
        if spec is None:
            return name
        return str(spec.zh if self.controller.lang == "zh" else spec.en)

    def settle(self, row: ConflictRow, side: str) -> None:
        """Keeps the ``here`` or the ``incoming`` side of the conflict (a change that travels)."""
        with self._workspace.transaction() as session:
            sync_service.resolve(session, row.id, keep="local" if side == "here" else "incoming")

    def settle_with(self, row: ConflictRow, text: str) -> None:
        """Settles with an edited value, read and checked as the field's services read input."""
        assert row.kind is not None
        spec = self.controller.service(row.kind).field(row.field)
        value = coerce(spec, text)
        if value is None and spec.required:
            raise ValidationError("field_required", spec.name, field_zh=spec.zh)
        with self._workspace.transaction() as session:
            sync_service.resolve(session, row.id, value=value, use_value=True)


def _trusted(device: Any) -> TrustedDevice:
    return TrustedDevice(str(device.device_id), device.device_name, _local_time(device.trusted_at),
                         device.trusted_by, sync_service.device_fingerprint(device))


def _local_time(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return local_time.text(value)


# ---- jobs ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExportChoice:
    out: Path
    to_device: str | None
    passphrase: str | None
    everything: bool


@dataclass(frozen=True)
class ImportChoice:
    path: Path
    passphrase: str | None
    dry_run: bool


class ExportJob(Job[dict[str, Any]]):
    """Writes a package as ``choice`` says; the result is the service's summary (changes, bytes, …)."""

    def __init__(self, sync: SyncController, choice: ExportChoice) -> None:
        super().__init__()
        self.sync, self.choice = sync, choice

    def work(self, progress: Progress, cancelled: CancelFlag) -> dict[str, Any]:
        c = self.choice
        return self.sync.export(c.out, c.to_device, c.passphrase, c.everything, progress, cancelled)


class ImportJob(Job[dict[str, Any]]):
    """Imports (or, with ``dry_run``, only checks) a package; the result is the import's summary."""

    def __init__(self, sync: SyncController, choice: ImportChoice) -> None:
        super().__init__()
        self.sync, self.choice = sync, choice

    def work(self, progress: Progress, cancelled: CancelFlag) -> dict[str, Any]:
        c = self.choice
        return self.sync.import_(c.path, c.passphrase, c.dry_run, progress, cancelled)
