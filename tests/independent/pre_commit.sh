#!/usr/bin/env bash
# The shipped pre-commit hook, installed and run by the real pre-commit (from PyPI): pre-commit
# builds this repository with `cargo install --path .` (its `language: rust`) and runs the hook
# on a sample repository holding a good and a bad payload. Usage: pre_commit.sh PRE_COMMIT
set -euo pipefail
pre_commit="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
repo="$(cd "$(dirname "$0")/../.." && pwd)"

# pre-commit's environments (the built eventlint) live under target/, so a second run reuses them.
export PRE_COMMIT_HOME="$repo/target/pre-commit-home"
# `cargo install` builds the release profile (one codegen unit, fat LTO: minutes on two cores);
# the hook's behaviour does not depend on it, so this check builds it the quick way, in a target
# directory of its own that later runs reuse.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
  CARGO_TARGET_DIR="$repo/target/pre-commit-build"
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@localhost GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@localhost

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
git init -q sample
cd sample
cat > good.json <<'JSON'
{"action": "dog.bark", "label": "bark", "client": {"customId": "c-42"}, "time": "2025-12-31T23:59:00Z"}
JSON
cat > bad.json <<'JSON'
{"action": "dog.bark", "label": "bark", "client": {"customID": "c-42"}, "time": "2025-12-31T23:59:00Z"}
JSON
git add good.json bad.json

failed=0
if ! out="$("$pre_commit" try-repo "$repo" eventlint --files good.json 2>&1)"; then
  echo "the hook failed on the good payload:"; echo "$out"; failed=1
fi
if out="$("$pre_commit" try-repo "$repo" eventlint --files good.json bad.json 2>&1)"; then
  echo "the hook passed the bad payload:"; echo "$out"; failed=1
elif ! grep -q "synerise.event/unknown-client-key" <<<"$out" || ! grep -q "bad.json" <<<"$out"; then
  echo "the hook failed without naming the bad payload's finding:"; echo "$out"; failed=1
fi
if [ "$failed" = 0 ]; then
  echo "pre-commit hook: 2 passed, 0 failed"
else
  echo "pre-commit hook: failed"
  exit 1
fi
