// The workflows this repository runs (.github/workflows/) and the ones a reader may copy (the yaml
// blocks of README.md and docs/*.md): what __tests__/workflows.test.ts and `npm run actionlint`
// check.
import { existsSync, readdirSync, readFileSync } from 'node:fs'

export interface YamlSource {
  /** Where it comes from, e.g. "README.md:27" (the opening fence's line) or ".github/workflows/ci.yml". */
  name: string
  text: string
  /** The file it is in. */
  file: string
  /** Lines before the text's first line in that file (the fence and all above it for a block). */
  lineOffset: number
  /** Columns taken off each line (a block indented inside a list item). */
  columnOffset: number
}

/** The fenced ```yaml (or ```yml) blocks of a Markdown file, with the line each starts on. */
export function yamlBlocks(file: string, markdown: string): YamlSource[] {
  const blocks: YamlSource[] = []
  const lines = markdown.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b/i.exec(lines[index])
    if (open === null) continue
    const [, indent, fence] = open
    const body: string[] = []
    let end = index + 1
    while (end < lines.length && !lines[end].trim().startsWith(fence)) {
      // A block inside a list item is indented: take the indent off.
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end])
      end++
    }
    if (end >= lines.length) throw new Error(`${file}:${index + 1}: the yaml block is not closed`)
    blocks.push({
      name: `${file}:${index + 1}`,
      text: body.join('\n') + '\n',
      file,
      lineOffset: index + 1,
      columnOffset: indent.length
    })
    index = end
  }
  return blocks
}

/** The yaml blocks of README.md and of docs/*.md. */
export function markdownSources(root: URL): YamlSource[] {
  const files = ['README.md']
  if (existsSync(new URL('docs/', root))) {
    files.push(
      ...readdirSync(new URL('docs/', root))
        .filter((file) => file.endsWith('.md'))
        .sort()
        .map((file) => `docs/${file}`)
    )
  }
  return files.flatMap((file) => yamlBlocks(file, readFileSync(new URL(file, root), 'utf8')))
}

/** Every .yml and .yaml file in .github/workflows/. */
export function workflowFiles(root: URL): YamlSource[] {
  const dir = new URL('.github/workflows/', root)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => ({
      name: `.github/workflows/${file}`,
      text: readFileSync(new URL(file, dir), 'utf8'),
      file: `.github/workflows/${file}`,
      lineOffset: 0,
      columnOffset: 0
    }))
}

/** A whole workflow (it has jobs), as opposed to a steps list or a single step. */
export function isWholeWorkflow(root: unknown): boolean {
  return root !== null && typeof root === 'object' && !Array.isArray(root) && 'jobs' in root
}
