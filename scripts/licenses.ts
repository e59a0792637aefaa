// The third-party licenses of the bundle: which packages are in dist/, told from the build itself
// (every source its source maps name under node_modules/), each with its license text, written to
// dist/licenses.txt by `npm run bundle` and checked by `npm run check-licenses` (in .ci/run and CI).
//
// Why not ncc's --license: it lists only the packages webpack resolved as CommonJS with a license
// field it could read (5 of the 23 packages bundled when this was written), so the BSD, ISC and
// Apache-2.0 notices were missing.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The licenses a bundled package may have: permissive, and asking only for the notice we ship. */
export const ALLOWED_LICENSES = [
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'BlueOak-1.0.0'
]

const ROOT = resolve(import.meta.dirname, '..')
/** A license file's name, as npm packages spell it. */
const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i

export interface BundledPackage {
  name: string
  version: string
  /** The SPDX expression of its package.json. */
  license: string
  /** Its folder, relative to the project (one package can be bundled from two folders). */
  folder: string
  /** The text of its license file; undefined when it has none. */
  text: string | undefined
}

/**
 * The package folders the bundle in `dist` holds code of, from its source maps. ncc names a source
 * relative to a folder inside the project (`.././node_modules/…` from `dist/`, wherever the build
 * went), so each is resolved from `<root>/dist`.
 */
export function bundledFolders(dist: string, root = ROOT): string[] {
  const folders = new Set<string>()
  for (const name of readdirSync(dist).filter((file) => file.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(join(dist, name), 'utf8')) as { sources?: string[] }
    for (const source of map.sources ?? []) {
      const path = resolve(root, 'dist', source)
      const parts = relative(root, path).split(sep)
      // The innermost node_modules/<name> or node_modules/@scope/<name> holds the file.
      const at = parts.lastIndexOf('node_modules')
      if (at < 0) continue
      const end = parts[at + 1]?.startsWith('@') ? at + 3 : at + 2
      if (end < parts.length) folders.add(parts.slice(0, end).join('/'))
    }
  }
  return [...folders].sort()
}

/** Each bundled package once (by name and version), with its license and license text. */
export function bundledPackages(dist: string, root = ROOT): BundledPackage[] {
  const byId = new Map<string, BundledPackage>()
  for (const folder of bundledFolders(dist, root)) {
    // A folder that is not there (a build made elsewhere) is a package without a license.
    const manifestFile = join(root, folder, 'package.json')
    const manifest = (
      existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {}
    ) as { name?: string; version?: string; license?: unknown }
    const name = manifest.name ?? folder
    const version = manifest.version ?? ''
    const id = `${name}@${version}`
    if (byId.has(id)) continue
    const file = (existsSync(join(root, folder)) ? readdirSync(join(root, folder)) : [])
      .filter((entry) => LICENSE_FILE.test(entry))
      .sort()[0]
    const text = file === undefined ? undefined : readFileSync(join(root, folder, file), 'utf8')
    byId.set(id, {
      name,
      version,
      license: typeof manifest.license === 'string' ? manifest.license : '',
      folder,
      text: text?.trim() === '' ? undefined : text
    })
  }
  return [...byId.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name)
  )
}

/** Whether an SPDX expression lets us ship the package: an allowed license, or a choice of one. */
export function isAllowed(expression: string): boolean {
  const inner = expression.trim().replace(/^\((.*)\)$/, '$1')
  if (/\sAND\s/i.test(inner)) return inner.split(/\s+AND\s+/i).every(isAllowed)
  if (/\sOR\s/i.test(inner)) return inner.split(/\s+OR\s+/i).some(isAllowed)
  return ALLOWED_LICENSES.includes(inner)
}

/** What keeps a package out of the bundle: no license text, or a license off the allow-list. */
export function problems(packages: BundledPackage[]): string[] {
  const found: string[] = []
  for (const pkg of packages) {
    const id = `${pkg.name}@${pkg.version} (${pkg.folder})`
    if (pkg.text === undefined) {
      found.push(`${id} has no license file (LICENSE, LICENCE or COPYING) to ship`)
    }
    if (!isAllowed(pkg.license)) {
      found.push(
        `${id} is licensed ${pkg.license === '' ? '(no license in package.json)' : `"${pkg.license}"`}: allowed are ${ALLOWED_LICENSES.join(', ')}`
      )
    }
  }
  return found
}

/** dist/licenses.txt: each package's name, version and license, then its license text. */
export function licensesText(packages: BundledPackage[]): string {
  const sections = packages.map(
    (pkg) =>
      `${pkg.name}@${pkg.version}\n${pkg.license || 'UNKNOWN'}\n\n${pkg.text?.trim() ?? '(no license text found)'}\n`
  )
  return `Third-party software bundled into dist/, with its licenses.\n\n${sections.join('\n-----\n\n')}`
}

/** Writes `<dist>/licenses.txt` for the bundle in `dist` (built in `root`). */
export function writeLicenses(dist: string, root = ROOT): void {
  writeFileSync(join(dist, 'licenses.txt'), licensesText(bundledPackages(dist, root)))
}

/**
 * The check: every bundled package has a license text and an allowed license, and
 * `<dist>/licenses.txt` ships them all, as the bundle now is.
 */
export function checkLicenses(dist: string, root = ROOT): string[] {
  const packages = bundledPackages(dist, root)
  const found = problems(packages)
  const file = join(dist, 'licenses.txt')
  const shipped = existsSync(file) ? readFileSync(file, 'utf8') : undefined
  if (shipped !== licensesText(packages)) {
    const missing = packages.filter((pkg) => !shipped?.includes(`${pkg.name}@${pkg.version}\n`))
    found.push(
      `${relative(root, file)} is not the licenses of the bundle${missing.length > 0 ? ` (it misses ${missing.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')})` : ''}: run npm run bundle`
    )
  }
  return found
}

// import.meta.main is new in Node 24.2: compared by path too, so that no older 24 checks nothing.
if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  // node scripts/licenses.ts [--write] [dist folder] [project folder]: the committed dist/ by
  // default. --write writes licenses.txt (npm run bundle, after ncc), then checks it.
  const args = process.argv.slice(2).filter((arg) => arg !== '--write')
  const dist = resolve(args[0] ?? join(ROOT, 'dist'))
  const root = resolve(args[1] ?? ROOT)
  if (process.argv.includes('--write')) writeLicenses(dist, root)
  const found = checkLicenses(dist, root)
  const count = bundledPackages(dist, root).length
  if (found.length > 0) {
    console.error(`Licenses of the bundle: ${found.length} problem(s)`)
    for (const problem of found) console.error(`  - ${problem}`)
    process.exit(1)
  }
  console.log(
    `Licenses of the bundle: ${count} packages, each with its license text in dist/licenses.txt and an allowed license.`
  )
}
