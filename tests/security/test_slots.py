"""Users, roles and key slots: one slot per user in keys/master-key.json, the identity key only in the slots of
the roles that see identities, roles bound to the slots, user management by the leader or the office, the
office's recovery slot, and the upgrade of a version-1 key file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from xuncha_desktop import workspace as workspaces
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.errors import InvalidRequest, NotFound, WrongPassphrase, XunchaError
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import backup
from xuncha_desktop.workspace import Workspace

WANG = "梧桐 细雨 渡口 5531"  # 王芳, a member
LI = "枫叶 石桥 远山 9042"  # 李强, the deputy
NEW = "铁塔 夜航 北门 6613"
FIXTURES = Path(__file__).parents[1] / "db" / "fixtures"


def _keyfile(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((path / "keys" / "master-key.json").read_text(encoding="utf-8"))
    return document


def _write_keyfile(path: Path, document: dict[str, Any]) -> None:
    (path / "keys" / "master-key.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _audit(ws: Workspace) -> list[tuple[str, str, str | None]]:
    with ws.session() as session:
        return [(e.actor, e.action, e.detail) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrong passphrases here would slow the next try (tests/security/test_attempts.py tests the wait)."""
    monkeypatch.setattr(workspaces, "SLEEP", lambda seconds: None)


@pytest.fixture
def group(workspace: Workspace) -> Path:
    """The laptop of 张伟 (leader) with 王芳 (member) and 李强 (deputy) added; closed."""
    workspaces.add_user(workspace, "王芳", Role.MEMBER, WANG)
    workspaces.add_user(workspace, "李强", "deputy", LI)
    path = workspace.path
    workspace.close()
    return path


def test_a_new_workspace_has_one_leader_slot_with_the_identity_key(workspace: Workspace) -> None:
    document = _keyfile(workspace.path)
    assert document["version"] == 2 and [(s["user"], s["role"]) for s in document["slots"]] == [("张伟", "leader")]
    assert "wrapped_identity" in document["slots"][0] and "wrapped_key" in document["slots"][0]
    assert workspace.user == User("张伟", Role.LEADER)
    public = json.loads((workspace.path / "keys" / "device-public.json").read_text())["identity_public"]
    assert workspace.identity_public.public_bytes_raw().hex() == public
    private = workspace.identity_private()
    assert private is not None and private.public_key().public_bytes_raw().hex() == public
    # random, not derived from the master key any more (every passphrase holder could derive that one)
    assert private.private_bytes_raw() != workspace.subkey("identities")


def test_each_user_opens_their_own_slot_and_only_some_get_the_identity_key(group: Path) -> None:
    with Workspace.open(group, WANG, user="王芳") as member:
        assert member.user == User("王芳", Role.MEMBER) and member.info.user_name == "王芳"
        assert member.identity_private() is None  # a 组员 may seal an identity, never read one
        public = member.identity_public.public_bytes_raw()
    with Workspace.open(group, LI, user="李强") as deputy:
        key = deputy.identity_private()
        assert deputy.user.role is Role.DEPUTY and key is not None
        assert key.public_key().public_bytes_raw() == public
    with Workspace.open(group, PASSPHRASE, user="张伟") as leader:
        assert leader.identity_private() is not None
    slots = {s["user"]: s for s in _keyfile(group)["slots"]}
    assert "wrapped_identity" not in slots["王芳"] and "wrapped_identity" in slots["李强"]
    # one user's passphrase does not open another's slot
    with pytest.raises(WrongPassphrase):
        Workspace.open(group, WANG, user="李强")


def test_several_users_need_a_name_and_an_unknown_name_lists_the_users(group: Path) -> None:
    with pytest.raises(InvalidRequest) as caught:
        Workspace.open(group, PASSPHRASE)
    assert caught.value.key == "user_required" and "张伟、王芳、李强" in caught.value.text("zh")
    with pytest.raises(InvalidRequest) as unknown:
        Workspace.open(group, PASSPHRASE, user="赵六")
    assert unknown.value.key == "user_unknown" and "王芳" in unknown.value.text("en")
    assert not (group / "keys" / "attempts.json").exists()  # naming nobody is not a guessed passphrase


