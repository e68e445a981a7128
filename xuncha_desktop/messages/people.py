"""Messages of users, roles and their permissions."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "role_leader": ("组长", "group leader"),
    "role_deputy": ("副组长", "deputy leader"),
    "role_member": ("组员", "member"),
    "role_liaison": ("联络员", "liaison"),
    "role_office": ("巡察办", "inspection office"),
    "role_readonly": ("只读", "read-only"),
}
