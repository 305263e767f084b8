"""The rule pages (one Markdown file per rule code), shipped with the package so that links work offline."""