def test_a_role_edited_in_the_file_breaks_the_slot(group: Path) -> None:
    document = _keyfile(group)
    for slot in document["slots"]:
        if slot["user"] == "王芳":
            slot["role"] = "leader"  # the member tries to become the leader
    _write_keyfile(group, document)
    with pytest.raises(XunchaError) as caught:
        Workspace.open(group, WANG, user="王芳")
    assert caught.value.key == "workspace_damaged" and "role" in caught.value.text("en")
    with pytest.raises(WrongPassphrase):  # without her passphrase it is just a wrong one
        Workspace.open(group, "不对的口令 wrong", user="王芳")
    # a renamed slot does not open either (the name is bound too), and the others still do
    for slot in document["slots"]:
        if slot["user"] == "王芳":
            slot["role"], slot["user"] = "member", "王芳芳"
    _write_keyfile(group, document)
    with pytest.raises(WrongPassphrase):
        Workspace.open(group, WANG, user="王芳芳")
    Workspace.open(group, LI, user="李强").close()


def test_the_last_user_is_remembered_for_the_login_dialog(group: Path) -> None:
    Workspace.open(group, LI, user="李强").close()
    users, last = workspaces.workspace_users(group)
    assert [(u.name, u.role) for u in users] == [("张伟", Role.LEADER), ("王芳", Role.MEMBER), ("李强", Role.DEPUTY)]
    assert last == "李强"


def test_only_a_leader_or_the_office_manages_users_and_every_change_is_audited(group: Path) -> None:
    with Workspace.open(group, WANG, user="王芳") as member:
        before = _keyfile(group)
        for attempt in (lambda: workspaces.add_user(member, "赵六", Role.MEMBER, NEW),
                        lambda: workspaces.remove_user(member, "李强")):
            with pytest.raises(XunchaError) as caught:
                attempt()
            assert caught.value.key == "users_not_allowed" and "王芳" in caught.value.text("zh")
        assert _keyfile(group) == before
        assert [u.name for u in workspaces.list_users(member)] == ["张伟", "王芳", "李强"]  # anyone may look
    with Workspace.open(group, PASSPHRASE, user="张伟") as leader:
        with pytest.raises(InvalidRequest) as exists:
            workspaces.add_user(leader, "王芳", Role.MEMBER, NEW)
        assert exists.value.key == "user_exists"
        with pytest.raises(InvalidRequest) as weak:
            workspaces.add_user(leader, "赵六", Role.MEMBER, "password1")
        assert weak.value.key == "passphrase_weak"
        with pytest.raises(InvalidRequest) as bad_role:
            workspaces.add_user(leader, "赵六", "boss", NEW)
        assert bad_role.value.key == "user_role_unknown"
        with pytest.raises(InvalidRequest) as self_removal:
            workspaces.remove_user(leader, "张伟")
        assert self_removal.value.key == "user_remove_self"
        with pytest.raises(NotFound):
            workspaces.remove_user(leader, "赵六")
        assert _keyfile(group)["slots"] == before["slots"]
        workspaces.remove_user(leader, "王芳")
        workspaces.add_user(leader, "赵六", Role.LIAISON, NEW)
        entries = _audit(leader)
    assert ("张伟", "user_added", "王芳 (member)") in entries
    assert ("张伟", "user_removed", "王芳") in entries and ("张伟", "user_added", "赵六 (liaison)") in entries
    with pytest.raises(InvalidRequest) as gone:  # the removed slot no longer opens anything
        Workspace.open(group, WANG, user="王芳")
    assert gone.value.key == "user_unknown"
    Workspace.open(group, NEW, user="赵六").close()


