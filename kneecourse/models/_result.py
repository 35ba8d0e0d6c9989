"""The shape of a model's result: a small frozen dataclass whose field names carry their units.

``step.contact_time_s`` reads a field. A result is also a read-only mapping of its fields, so
``step["contact_time_s"]``, ``dict(step)`` and ``{**step}`` work as they did when the models returned dicts
(the course's notebooks read them so, and so may a learner's own copy). An optional field left as ``None``
is absent from the mapping, as the key was from the dict.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping

__all__ = ["ModelResult"]


class ModelResult(Mapping):
    """Base of the models' typed results (subclasses are ``@dataclasses.dataclass(frozen=True)``)."""

    __slots__ = ()

    def _present(self) -> tuple:
        return tuple(f.name for f in dataclasses.fields(self) if getattr(self, f.name) is not None)

    def __getitem__(self, key):
        if key in self._present():
            return getattr(self, key)
        raise KeyError(f"{type(self).__name__} has no {key!r}; it has: {', '.join(self._present())}")

    def __iter__(self):
        return iter(self._present())

    def __len__(self):
        return len(self._present())

    def replace(self, **changes):
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)
