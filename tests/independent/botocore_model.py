#!/usr/bin/env python3
"""The AWS service model shipped in botocore (`personalize-events`) against eventlint.

For every member of PutEvents in the model, this builds payloads at and just past each bound the
model states, and asserts what the eventlint binary says about them:
- a required member removed          -> an error at the containing object's pointer;
- a string of exactly min/max chars  -> no error at the member; one char past -> an error there;
- a list of exactly min/max elements -> no error at the member; one past -> an error there;
- a value outside a pattern          -> an error at the member.
It also checks that the committed schema states the same bounds, so a model change (a new
member, a changed bound) is noticed.

Usage: botocore_model.py PATH/TO/eventlint
Prints failures and a closing `N passed, M failed` line; exits 1 on any failure.
"""

import copy
import json
import pathlib
import subprocess
import sys

import botocore.session

ROOT = pathlib.Path(__file__).resolve().parents[2]
KIND = "personalize.put-events"

# A valid payload with every member present, including the optional ones.
BASE = {
    "trackingId": "tracking-1",
    "userId": "user-1",
    "sessionId": "session-1",
    "eventList": [
        {
            "eventId": "event-1",
            "eventType": "click",
            "eventValue": 4.5,
            "itemId": "item-1",
            "properties": "{\"numberOfRatings\": \"12\"}",
            "sentAt": 1719511760,
            "recommendationId": "RID-1",
            "impression": ["item-1", "item-2"],
            "metricAttribution": {"eventAttributionSource": "source"},
        }
    ],
}


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def get(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def put(doc, path, value):
    get(doc, path[:-1])[path[-1]] = value


def delete(doc, path):
    del get(doc, path[:-1])[path[-1]]


class Runner:
    def __init__(self, eventlint):
        self.eventlint = eventlint
        self.passed = 0
        self.failed = 0

    def errors(self, doc):
        out = subprocess.run(
            [self.eventlint, "check", "-", "--kind", KIND, "--no-config", "--now", "2026-01-01T00:00:00Z", "--format", "json"],
            input=json.dumps(doc).encode(),
            capture_output=True,
            check=False,
        )
        if out.returncode not in (0, 1):
            raise SystemExit(f"eventlint exited {out.returncode}: {out.stderr.decode()}")
        return [d for d in json.loads(out.stdout)["diagnostics"] if d["severity"] == "error"]

    def expect(self, what, doc, at, error):
        found = [d for d in self.errors(doc) if d["pointer"] == at]
        if bool(found) == error:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}: expected {'an' if error else 'no'} error at `{at}`, got {[(d['rule'], d['pointer']) for d in self.errors(doc)]}")


def string_of(length, jsonvalue):
    if not jsonvalue or length < 8:
        return "a" * length
    # A JSON object held in a string, of exactly `length` characters: {"k": "aaa"}
    return '{"k": "' + "a" * (length - 9) + '"}'


def walk(model, shape, path, run, schema_node, resolve):
    """Checks every member of structure `shape` at `path` of BASE."""
    required = set(shape.required_members)
    props = schema_node.get("properties", {})
    schema_required = set(schema_node.get("required", []))
    if required != schema_required:
        run.failed += 1
        print(f"FAIL schema at `{pointer(path)}`: required {sorted(schema_required)} != model {sorted(required)}")
    else:
        run.passed += 1
    for name, member in shape.members.items():
        here = path + [name]
        at = pointer(here)
        prop = resolve(props.get(name, {}))
        if name not in props:
            run.failed += 1
            print(f"FAIL schema: no property for model member `{at}`")
            continue
        if name in required:
            doc = copy.deepcopy(BASE)
            delete(doc, here)
            run.expect(f"required {at}", doc, pointer(path), True)
        meta = member.metadata
        if member.type_name == "string":
            jsonvalue = bool(member.serialization.get("jsonvalue"))
            for key, schema_key in (("min", "minLength"), ("max", "maxLength")):
                if key in meta and prop.get(schema_key) != meta[key]:
                    run.failed += 1
                    print(f"FAIL schema `{at}`: {schema_key} {prop.get(schema_key)} != model {key} {meta[key]}")
            if "max" in meta:
                doc = copy.deepcopy(BASE)
                put(doc, here, string_of(meta["max"], jsonvalue))
                run.expect(f"{at} at max {meta['max']}", doc, at, False)
                put(doc, here, string_of(meta["max"] + 1, jsonvalue))
                run.expect(f"{at} past max", doc, at, True)
            if meta.get("min", 0) >= 1:
                doc = copy.deepcopy(BASE)
                put(doc, here, string_of(meta["min"] - 1, False))
                run.expect(f"{at} below min {meta['min']}", doc, at, True)
            if "pattern" in meta:
                if prop.get("pattern") != meta["pattern"]:
                    run.failed += 1
                    print(f"FAIL schema `{at}`: pattern {prop.get('pattern')!r} != model {meta['pattern']!r}")
                doc = copy.deepcopy(BASE)
                put(doc, here, "   ")
                run.expect(f"{at} outside pattern", doc, at, True)
        elif member.type_name == "list":
            for key, schema_key in (("min", "minItems"), ("max", "maxItems")):
                if key in meta and prop.get(schema_key) != meta[key]:
                    run.failed += 1
                    print(f"FAIL schema `{at}`: {schema_key} {prop.get(schema_key)} != model {key} {meta[key]}")
            element = get(BASE, here)[0]
            if "max" in meta:
                doc = copy.deepcopy(BASE)
                put(doc, here, [copy.deepcopy(element) for _ in range(meta["max"])])
                run.expect(f"{at} with max {meta['max']} elements", doc, at, False)
                put(doc, here, [copy.deepcopy(element) for _ in range(meta["max"] + 1)])
                run.expect(f"{at} past max elements", doc, at, True)
            if meta.get("min", 0) >= 1:
                doc = copy.deepcopy(BASE)
                put(doc, here, [])
                run.expect(f"{at} below min elements", doc, at, True)
            inner = member.member
            items = resolve(prop.get("items", {}))
            if inner.type_name == "structure":
                walk(model, inner, here + [0], run, items, resolve)
            elif inner.type_name == "string":
                imeta = inner.metadata
                for key, schema_key in (("min", "minLength"), ("max", "maxLength")):
                    if key in imeta and items.get(schema_key) != imeta[key]:
                        run.failed += 1
                        print(f"FAIL schema `{at}/*`: {schema_key} {items.get(schema_key)} != model {key} {imeta[key]}")
                if "max" in imeta:
                    doc = copy.deepcopy(BASE)
                    put(doc, here + [0], "a" * (imeta["max"] + 1))
                    run.expect(f"{at}/0 past max", doc, at + "/0", True)
        elif member.type_name == "structure":
            walk(model, member, here, run, prop, resolve)


def main():
    run = Runner(sys.argv[1])
    model = botocore.session.get_session().get_service_model("personalize-events")
    op = model.operation_model("PutEvents")
    schema = json.loads((ROOT / f"schemas/{KIND}.schema.json").read_text())

    def resolve(node):
        while "$ref" in node:
            node = get(schema, node["$ref"].lstrip("#/").split("/"))
        return node

    if run.errors(BASE):
        print(f"FAIL the base payload has errors: {run.errors(BASE)}")
        run.failed += 1
    walk(model, op.input_shape, [], run, resolve(schema), resolve)
    print(f"botocore-model ({botocore.__version__}): {run.passed} passed, {run.failed} failed")
    sys.exit(1 if run.failed else 0)


if __name__ == "__main__":
    main()
