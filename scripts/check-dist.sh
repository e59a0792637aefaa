#!/usr/bin/env bash
# Fails when the committed dist/ is not what `npm run bundle` makes of src/ now. It builds into a
# temporary folder (the build's output does not depend on where it goes), so it leaves dist/ alone
# and can run while the tests execute dist/index.js.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node --disable-warning=ExperimentalWarning scripts/bundle.ts src/index.ts "$out" --quiet
if ! diff -rq "$out" dist; then
  echo "dist/ is out of date with src/: run 'npm run bundle' and commit dist/." >&2
  exit 1
fi
echo "dist/ is up to date."
