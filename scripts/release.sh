#!/usr/bin/env bash
# Tags a release: `npm run release -- vX.Y.Z [--dry-run] [--push]`.
#
# Checks that the tag is new, the working tree is clean, the branch is main, dist/ is what
# `npm run bundle` makes of src/, and package.json says X.Y.Z. Then it creates the annotated tag
# vX.Y.Z and moves the major tag vX (what users write in `uses: …@vX`) to the same commit.
# It pushes nothing unless --push is given: it prints the commands to run.
# --dry-run runs every check and says what it would do, without tagging.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: npm run release -- vX.Y.Z [--dry-run] [--push]
       bash scripts/release.sh vX.Y.Z [--dry-run] [--push]

  vX.Y.Z     the version to release, e.g. v1.2.3; package.json must already say 1.2.3
  --dry-run  run every check and print what would be done; create and push nothing
  --push     push the two tags to origin (otherwise the push commands are printed)
EOF
}

fail() {
  echo "release: $*" >&2
  exit 1
}

version=''
dry_run=false
push=false
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=true ;;
    --push) push=true ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*)
      usage >&2
      fail "unknown option $arg"
      ;;
    *)
      [ -z "$version" ] || fail "one version only, got $version and $arg"
      version=$arg
      ;;
  esac
done
if [ -z "$version" ]; then
  usage >&2
  fail 'the version to release is missing, e.g. v1.2.3'
fi

# vMAJOR.MINOR.PATCH, no leading zeros, no pre-release or build suffix.
number='(0|[1-9][0-9]*)'
if ! [[ "$version" =~ ^v$number\.$number\.$number$ ]]; then
  fail "'$version' is not a version like v1.2.3 (v, then MAJOR.MINOR.PATCH without leading zeros)"
fi
bare=${version#v}
major=v${bare%%.*}

# The tag must be new. Tags pushed by others count only once fetched: run `git fetch --tags` first.
if git rev-parse -q --verify "refs/tags/$version" >/dev/null; then
  fail "tag $version already exists (at $(git rev-list -n 1 "$version" | cut -c1-12)): pick the next version"
fi
latest=$(git tag --list 'v*.*.*' | grep -E '^v[0-9]+\.[0-9]+\.[0-9]+$' | sort -V | tail -n 1 || true)
if [ -n "$latest" ] && [ "$(printf '%s\n%s\n' "$latest" "$version" | sort -V | tail -n 1)" != "$version" ]; then
  fail "$version is lower than the latest release $latest"
fi

branch=$(git symbolic-ref --quiet --short HEAD || echo '(detached HEAD)')
[ "$branch" = main ] || fail "releases are tagged on main; this is $branch (git switch main)"

dirty=$(git status --porcelain)
if [ -n "$dirty" ]; then
  echo "$dirty" >&2
  fail 'the working tree is not clean: commit or stash the changes above first'
fi

# package.json (and package-lock.json, and the User-Agent constant) must already say X.Y.Z.
package_version=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync("package.json", "utf8")).version)')
if [ "$package_version" != "$bare" ]; then
  fail "package.json says version $package_version, not $bare. Bump it first:
  npm version $bare --no-git-tag-version
  then set ACTION_VERSION in src/constants.ts to '$bare', run npm run bundle, commit
  package.json, package-lock.json, src/constants.ts and dist/, and run this again."
fi
lock_version=$(node -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync("package-lock.json", "utf8")).version))')
if [ "$lock_version" != "$bare" ]; then
  fail "package-lock.json says version $lock_version, not $bare: run npm install --package-lock-only and commit it"
fi
if ! grep -qE "^export const ACTION_VERSION = ['\"]${bare//./\\.}['\"]" src/constants.ts; then
  fail "src/constants.ts's ACTION_VERSION is not '$bare': set it, run npm run bundle and commit both"
fi

[ -x node_modules/.bin/ncc ] || fail 'node_modules is missing: run npm ci first (the dist/ check builds with ncc)'
echo 'Checking that dist/ is up to date with src/...'
bash scripts/check-dist.sh || fail 'dist/ is out of date: run npm run bundle, commit dist/ and run this again'

commit=$(git rev-parse HEAD)
short=$(git rev-parse --short HEAD)
if git rev-parse -q --verify "refs/tags/$major" >/dev/null; then
  major_was="moved from $(git rev-list -n 1 "$major" | cut -c1-12)"
else
  major_was='new'
fi
upstream=$(git rev-parse -q --verify '@{upstream}' 2>/dev/null || true)
if [ -n "$upstream" ] && [ "$upstream" != "$commit" ]; then
  echo "release: warning: main ($short) differs from its upstream; make sure main is pushed." >&2
fi
if $push && ! git remote get-url origin >/dev/null 2>&1; then
  fail '--push needs a remote called origin'
fi

# The major tag moves, so its push needs --force.
push_commands=(
  "git push origin main"
  "git push origin refs/tags/$version"
  "git push --force origin refs/tags/$major"
)

if $dry_run; then
  echo "Dry run: every check passed. Would tag $short ($(git log -1 --format=%s)):"
  echo "  git tag -a $version -m 'Release $version'"
  echo "  git tag -fa $major -m 'Release $version'    # $major: $major_was"
  if $push; then echo 'then push:'; else echo 'then print the commands to push:'; fi
  printf '  %s\n' "${push_commands[@]}"
  exit 0
fi

git tag -a "$version" -m "Release $version"
git tag -fa "$major" -m "Release $version"
echo "Tagged $short as $version and $major ($major: $major_was)."

if $push; then
  for command in "${push_commands[@]}"; do
    echo "+ $command"
    # The commands are fixed words without spaces inside: splitting them is safe.
    read -r -a words <<<"$command"
    "${words[@]}"
  done
  echo "Pushed. Now publish the release for $version on GitHub, with notes from CHANGELOG.md."
else
  echo 'Nothing is pushed. To publish the release, run:'
  printf '  %s\n' "${push_commands[@]}"
  echo "To undo instead: git tag -d $version, and git tag -d $major (or move it back if it existed)."
fi
