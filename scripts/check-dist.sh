#!/usr/bin/env bash
# Fails when the committed dist/ is not what `npm run bundle` makes of src/ now.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent bundle >/dev/null
if ! git diff --quiet -- dist || [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is out of date with src/: run 'npm run bundle' and commit dist/." >&2
  git status --short -- dist >&2
  exit 1
fi
echo "dist/ is up to date."
