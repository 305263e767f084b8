"""Comparison of reports: stories, claim alignment, the detectors that run, and the merged findings.

Both engines call `compare_documents` (the Dask engine once per story on its workers).
"""

from .compare import Comparison, compare_documents
from .detectors import RuleConfig, load_detectors
from .stories import group_stories, load_alignment

__all__ = ["Comparison", "compare_documents", "RuleConfig", "load_detectors", "group_stories", "load_alignment"]
