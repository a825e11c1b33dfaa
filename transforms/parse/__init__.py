"""Parsers: bytes of one source file in, raw records (`transforms.schema.RAW_ARTICLES` dicts) out.

Pure functions: no file or network access. A parser never raises on bad input; a record it cannot read comes
back with `read_error` set so that it is quarantined, never dropped.
"""
