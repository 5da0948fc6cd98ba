#!/usr/bin/env python3
"""The fixtures' curl commands, sent by the real curl to `eventlint serve`.

Starts `eventlint serve --bind 127.0.0.1:0`, then for every `.curl` fixture under fixtures/:
- splits the command as a shell does (Python's `shlex`: quotes, `\\` line continuations,
  comments; no variable expansion, so a placeholder such as `$access_token` is sent as written),
- replaces the URL's scheme and host with the server's (`https://api.synerise.com/v4/events/custom`
  becomes `http://127.0.0.1:PORT/v4/events/custom`; path and query kept, a `Host` header the
  command sets kept),
- runs /usr/bin/curl with those arguments (plus `-g`, `-sS`, a time limit and `-D`/`-o` to read the
  answer), so the request on the wire is the one curl really builds (its `-d` content type,
  its header casing, its `Content-Length`),
- and asserts what the fixture's path says (the layout `parse_fixture_path` in tests/src reads):
  `fixtures/<vendor>/<kind>/valid/requests/NAME.curl` is answered 2xx with
  `X-Eventlint-Verdict: pass`; `fixtures/<vendor>/<kind>/invalid/<group>/<rule>[--variant].curl`
  gets `X-Eventlint-Verdict: fail`, and the journal's entry for that request (by
  `X-Eventlint-Request-Id`) has the rule `<group>/<rule>` among its diagnostics. Every request is
  also checked as the kind its folder names, and its journal verdict is its header's.

The server runs with `--deny-warnings`, as eventlint.toml's contract for the fixtures is (a valid
fixture gives no error or warning, an invalid one its rule): several invalid `.curl` fixtures are
`common/content-type`, a warning (curl's `-d` sends `application/x-www-form-urlencoded`). A
warning fails the verdict but not the vendor's answer, so an invalid request is answered 4xx when
it has an error and with the vendor's success otherwise.

Fixtures about the curl text itself, which no request carries (`request/syntax`: a command a
shell cannot split), are skipped with the reason.

Usage: serve_curl.py PATH/TO/eventlint [CURL]
Prints failures and skips and a closing `N passed, M failed, K skipped` line; exits 1 on any
failure.
"""

import json
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

NOW = "--now=2026-01-01T00:00:00Z"
# The whole run is stopped (server included, by `finally`) if anything hangs past this.
TIMEOUT_S = 300
ROOT = Path(__file__).resolve().parents[2]

# Rules about the file's text, not the request it describes: a live request cannot carry them.
READER_RULES = {"request/syntax", "request/reader"}

# curl options that take a value (the next argument), so that the URL is found among the rest.
VALUE_OPTIONS = {
    "-X", "--request", "-H", "--header", "-d", "--data", "--data-raw", "--data-binary",
    "--data-ascii", "--data-urlencode", "--json", "-F", "--form", "--form-string", "-u",
    "--user", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-c", "--cookie-jar",
    "-o", "--output", "-T", "--upload-file", "-x", "--proxy", "-m", "--max-time",
    "--connect-timeout", "-w", "--write-out", "-K", "--config", "--retry", "--cacert",
    "-E", "--cert", "--key", "--resolve", "--connect-to", "--oauth2-bearer", "--aws-sigv4",
    "-r", "--range", "-z", "--time-cond", "--limit-rate", "-Y", "--speed-limit",
    "-y", "--speed-time", "--max-redirs", "--interface", "-D", "--dump-header",
}
# Options whose argument is a URL to rewrite.
URL_OPTIONS = {"--url"}

passed = 0
failed = 0
skipped = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def skip(name, why):
    global skipped
    skipped += 1
    print(f"SKIP {name}: {why}")


def expectation(rel):
    """`(kind, None)` for a valid fixture, `(kind, rule)` for an invalid one (as tests/src does)."""
    parts = rel.split("/")
    if parts[0] != "fixtures" or len(parts) < 5:
        raise ValueError(f"misplaced fixture {rel}")
    kind = f"{parts[1]}.{parts[2]}"
    rest = parts[3:]
    if rest[0] == "valid":
        return kind, None
    if rest[0] == "invalid" and len(rest) == 3:
        stem = rest[2].rsplit(".", 1)[0]
        name = stem.split("--", 1)[0]
        return kind, f"{rest[1]}/{name}"
    raise ValueError(f"misplaced fixture {rel}")


def drop_continuations(text):
    """Removes each backslash-newline outside single quotes, as a shell does before splitting
    (shlex alone would keep the newline as a word)."""
    out = []
    quote = None
    i = 0
    while i < len(text):
        c = text[i]
        if quote == "'":
            if c == "'":
                quote = None
        elif c == "\\" and i + 1 < len(text):
            if text[i + 1] == "\n":
                i += 2
                continue
            out.append(text[i : i + 2])
            i += 2
            continue
        elif c in "'\"":
            if quote is None:
                quote = c
            elif quote == c:
                quote = None
        out.append(c)
        i += 1
    return "".join(out)


