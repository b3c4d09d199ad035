"""A tiny error hierarchy: every error a user can meet carries a Vietnamese and an English message.

Layers raise these; the CLI prints them as JSON and the UI shows ``message_vi`` first.
"""

from __future__ import annotations


class CchcError(Exception):
    """Base class. ``code`` is stable (tests and the CLI rely on it)."""

    code = "error"

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_vi = message_vi
        self.message_en = message_en

    def message(self, lang: str = "vi") -> str:
        return self.message_vi if lang == "vi" else self.message_en

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_vi": self.message_vi, "message_en": self.message_en}


class InputError(CchcError):
    """A file that cannot become a plan. Nothing is stored when this is raised."""

    code = "input"


class EmptyFile(InputError):
    code = "empty"


class BinaryFile(InputError):
    code = "binary"


class UnsupportedFormat(InputError):
    code = "unsupported_format"


class FileTooLarge(InputError):
    code = "too_large"


class EncodingProblem(InputError):
    code = "encoding"


class NoTextLayer(InputError):
    code = "no_text_layer"


class NotAPlan(InputError):
    code = "not_a_plan"


class DuplicatePlan(InputError):
    code = "duplicate"


class UnsafeArchive(InputError):
    code = "unsafe_archive"


class StoreError(CchcError):
    """The database is missing, locked or inconsistent."""

    code = "store"


class QueryNotFound(CchcError):
    code = "query_not_found"


class ParamError(CchcError):
    """A query or export parameter that is unknown or has a value it cannot take."""

    code = "bad_param"