def test_the_last_slot_that_can_manage_users_is_not_removed(group: Path) -> None:
    with Workspace.open(group, LI, user="李强") as deputy:
        deputy.user = User("李强", Role.OFFICE)  # as if the program let the deputy act for the office
        with pytest.raises(InvalidRequest) as caught:
            workspaces.remove_user(deputy, "张伟")
        assert caught.value.key == "user_last_manager"
    assert [s["user"] for s in _keyfile(group)["slots"]] == ["张伟", "王芳", "李强"]


def test_a_member_changes_her_own_passphrase(group: Path) -> None:
    with Workspace.open(group, WANG, user="王芳") as member:
        with pytest.raises(WrongPassphrase):
            workspaces.change_passphrase(member, "不对的口令 wrong", NEW, sleep=lambda s: None)
        with pytest.raises(InvalidRequest):
            workspaces.change_passphrase(member, WANG, "12345678")
        workspaces.change_passphrase(member, WANG, NEW)
        assert ("王芳", "passphrase_changed", "王芳") in _audit(member)
    with pytest.raises(WrongPassphrase):
        Workspace.open(group, WANG, user="王芳", sleep=lambda s: None)
    with Workspace.open(group, NEW, user="王芳", sleep=lambda s: None) as again:
        assert again.user == User("王芳", Role.MEMBER) and again.identity_private() is None
    slot = next(s for s in _keyfile(group)["slots"] if s["user"] == "王芳")
    assert "role_mac" in slot  # the leader's proof of her role survives her own re-wrap


def test_the_first_user_must_be_able_to_add_the_others(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequest) as caught:
        Workspace.create(tmp_path / "ws", "笔记本", PASSPHRASE, kdf=KdfParams.cheap(), user_name="王芳",
                         role=Role.MEMBER)
    assert caught.value.key == "users_first_must_manage" and not (tmp_path / "ws").exists()


def test_a_version_1_key_file_opens_as_its_leader_and_is_rewritten_with_slots(tmp_path: Path) -> None:
    target = tmp_path / "ws"
    shutil.copytree(FIXTURES / "workspace-0001", target)
    assert _keyfile(target)["version"] == 1
    assert "identity_public" not in json.loads((target / "keys" / "device-public.json").read_text())
    with Workspace.open(target, PASSPHRASE) as ws:
        name = ws.user.name
        assert ws.user.role is Role.LEADER
        key = ws.identity_private()
        assert key is not None and key.public_key().public_bytes_raw() == ws.identity_public.public_bytes_raw()
        assert key.private_bytes_raw() != ws.subkey("identities")
    document = _keyfile(target)
    assert document["version"] == 2 and [(s["user"], s["role"]) for s in document["slots"]] == [(name, "leader")]
    assert not list((target / "keys").glob(".*.part"))  # written atomically
    with Workspace.open(target, PASSPHRASE) as again:
        assert again.identity_private() is not None and again.identity_public.public_bytes_raw() == \
            key.public_key().public_bytes_raw()


# ---- the office's recovery slot ----------------------------------------------------------------------------
def _office(tmp_path: Path, name: str = "娄底市委巡察办") -> Workspace:
    return Workspace.create(tmp_path / name, name, PASSPHRASE, kdf=KdfParams.cheap(), user_name="巡察办刘",
                            role=Role.OFFICE)


def _seal_to(laptop: Workspace, office: Workspace) -> None:
    public = office.public_keys
    workspaces.set_recovery(laptop, public["age_recipient"], public["device_id"], public["device_name"], "fp")