def commands(text):
    """The file's curl commands, each as its arguments after `curl`."""
    lexer = shlex.shlex(drop_continuations(text), posix=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    words = list(lexer)  # ValueError on an unbalanced quote
    found = []
    for word in words:
        if word == "curl":
            found.append([])
        elif not found:
            raise ValueError(f"`{word}` before the first `curl`")
        else:
            found[-1].append(word)
    return found


def rebase(url, base):
    """`base` + the URL's path and query: its scheme and host (or a `{PLACEHOLDER}`) replaced."""
    rest = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", url)
    slash = re.search(r"[/?]", rest)
    path = rest[slash.start():] if slash else "/"
    if path.startswith("?"):
        path = "/" + path
    return base + path


def rewrite(args, base):
    """The arguments with every URL (positional or `--url`) pointed at `base`."""
    out = []
    urls = 0
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in URL_OPTIONS and i + 1 < len(args):
            out += [arg, rebase(args[i + 1], base)]
            urls += 1
            i += 2
        elif arg in VALUE_OPTIONS and i + 1 < len(args):
            out += [arg, args[i + 1]]
            i += 2
        elif arg.startswith("-") and arg != "-":
            out.append(arg)
            i += 1
        else:
            out.append(rebase(arg, base))
            urls += 1
            i += 1
    return out, urls


def read_headers(path):
    """The status and the headers (lower-case names) of the last response in a `-D` dump."""
    blocks = [b for b in re.split(r"\r?\n\r?\n", path.read_text("latin-1")) if b.strip()]
    if not blocks:
        return None, {}
    lines = blocks[-1].splitlines()
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers


def journal(url):
    with urllib.request.urlopen(f"{url}/_eventlint/requests", timeout=30) as reply:
        return {str(r["id"]): r for r in json.load(reply)["requests"]}


def run_fixture(curl, rel, args, base, scratch):
    kind, rule = expectation(rel)
    rewritten, urls = rewrite(args, base)
    if urls != 1:
        check(f"{rel}: one URL", False, f"found {urls} in {args}")
        return None
    head, body = scratch / "head", scratch / "body"
    for f in (head, body):
        f.unlink(missing_ok=True)
    cmd = [curl, "-g", "-sS", "--max-time", "30", "-D", str(head), "-o", str(body), *rewritten]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=ROOT / Path(rel).parent)
    if done.returncode != 0:
        check(f"{rel}: curl runs", False, f"exit {done.returncode}: {done.stderr.strip()}")
        return None
    status, headers = read_headers(head)
    answer = body.read_text("utf-8", "replace") if body.exists() else ""
    verdict = headers.get("x-eventlint-verdict")
    findings = headers.get("x-eventlint-findings", "")
    detail = f"{status}, verdict {verdict}, findings {findings!r}, body {answer[:300]!r}"
    if rule is None:
        check(f"{rel}: valid is answered 2xx", status is not None and 200 <= status < 300, detail)
        check(f"{rel}: valid has verdict pass", verdict == "pass", detail)
    else:
        check(f"{rel}: invalid has verdict fail", verdict == "fail", detail)
    return headers.get("x-eventlint-request-id"), kind, rule, verdict, status, detail


def on_timeout(_signum, _frame):
    raise TimeoutError(f"the run took over {TIMEOUT_S} s")


def main():
    eventlint = sys.argv[1]
    signal.signal(signal.SIGALRM, on_timeout)
    signal.alarm(TIMEOUT_S)
    curl = sys.argv[2] if len(sys.argv) > 2 else "/usr/bin/curl"
    fixtures = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "fixtures").rglob("*.curl"))
    check("there are .curl fixtures", len(fixtures) > 0, "none found")

    server = subprocess.Popen(
        [eventlint, "serve", "--bind", "127.0.0.1:0", "--no-config", "--deny-warnings", NOW],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        line = server.stdout.readline().strip()
        prefix = "listening on "
        if not line.startswith(prefix):
            print(f"FAIL start: the first line is {line!r}")
            print(f"{passed} passed, {failed + 1} failed, {skipped} skipped")
            return 1
        base = line[len(prefix):]

        sent = []
        with tempfile.TemporaryDirectory() as scratch:
            for rel in fixtures:
                kind, rule = expectation(rel)
                if rule in READER_RULES:
                    skip(rel, f"`{rule}` is about the curl text itself, which no request carries")
                    continue
                try:
                    found = commands((ROOT / rel).read_text("utf-8"))
                except ValueError as err:
                    skip(rel, f"the shell cannot split it ({err}), so no request is sent")
                    continue
                if len(found) != 1:
                    check(f"{rel}: one curl command", False, f"found {len(found)}")
                    continue
                result = run_fixture(curl, rel, found[0], base, Path(scratch))
                if result:
                    sent.append((rel, *result))

        entries = journal(base)
        for rel, request_id, kind, rule, verdict, status, detail in sent:
            entry = entries.get(str(request_id))
            if entry is None:
                check(f"{rel}: in the journal", False, f"no entry with id {request_id!r}")
                continue
            check(f"{rel}: the journal's verdict is the header's", entry["verdict"] == verdict, entry["verdict"])
            check(f"{rel}: checked as {kind}", entry.get("kind") == kind, entry.get("kind"))
            diagnostics = entry.get("diagnostics", [])
            rules = [d["rule"] for d in diagnostics]
            if rule is not None:
                check(f"{rel}: the journal names {rule}", rule in rules, rules)
                errors = any(d["severity"] == "error" for d in diagnostics)
                if errors:
                    ok = status is not None and 400 <= status < 500
                    check(f"{rel}: with an error, answered 4xx", ok, detail)
                else:
                    ok = status is not None and 200 <= status < 300
                    check(f"{rel}: with warnings only, the vendor's success", ok, detail)
    except TimeoutError as err:
        check("the run ends in time", False, err)
    finally:
        signal.alarm(0)
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
