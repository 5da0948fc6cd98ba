#!/usr/bin/env bash
# Seeds fuzz/corpus/{check,spans} from fixtures/ (not committed: the corpora grow large).
# The spans target reads three selector bytes before the text: give the seeds some.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/check corpus/spans
i=0
find ../fixtures -type f \( -name '*.json' -o -name '*.ndjson' -o -name '*.jsonl' \) -size -64k |
  sort | while read -r f; do
    i=$((i + 1))
    cp "$f" "corpus/check/seed-$i"
    { printf '\001\011\003'; cat "$f"; } > "corpus/spans/seed-$i"
  done
cp regressions/check/* corpus/check/ 2>/dev/null || true
cp regressions/spans/* corpus/spans/ 2>/dev/null || true
echo "seeded $(ls corpus/check | wc -l) check and $(ls corpus/spans | wc -l) spans inputs"