def test_the_office_recovers_a_forgotten_passphrase(group: Path, tmp_path: Path) -> None:
    office = _office(tmp_path)
    with Workspace.open(group, PASSPHRASE, user="张伟") as leader:
        _seal_to(leader, office)
        recovery = workspaces.recovery_of(leader)
        assert recovery is not None and recovery.office_device_name == "娄底市委巡察办"
        assert ("张伟", "recovery_set", f"office 娄底市委巡察办 ({office.info.device_id})") in _audit(leader)
    assert "recovery" in _keyfile(group) and len(_keyfile(group)["slots"]) == 3  # all in the one key file
    try:
        user = workspaces.recover_user(office, group, "李强", NEW)
        assert user == User("李强", Role.DEPUTY)
        assert any(a == "user_recovered" and d is not None and d.startswith("李强 on 第六巡察组-笔记本1")
                   for _actor, a, d in _audit(office))
    finally:
        office.close()
    with pytest.raises(WrongPassphrase):
        Workspace.open(group, LI, user="李强", sleep=lambda s: None)
    with Workspace.open(group, NEW, user="李强", sleep=lambda s: None) as deputy:
        assert deputy.identity_private() is not None  # the identity key came back with the slot
        assert any(a == "passphrase_recovered" and "娄底市委巡察办" in (d or "") for _u, a, d in _audit(deputy))
    assert "recovered" not in next(s for s in _keyfile(group)["slots"] if s["user"] == "李强")


def test_only_the_right_office_can_recover(group: Path, tmp_path: Path) -> None:
    office = _office(tmp_path)
    other = _office(tmp_path, "另一个巡察办")
    try:
        with Workspace.open(group, PASSPHRASE, user="张伟") as leader:
            with pytest.raises(XunchaError) as unset:
                workspaces.recover_user(office, group, "王芳", NEW)
            assert unset.value.key == "recovery_not_set"
            _seal_to(leader, office)
            before = _keyfile(group)
            # the laptop cannot open its own recovery slot: only the office's key does
            with pytest.raises(XunchaError) as own:
                workspaces.recover_user(leader, group, "王芳", NEW)
            assert own.value.key == "recovery_wrong_office"
        with pytest.raises(XunchaError) as wrong:
            workspaces.recover_user(other, group, "王芳", NEW)
        assert wrong.value.key == "recovery_wrong_office" and "本巡察办" in wrong.value.text("zh")
        assert _keyfile(group) == before
        # a member who raised her role in the file before bringing it to the office gets nothing
        document = _keyfile(group)
        for slot in document["slots"]:
            if slot["user"] == "王芳":
                slot["role"] = "leader"
        _write_keyfile(group, document)
        with pytest.raises(XunchaError) as raised:
            workspaces.recover_user(office, group, "王芳", NEW)
        assert raised.value.key == "workspace_damaged" and "role" in raised.value.text("en")
        assert _keyfile(group) == document
        # an office user whose role may not manage users is refused too
        office.user = User("巡察办刘", Role.READONLY)
        with pytest.raises(XunchaError) as refused:
            workspaces.recover_user(office, group, "李强", NEW)
        assert refused.value.key == "users_not_allowed"
    finally:
        office.close()
        other.close()


def test_a_member_cannot_set_the_recovery_slot(group: Path, tmp_path: Path) -> None:
    office = _office(tmp_path)
    try:
        with Workspace.open(group, WANG, user="王芳") as member, pytest.raises(XunchaError) as caught:
            _seal_to(member, office)
        assert caught.value.key == "users_not_allowed" and "recovery" not in _keyfile(group)
    finally:
        office.close()


def test_a_backup_of_a_workspace_with_several_users_restores_as_one_of_them(group: Path, tmp_path: Path) -> None:
    with Workspace.open(group, PASSPHRASE, user="张伟") as leader:  # a member may not back up (permissions.md)
        backup.create(leader, tmp_path / "b.xcbak", PASSPHRASE)
    with pytest.raises(InvalidRequest) as caught:
        backup.restore(tmp_path / "b.xcbak", tmp_path / "restored", PASSPHRASE)
    assert caught.value.key == "user_required" and not (tmp_path / "restored").exists()
    with backup.restore(tmp_path / "b.xcbak", tmp_path / "restored", PASSPHRASE, user="张伟") as restored:
        assert restored.user == User("张伟", Role.LEADER)
        assert [u.name for u in workspaces.list_users(restored)] == ["张伟", "王芳", "李强"]
