"""The rule packs extraction reads: the lexicon, the time words and the quantity words."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .lexicon import Lexicon, load_lexicon
from .quantities import QuantityLexicon, load_quantity_lexicon
from .time import TimeLexicon, load_time_lexicon

__all__ = ["ExtractionPacks", "load_extraction_packs"]


@dataclass(frozen=True)
class ExtractionPacks:
    """The extraction side of a run's `RulePacks`."""

    lexicon: Lexicon
    time: TimeLexicon
    quantities: QuantityLexicon


@functools.lru_cache(maxsize=8)
def load_extraction_packs(dirs: tuple[str, ...] = ()) -> ExtractionPacks:
    """The built-in packs with the `lexicon.toml`, `time.toml` and `quantities.toml` of `dirs`
    merged over them; kept per process, so a worker process loads them once."""
    return ExtractionPacks(lexicon=load_lexicon(dirs), time=load_time_lexicon(dirs), quantities=load_quantity_lexicon(dirs))
