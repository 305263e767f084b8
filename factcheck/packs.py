"""Every rule pack of a run, loaded and validated once.

A run reads seven packs: the extraction lexicon, the time and quantity words, the
web-noise patterns, the alignment thresholds and the detectors' switches, severities
and settings. Each is the built-in file with the user's folders merged over it (see
`rulepacks`). `RulePacks.load` reads and validates all of them before any article is
read, so a mistake in a user's `time.toml` stops the run at once with one line naming
the file and key, rather than halfway through a folder; the one object is then handed
to ingest, extraction and comparison, so no stage can fall back to the built-in packs
and silently ignore the user's.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .comparison.detectors import RuleConfig, rule_configs
from .comparison.stories import AlignmentPack, load_alignment
from .detect.base import registry
from .extract.lexicon import Lexicon
from .extract.packs import ExtractionPacks, load_extraction_packs
from .extract.quantities import QuantityLexicon
from .extract.time import TimeLexicon
from .ingest.noise import NoiseRules, load_noise_rules
from .rulepacks import EXTRACTION_PACKS, rules_hash

__all__ = ["RulePacks", "load_rule_packs"]


@dataclass(frozen=True)
class RulePacks:
    """The validated rule packs of one run, and the folders they were merged from."""

    dirs: tuple[str, ...]
    extraction: ExtractionPacks
    """The lexicon, time and quantity words (what worker processes load for themselves)."""
    noise: NoiseRules
    alignment: AlignmentPack
    detectors: dict[str, RuleConfig]
    version: str
    """A hash of the pack files extraction reads (lexicon, time, quantities, noise), part of the cache key."""

    @property
    def lexicon(self) -> Lexicon:
        return self.extraction.lexicon

    @property
    def time(self) -> TimeLexicon:
        return self.extraction.time

    @property
    def quantities(self) -> QuantityLexicon:
        return self.extraction.quantities

    @classmethod
    def load(cls, dirs: Sequence[str | Path] = ()) -> RulePacks:
        """The built-in packs with the packs of `dirs` merged over them (in order)."""
        return load_rule_packs(tuple(str(d) for d in dirs))


@functools.lru_cache(maxsize=8)
def load_rule_packs(dirs: tuple[str, ...] = ()) -> RulePacks:
    """`RulePacks.load`, kept per process: worker processes load their packs once too.

    Raises:
        RulePackError: A pack cannot be read, is not TOML, or fails validation.
    """
    return RulePacks(
        dirs=dirs,
        extraction=load_extraction_packs(dirs),
        noise=load_noise_rules(dirs),
        alignment=load_alignment(dirs),
        detectors=rule_configs(dirs, registry()),
        version=rules_hash(dirs, EXTRACTION_PACKS),
    )
