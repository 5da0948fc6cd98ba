#!/usr/bin/env python3
"""The agreement of `schema_agreement.py`, on documents nobody wrote by hand.

Every fixture document (except the megabyte-sized ones) is mutated at every path, the first three
elements of each array included: the value replaced by each of a set of awkward values (`null`,
numbers, fractions, empty and blank strings, booleans, empty and `null`-holding containers, a long
string, a date-time), the member removed, an unknown member added. Per kind, the mutants go to
eventlint as one NDJSON file, and Python's `jsonschema` (ECMA-262 `pattern`, as in
`schema_agreement.py`) validates each against the committed schema. They must agree: a mutant fails
the schema exactly when eventlint reports at least one structural rule for it.

Usage: schema_mutations.py PATH/TO/eventlint
Prints one line per disagreement (at most 50) and a closing `N documents, M disagreements` line;
exits 1 on any disagreement.
"""

import collections
import copy
import json
import pathlib
import subprocess
import sys
import tempfile

from schema_agreement import ROOT, EcmaValidator, documents, strict_loads

VALUES = [None, 7, 7.5, -1, 0, "x", "", " ", True, [], {}, [None], {"k": None},
          "2024-01-01T00:00:00Z", 10**13, "a" * 40]
MAX_CHARS = 200_000  # the max-size fixtures (1 MB) would only multiply bytes


def paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, member in value.items():
            yield from paths(member, path + (key,))
    elif isinstance(value, list):
        for i, element in enumerate(value[:3]):
            yield from paths(element, path + (i,))


def parent(doc, path):
    for segment in path[:-1]:
        doc = doc[segment]
    return doc


def mutants(doc):
    for path in paths(doc):
        for value in VALUES:
            if not path:
                yield value
                continue
            mutant = copy.deepcopy(doc)
            parent(mutant, path)[path[-1]] = value
            yield mutant
        if path:
            mutant = copy.deepcopy(doc)
            parent(mutant, path).pop(path[-1])
            yield mutant
        target = parent(doc, path + (None,)) if path else doc
        if isinstance(target, dict):
            mutant = copy.deepcopy(doc)
            parent(mutant, path + (None,))["zzUnknown"] = 1
            yield mutant


def main():
    eventlint = sys.argv[1]
    rules = json.loads((ROOT / "docs/rules.json").read_text())["rules"]
    structural = {r["id"] for r in rules if r["structural"]}
    by_kind = collections.defaultdict(dict)
    for path in sorted((ROOT / "fixtures").rglob("*")):
        if path.suffix not in (".json", ".ndjson", ".jsonl"):
            continue
        parts = path.relative_to(ROOT).parts
        if parts[1] == "detect":
            continue
        kind = f"{parts[1]}.{parts[2]}"
        for _, text in documents(path):
            if len(text) > MAX_CHARS:
                continue
            try:
                doc = strict_loads(text)
            except ValueError:
                continue
            for mutant in mutants(doc):
                line = json.dumps(mutant)
                by_kind[kind].setdefault(line, mutant)
    total = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for kind, docs in sorted(by_kind.items()):
            lines = list(docs)
            file = pathlib.Path(tmp) / f"{kind}.ndjson"
            file.write_text("".join(line + "\n" for line in lines))
            out = subprocess.run(
                [eventlint, "check", str(file), "--kind", kind, "--no-config",
                 "--now", "2026-01-01T00:00:00Z", "--format", "json"],
                capture_output=True, check=False,
            )
            if out.returncode not in (0, 1):
                print(f"FAIL {kind}: eventlint exited {out.returncode}: {out.stderr.decode()}")
                failed += 1
                continue
            found = collections.defaultdict(set)
            for d in json.loads(out.stdout)["diagnostics"]:
                if d["rule"] in structural:
                    found[d["document"]].add(d["rule"])
            validator = EcmaValidator(json.loads((ROOT / f"schemas/{kind}.schema.json").read_text()))
            for ordinal, line in enumerate(lines, start=1):
                total += 1
                invalid = not validator.is_valid(docs[line])
                if invalid != bool(found[ordinal]):
                    failed += 1
                    if failed <= 50:
                        errors = [e.message[:120] for e in validator.iter_errors(docs[line])][:2]
                        print(f"FAIL {kind}: jsonschema says {'invalid' if invalid else 'valid'} {errors}, "
                              f"eventlint structural rules: {sorted(found[ordinal])}: {line[:300]}")
    print(f"schema-mutations: {total} documents, {failed} disagreements")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
