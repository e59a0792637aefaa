import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import transform, {
  addJsonImportAttributes,
  jsonImportsWithoutAttributes
} from './json-import-attributes.ts'

interface ProjectConfig {
  transform: Record<string, string>
  transformIgnorePatterns: string[]
}
const { default: config } = (await import(
  new URL('../../jest.config.js', import.meta.url).href
)) as { default: { projects: ProjectConfig[] } }

const PARSER_DIST = new URL('../../node_modules/@actions/workflow-parser/dist/', import.meta.url)
const TRANSFORMER = fileURLToPath(new URL('./json-import-attributes.ts', import.meta.url))

/** workflow-parser's ES modules: path → source. */
function parserModules(): Map<string, string> {
  const modules = new Map<string, string>()
  for (const file of readdirSync(PARSER_DIST, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.js')) continue
    modules.set(
      fileURLToPath(new URL(file, PARSER_DIST)),
      readFileSync(new URL(file, PARSER_DIST), 'utf8')
    )
  }
  return modules
}

describe('the JSON import attribute transform', () => {
  it('adds with { type: json } to a static JSON import that lacks it, and to nothing else', () => {
    const source = [
      'import { TemplateSchema } from "../templates/schema/index.js";',
      'import WorkflowSchema from "../workflow-v1.0.min.json";',
      "import Done from './done.json' with { type: 'json' };",
      "export { default as Schema } from './schema.json'",
      'const text = "import x from \'./not-code.json\'";'
    ].join('\n')
    expect(addJsonImportAttributes(source).split('\n')).toEqual([
      'import { TemplateSchema } from "../templates/schema/index.js";',
      `import WorkflowSchema from "../workflow-v1.0.min.json" with { type: 'json' };`,
      "import Done from './done.json' with { type: 'json' };",
      "export { default as Schema } from './schema.json' with { type: 'json' }",
      'const text = "import x from \'./not-code.json\'";'
    ])
  })

  it('leaves no JSON import without an attribute in @actions/workflow-parser', () => {
    const modules = parserModules()
    const lacking = [...modules].filter(([, source]) => jsonImportsWithoutAttributes(source).length)
    // If this fails, workflow-parser now writes the attribute itself: drop the transform.
    expect(lacking.length).toBeGreaterThan(0)
    for (const [path, source] of lacking) {
      expect({ path, left: jsonImportsWithoutAttributes(transform.process(source).code) }).toEqual({
        path,
        left: []
      })
    }
  })

  it('is what Jest applies to workflow-parser, in both projects', () => {
    const [path] = [...parserModules().keys()]
    for (const project of config.projects) {
      const entries = Object.entries(project.transform).filter(([pattern]) =>
        new RegExp(pattern).test(path)
      )
      expect(entries.map(([, module]) => module.replace('<rootDir>/', ''))).toEqual([
        TRANSFORMER.slice(TRANSFORMER.indexOf('__tests__/'))
      ])
      const ignored = project.transformIgnorePatterns.some((pattern) =>
        new RegExp(pattern).test(path)
      )
      expect(ignored).toBe(false)
    }
  })
})
