#!/usr/bin/env python3
"""Independent confirmation of eventlint's structural verdicts.

For every fixture document of every kind, Python's `jsonschema` (Draft 2020-12, written by other
people) validates the document against the COMMITTED schema in `schemas/`, and the eventlint binary
checks the same file. They must agree: a document fails the schema exactly when eventlint reports
at least one structural rule (`"structural": true` in `docs/rules.json`) for it.

Usage: schema_agreement.py PATH/TO/eventlint
Prints one line per disagreement and a closing `N passed, M failed` line; exits 1 on any failure.
"""

import json
import pathlib
import re
import subprocess
import sys

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

ROOT = pathlib.Path(__file__).resolve().parents[2]


def ecma_pattern(validator, pattern, instance, schema):
    """`pattern` with ECMA-262 semantics, the dialect JSON Schema specifies.

    Python's `re` lets `$` match before a final newline; ECMA-262 (and Rust's `regex`) do not, so
    `"src\\n"` would wrongly match `^…[\\x21-\\x7E]+…$`. An unescaped `$` becomes `\\Z`.
    """
    if not validator.is_type(instance, "string"):
        return
    translated = re.sub(r"(?<!\\)\$", r"\\Z", pattern)
    if not re.search(translated, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


EcmaValidator = validators.extend(Draft202012Validator, {"pattern": ecma_pattern})


def strict_loads(text):
    """json.loads that rejects NaN/Infinity like RFC 8259 (Python accepts them by default)."""

    def reject(name):
        raise ValueError(f"non-JSON constant {name}")

    return json.loads(text, parse_constant=reject)


def documents(path):
    """(ordinal, text) of each document: the whole file, or each non-blank NDJSON line."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return []
    if path.suffix in (".ndjson", ".jsonl"):
        lines = [line for line in text.split("\n") if line.strip()]
        return list(enumerate(lines, start=1))
    return [(1, text)]


def main():
    eventlint = sys.argv[1]
    rules = json.loads((ROOT / "docs/rules.json").read_text())["rules"]
    structural = {r["id"] for r in rules if r["structural"]}
    passed = failed = 0
    checkers = {}
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix not in (".json", ".ndjson", ".jsonl"):
            continue
        rel = path.relative_to(ROOT).as_posix()
        parts = rel.split("/")
        if parts[1] == "detect":
            continue
        kind = f"{parts[1]}.{parts[2]}"
        if kind not in checkers:
            schema = json.loads((ROOT / f"schemas/{kind}.schema.json").read_text())
            Draft202012Validator.check_schema(schema)
            checkers[kind] = EcmaValidator(schema)
        out = subprocess.run(
            [eventlint, "check", rel, "--kind", kind, "--no-config", "--now", "2026-01-01T00:00:00Z", "--format", "json"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if out.returncode not in (0, 1):
            print(f"FAIL {rel}: eventlint exited {out.returncode}: {out.stderr.decode()}")
            failed += 1
            continue
        report = json.loads(out.stdout)
        for ordinal, text in documents(path):
            try:
                doc = strict_loads(text)
            except ValueError:
                continue  # not JSON: a syntax fixture, no schema verdict to compare
            py_invalid = not checkers[kind].is_valid(doc)
            ours = sorted(
                {d["rule"] for d in report["diagnostics"] if d["document"] == ordinal and d["rule"] in structural}
            )
            if py_invalid == bool(ours):
                passed += 1
            else:
                failed += 1
                errors = [e.message for e in checkers[kind].iter_errors(doc)][:3]
                print(f"FAIL {rel} document {ordinal}: jsonschema says {'invalid' if py_invalid else 'valid'} {errors}, eventlint structural rules: {ours}")
    print(f"schema-agreement: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
