#!/usr/bin/env bash
# Runs lsp.lua in a headless Neovim against `eventlint lsp`: usage run.sh path/to/eventlint.
# The fixtures it opens are copied into a temporary project (with an eventlint.toml that gives
# the kind from the folder and a fixed clock, as the repository's does, without its expectations,
# which would hide an invalid fixture's findings): the fixtures themselves are never changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
eventlint="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/eventlint.toml" <<'TOML'
now = "2026-01-01T00:00:00Z"
[[files]]
glob = "fixtures/<vendor>/<kind>/**"
kind = "<vendor>.<kind>"
TOML
dir=fixtures/synerise/custom-event/invalid/synerise.event
for f in $dir/client-forbidden-chars--emoji.json $dir/client-identifier--stream.ndjson \
  fixtures/neuralens/event/invalid/neuralens.event/unknown-key.json; do
  mkdir -p "$work/$(dirname "$f")"
  cp "$repo/$f" "$work/$f"
done
# A hung client or server fails the run instead of holding CI.
EVENTLINT="$eventlint" WORK="$work" \
  timeout --kill-after=5 120 nvim --headless --clean -u NONE -c "luafile $here/lsp.lua"
