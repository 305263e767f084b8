"""A help page per rule, written from the detector classes themselves.

The same text serves `factcheck explain`, the Markdown pages in `docs/rules/`
(one per code, e.g. `docs/rules/DT01.md`, linked from SARIF's `helpUri` and
from each finding), and SARIF's `help`. A test regenerates the pages and
compares, so they never drift from the code (sqlfluff documents its rules from
the rule classes the same way).

Regenerate: `python -m factcheck.report.rule_docs docs/rules`.
"""

from __future__ import annotations

import importlib.resources
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

__all__ = [
    "DOCS_URL_VARIABLE",
    "RuleClass",
    "help_uri",
    "rule_index",
    "rule_markdown",
    "rule_settings",
    "rule_text",
    "write_rule_docs",
]

DOCS_URL_VARIABLE = "FACTCHECK_DOCS_URL"
"""Environment variable with the address of published rule pages, `{code}` standing for the
code (e.g. `https://docs.example.org/factcheck/rules/{code}.md`). Without it, links point to
the pages installed with the package (a `file:` address)."""

# "Fires:" and "Does not fire:" open the two example sections of a detector docstring.
_SECTION = re.compile(r"^([A-Z][A-Za-z ]*):$")


class RuleClass(Protocol):
    """What the pages need of a detector class (see `detect.base.Detector`)."""

    code: str
    name: str
    kind: str
    groups: tuple[str, ...]
    default_severity: str

    @classmethod
    def description(cls) -> str: ...

    @classmethod
    def explanation(cls) -> str: ...


def help_uri(code: str) -> str:
    """The address of the rule's page: `$FACTCHECK_DOCS_URL` with the code, else the page
    installed with the package."""
    template = os.environ.get(DOCS_URL_VARIABLE)
    if template:
        return template.replace("{code}", code)
    return (_installed_pages() / f"{code}.md").as_uri()


def _installed_pages() -> Path:
    return Path(str(importlib.resources.files("factcheck.ruledocs"))).resolve()


def rule_settings(cls: Any) -> dict[str, Any]:
    """Setting name → default value, as `rules/detectors.toml` would set them."""
    fields = cls.Settings.model_fields
    return {name: info.default_factory() if info.default_factory else info.default for name, info in fields.items()}


def _body(cls: RuleClass) -> str:
    """The docstring after its first line: the examples that fire and do not."""
    lines = cls.explanation().splitlines()
    return "\n".join(lines[1:]).strip()


def rule_text(cls: RuleClass) -> str:
    """The plain-text page `factcheck explain` prints."""
    parts = [f"{cls.code} {cls.name} ({cls.kind}, default severity {cls.default_severity})", "", cls.description()]
    body = _body(cls)
    if body:
        parts += ["", body]
    settings = rule_settings(cls)
    if settings:
        parts += ["", "Settings (rules/detectors.toml):"]
        parts += [f"  {name} = {value!r}" for name, value in settings.items()]
    parts += ["", f"Documentation: {help_uri(cls.code)}"]
    return "\n".join(parts)


def _markdown_body(body: str) -> list[str]:
    """Docstring sections as Markdown: `Fires:` becomes a heading, indented examples a code block."""
    out: list[str] = []
    for line in body.splitlines():
        heading = _SECTION.match(line)
        if heading:
            out += ["", f"## {heading[1]}", ""]
        elif line.startswith("    "):
            out.append(line)
        elif line.strip():
            # Prose after an example block must leave the code block.
            if out and out[-1].startswith("    "):
                out.append("")
            out.append(line.strip())
        else:
            out.append("")
    return out


def _toml_value(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def rule_markdown(cls: RuleClass) -> str:
    """The Markdown page of a rule (`docs/rules/<CODE>.md`)."""
    lines = [
        f"# {cls.code} {cls.name}",
        "",
        cls.description(),
        "",
        "| | |",
        "| --- | --- |",
        f"| Code | `{cls.code}` |",
        f"| Name | `{cls.name}` |",
        f"| Kind | `{cls.kind}` |",
        f"| Default severity | {cls.default_severity} |",
        f"| Groups | {', '.join(f'`{g}`' for g in cls.groups)} |",
    ]
    lines += _markdown_body(_body(cls))
    settings = rule_settings(cls)
    lines += ["", "## Settings", ""]
    if settings:
        lines += [
            f"Set in `.factcheck.toml` under `[rules.settings.{cls.code}]`, or in a rule pack's `detectors.toml`.",
            "Defaults:",
            "",
            "```toml",
            f"[rules.settings.{cls.code}]",
            *(f"{name} = {_toml_value(value)}" for name, value in settings.items()),
            "```",
        ]
    else:
        lines.append("None.")
    lines += [
        "",
        "## Switching it off",
        "",
        f"`--ignore {cls.code}` on the command line, `ignore = [\"{cls.code}\"]` under `[rules]` in",
        f"`.factcheck.toml`, or `<!-- factcheck-disable {cls.code} -->` in an article.",
        "",
        f"Generated from `{getattr(cls, '__name__', cls.code)}` by `python -m factcheck.report.rule_docs docs/rules`.",
    ]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def rule_index(rules: Mapping[str, RuleClass]) -> str:
    """`docs/rules/README.md`: every rule with its kind, default severity and description."""
    lines = [
        "# Rules",
        "",
        "Generated from the detector classes by `python -m factcheck.report.rule_docs docs/rules`;",
        "`factcheck explain CODE` prints the same text.",
        "",
        "| Code | Name | Kind | Default | Checks |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| [{code}]({code}.md) | `{cls.name}` | `{cls.kind}` | {cls.default_severity} | {cls.description()} |"
        for code, cls in rules.items()
    ]
    return "\n".join(lines) + "\n"


def rule_pages(rules: Mapping[str, RuleClass]) -> dict[str, str]:
    """File name → content of every page: one per rule and the index."""
    pages = {f"{code}.md": rule_markdown(cls) for code, cls in rules.items()}
    pages["README.md"] = rule_index(rules)
    return pages


def write_rule_docs(folder: Path) -> list[Path]:
    """Write the pages of every registered rule into `folder`; return the files written."""
    from factcheck.detect.base import registry

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rule_pages(registry()).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_rule_docs(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/rules")):
        print(f"wrote {written_path}")
