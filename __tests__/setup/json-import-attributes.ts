// A Jest transform for @actions/workflow-parser, whose ESM files import their JSON schemas without
// `with { type: 'json' }`. Node refuses such imports (ERR_IMPORT_ATTRIBUTE_MISSING) and Jest
// warns about each ("importing JSON without an import attribute is deprecated"); this adds the
// attribute Node wants, so the import is what it will have to be, and nothing is warned about.

/** Static `import x from '…json'` and `export … from '…json'` without an attribute clause. */
const JSON_IMPORT =
  /^(\s*(?:import|export)\b[^;'"]*?\bfrom\s*)(['"])([^'"]+\.json)\2(?![ \t]*(?:with|assert)\b)/gm

/** The module's source with `with { type: 'json' }` after every static JSON import lacking one. */
export function addJsonImportAttributes(source: string): string {
  return source.replace(JSON_IMPORT, (_whole, head: string, quote: string, path: string) => {
    return `${head}${quote}${path}${quote} with { type: 'json' }`
  })
}

/** Static JSON imports that still have no attribute: what Jest would warn about. */
export function jsonImportsWithoutAttributes(source: string): string[] {
  return [...source.matchAll(JSON_IMPORT)].map((match) => match[3])
}

export default {
  process(source: string): { code: string } {
    return { code: addJsonImportAttributes(source) }
  }
}
