"""`factcheck stories`: the grouping of articles into stories, as plain text for people.

Stories of several articles come first, largest first, each with its articles, their
average similarity and what they share; articles in no story with another are listed last.
"""

from __future__ import annotations

from factcheck.models import StoryReport

__all__ = ["render_story_table"]


def render_story_table(report: StoryReport) -> str:
    """One block per story of 2+ articles, then the articles that stand alone."""
    titles = {doc.path: doc.title for doc in report.documents}
    grouped = sorted((s for s in report.stories if len(s.articles) > 1), key=lambda s: (-len(s.articles), s.id))
    alone = [path for s in report.stories if len(s.articles) == 1 for path in s.articles]
    lines = [
        f"factcheck: {len(titles)} article{'s' if len(titles) != 1 else ''}, {len(report.stories)} "
        f"stor{'ies' if len(report.stories) != 1 else 'y'} ({len(grouped)} of several articles)"
    ]
    for story in grouped:
        facts = [f"{len(story.articles)} articles"]
        if story.score is not None:
            facts.append(f"average similarity {story.score:.2f}")
        lines += ["", f"{story.id}: " + ", ".join(facts)]
        if story.shared:
            lines.append("  sharing: " + ", ".join(story.shared))
        for path in story.articles:
            title = titles.get(path)
            lines.append(f"  {path}" + (f"  {' '.join(title.split())}" if title else ""))
    if alone:
        lines += ["", f"alone ({len(alone)}): " + ", ".join(alone)]
    return "\n".join(lines) + "\n"
