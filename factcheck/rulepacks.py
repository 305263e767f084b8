"""Load and validate the rule packs in `rules/` (TOML, parsed with the stdlib's safe `tomllib`).

A pack is one TOML file, validated by a pydantic model that belongs to the stage
using it (the lexicon by `extract`, detector settings by `detect`). Users extend
the built-in packs with folders of their own: a file of the same name there is
merged over the built-in one (lists are extended, tables merged, values replaced).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import RulePackError, bad_value_message, unknown_key_message

__all__ = ["builtin_rules_dir", "read_pack_file", "load_pack", "rules_hash", "validation_message", "compiled"]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def builtin_rules_dir() -> Path:
    """The rule packs shipped with factcheck (the project's `rules/` folder)."""
    return Path(str(importlib.resources.files("factcheck.rules")))


def read_pack_file(path: Path) -> dict[str, Any]:
    """Parse one TOML pack, turning every failure into a one-line `RulePackError`."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as e:
        raise RulePackError(f"{path}: cannot read rule pack ({e.strerror or e})") from e
    except tomllib.TOMLDecodeError as e:
        raise RulePackError(f"{path}: malformed TOML ({e})") from e


def _fields_at(model: type[BaseModel] | None, loc: Sequence[Any]) -> list[str] | None:
    """The keys a pack allows at `loc` (a path into `model`), when `loc` leads through models."""
    for part in loc:
        if model is None or part not in model.model_fields:
            return None
        annotation = model.model_fields[part].annotation
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return list(model.model_fields) if model is not None else None


def _allowed(first: Any) -> str:
    ctx = first.get("ctx") or {}
    if "expected" in ctx:
        return str(ctx["expected"])
    # pydantic says "Input should be greater than 0": what is allowed is the rest.
    message = str(first["msg"])
    return message.removeprefix("Input should be ").removeprefix("Value error, ")


def validation_message(
    path: Path | str, error: ValidationError, model: type[BaseModel] | None = None, *, prefix: str = ""
) -> str:
    """One line naming the file, the key, what it was and what is allowed.

    Worded as the configuration's messages are (`errors.bad_value_message`,
    `errors.unknown_key_message`). `model` is the pack's model, so an unknown key can be
    answered with the keys allowed there; `prefix` is put before the key (a rule code).
    """
    first = error.errors()[0]
    loc = [str(part) for part in first["loc"]]
    key = ".".join(loc) or "(top level)"
    if first["type"] == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        if allowed is not None:
            parent = ".".join(loc[:-1])
            return unknown_key_message(str(path), loc[-1], allowed, prefix=prefix + (f"{parent}." if parent else ""))
        return f"{path}: unknown key {prefix + key!r}; it is not a setting of this pack"
    return bad_value_message(str(path), prefix + key, first.get("input"), _allowed(first))


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def pack_files(name: str, extra_dirs: Sequence[str | Path] = ()) -> list[Path]:
    """The built-in `<name>.toml` followed by every user folder's file of that name."""
    files = [builtin_rules_dir() / f"{name}.toml"]
    for folder in extra_dirs:
        candidate = Path(folder) / f"{name}.toml"
        if candidate.is_file():
            files.append(candidate)
    return files


def load_pack(name: str, model: type[M], extra_dirs: Sequence[str | Path] = ()) -> M:
    """Load the built-in pack `name`, merge the user's packs over it, and validate it."""
    return _load_pack_cached(name, model, tuple(str(d) for d in extra_dirs))


@functools.lru_cache(maxsize=64)
def _load_pack_cached(name: str, model: type[M], extra_dirs: tuple[str, ...]) -> M:
    data: dict[str, Any] = {}
    last = None
    for path in pack_files(name, extra_dirs):
        raw = read_pack_file(path)
        try:
            model.model_validate(_merge(data, raw) if data else raw)
        except ValidationError as e:
            raise RulePackError(validation_message(path, e, model)) from e
        data = _merge(data, raw) if data else raw
        last = path
    try:
        return model.model_validate(data)
    except ValidationError as e:  # pragma: no cover - each file was validated above
        raise RulePackError(validation_message(last or name, e, model)) from e


_COMPILED: dict[tuple[int, int], tuple[object, object]] = {}


def compiled(pack: M, build: Callable[[M], T]) -> T:
    """`build(pack)`, computed once per pack object (packs are frozen; what is built from them,
    compiled patterns and lookup tables, is not hashable, so it is cached beside them)."""
    key = (id(pack), id(build))
    cached = _COMPILED.get(key)
    if cached is not None and cached[0] is pack:
        return cached[1]  # type: ignore[return-value]
    if len(_COMPILED) >= 32:
        _COMPILED.clear()
    result = build(pack)
    _COMPILED[key] = (pack, result)
    return result


# The packs that change what is read and extracted from an article; grouping and detector
# settings (alignment.toml, detectors.toml) act after extraction.
EXTRACTION_PACKS = ("lexicon", "time", "quantities", "noise")


def rules_hash(extra_dirs: Sequence[str | Path] = (), names: Sequence[str] | None = None) -> str:
    """A hash of the rule packs in use (of the packs called `names` when given), for cache keys."""
    digest = hashlib.sha256()
    folders = [builtin_rules_dir(), *(Path(d) for d in extra_dirs)]
    for folder in folders:
        for path in sorted(folder.glob("*.toml")):
            if names is not None and path.stem not in names:
                continue
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
