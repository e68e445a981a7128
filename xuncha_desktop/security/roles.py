"""The people of an inspection group: who is working, and in which role.

Roles are the group's duties (组长, 副组长, 组员, 联络员), the 巡察办 at the office, and 只读 for someone who
may only look. What each role may do is decided in ``services/permissions.py``; this module only names
them, so that every layer (the write context, the key slots, the services, the window) speaks of the
same people.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Role(enum.StrEnum):
    LEADER = "leader"  # 组长
    DEPUTY = "deputy"  # 副组长
    MEMBER = "member"  # 组员
    LIAISON = "liaison"  # 联络员
    OFFICE = "office"  # 巡察办
    READONLY = "readonly"  # 只读

    @property
    def message_key(self) -> str:
        """The catalogue key of the role's name (``role_leader`` → 组长 / group leader)."""
        return f"role_{self.value}"


# Who may read a petitioner's identity (name, contact, ID number, address): "only those who need it". The
# one rule lives here, below the workspace, because it decides whose key slot carries the identity key.
SEES_IDENTITIES: frozenset[Role] = frozenset({Role.LEADER, Role.DEPUTY, Role.OFFICE})


@dataclass(frozen=True)
class User:
    """The person who unlocked the workspace; every change and audit entry names them."""

    name: str
    role: Role
