"""Field descriptions of each record kind: names in both languages, types, and how input is read.

The command line, the window's forms and the package importer all turn outside values into column
values here, so a field is validated the same way wherever it is typed.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from xuncha_desktop import local_time
from xuncha_desktop.db.enums import CodedEnum
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.services.registry import kind_label

if TYPE_CHECKING:
    pass


class FieldType(StrEnum):
    STRING = "string"
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    ENUM = "enum"
    VOCAB = "vocabulary"
    REF = "reference"
    NAMES = "names"
    REFS = "references"


_EXPECTED = {
    FieldType.STRING: ("文本", "text"),
    FieldType.TEXT: ("文本", "text"),
    FieldType.INT: ("整数", "a whole number"),
    FieldType.BOOL: ("是/否（true/false）", "true or false"),
    FieldType.DATE: ("日期（如 2020-09-15）", "a date like 2020-09-15"),
    FieldType.DATETIME: ("日期时间（如 2020-09-15T09:30）", "a date and time like 2020-09-15T09:30"),
    FieldType.NAMES: ("姓名列表", "a list of names"),
    FieldType.REF: ("记录编号（UUID）", "a record id (UUID)"),
    FieldType.REFS: ("记录编号列表", "a list of record ids"),
}

_TRUE = {"true", "1", "yes", "y", "是", "t"}
_FALSE = {"false", "0", "no", "n", "否", "f", ""}
_NAME_SEPARATORS = re.compile(r"[、,，;；\n]+")


@dataclass(frozen=True)
class Field:
    name: str
    zh: str
    en: str
    value_type: FieldType
    required: bool = False
    enum: type[CodedEnum] | None = None
    vocabulary: str | None = None
    ref: str | None = None
    max_length: int | None = None
    # Maintained by the program (a file's hash, a status that changes through its own steps on update).
    read_only: bool = False
    # A petitioner's identity: never in documents for a unit, never in the search index.
    confidential: bool = False
    default: Any = None

    def default_value(self) -> Any:
        return self.default() if callable(self.default) else self.default

    def fail(self, key: str, **values: Any) -> ValidationError:
        return ValidationError(key, self.name, field_zh=self.zh, **values)

    def type_error(self, value: Any) -> ValidationError:
        zh, en = _EXPECTED.get(self.value_type, ("有效值", "a valid value"))
        shown = repr(value)
        return self.fail("field_type", expected_zh=zh, expected_en=en,
                         value=shown if len(shown) <= 60 else shown[:57] + "...")


def parse_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value.strip())
        except ValueError:
            return None
    return None


def coerce(field: Field, value: Any, resolve_vocab: Callable[[str, str], str] | None = None,
           ref_exists: Callable[[str, uuid.UUID], bool] | None = None) -> Any:
    """The column value for ``value``, or ValidationError naming the field. None stays None."""
    if value is None:
        return None
    kind = field.value_type
    if kind in (FieldType.STRING, FieldType.TEXT):
        if isinstance(value, int | float) and not isinstance(value, bool) and kind is FieldType.STRING:
            value = str(value)
        if not isinstance(value, str):
            raise field.type_error(value)
        if kind is FieldType.STRING:
            value = value.strip()
        if field.max_length is not None and len(value) > field.max_length:
            raise field.fail("field_too_long", maximum=field.max_length)
        return value if value != "" else None
    if kind is FieldType.INT:
        if isinstance(value, bool):
            raise field.type_error(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            return int(value)
        raise field.type_error(value)
    if kind is FieldType.BOOL:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().casefold() in _TRUE | _FALSE:
            return value.strip().casefold() in _TRUE
        raise field.type_error(value)
    if kind is FieldType.DATE:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise field.type_error(value)
    if kind is FieldType.DATETIME:
        if isinstance(value, str):
            try:
                value = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                raise field.type_error(value) from None
        if isinstance(value, dt.datetime):
            return local_time.assume_local(value)
        raise field.type_error(value)
    if kind is FieldType.ENUM:
        assert field.enum is not None
        member = field.enum.parse(value) if isinstance(value, str) else None
        if member is None:
            choices = "、".join(f"{m.value}（{m.zh}）" for m in field.enum)
            raise field.fail("field_choice", value=value, choices=choices)
        return member.value
    if kind is FieldType.VOCAB:
        if not isinstance(value, str):
            raise field.type_error(value)
        if value.strip() == "":
            return None
        assert field.vocabulary is not None and resolve_vocab is not None
        return resolve_vocab(field.vocabulary, value)
    if kind is FieldType.REF:
        found = parse_uuid(value)
        if found is None:
            raise field.type_error(value)
        assert field.ref is not None
        if ref_exists is not None and not ref_exists(field.ref, found):
            raise field.fail("field_ref_missing", ref=field.ref, ref_zh=kind_label(field.ref), value=str(found))
        return found
    if kind is FieldType.NAMES:
        if isinstance(value, str):
            return [part.strip() for part in _NAME_SEPARATORS.split(value) if part.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return [v.strip() for v in value if v.strip()]
        raise field.type_error(value)
    if kind is FieldType.REFS:
        if not isinstance(value, list):
            raise field.type_error(value)
        ids = [parse_uuid(v) for v in value]
        if any(i is None for i in ids):
            raise field.type_error(value)
        return [str(i) for i in ids]
    raise AssertionError(kind)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []
