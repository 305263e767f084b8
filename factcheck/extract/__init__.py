"""Extractors: plain functions from a parsed Doc to claims, times, quantities and attributions.

`factcheck.extract(paths, ...)`, the API function, is this package made callable by
`factcheck/__init__.py`.
"""
