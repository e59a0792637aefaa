#!/usr/bin/env bash
# Fails when the committed dist/ is not what `npm run bundle` makes of src/ now. It runs the bundle
# script of package.json (the one place its ncc flags are written) with a temporary folder in place
# of dist, so it leaves dist/ alone and can run while the tests execute dist/index.js.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bundle=$(node -p 'require("./package.json").scripts.bundle')
PATH="$PWD/node_modules/.bin:$PATH" bash -c "${bundle//dist/$out}" >/dev/null
if ! diff -rq "$out" dist; then
  echo "dist/ is out of date with src/: run 'npm run bundle' and commit dist/." >&2
  exit 1
fi
echo "dist/ is up to date."
