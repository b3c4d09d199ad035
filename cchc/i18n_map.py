"""Words of the map feature, Vietnamese first: merged into cchc.i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {}
