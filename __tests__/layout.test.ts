// The layout's own rule: each folder of src/ says what lives there, in the opening comment of its
// first file (by name), so that a reader who opens the folder reads it first.

import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const SRC = join(import.meta.dirname, '..', 'src')

function folders(dir: string): string[] {
  const below = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name))
  return [...below, ...below.flatMap(folders)]
}

describe('each folder of src/', () => {
  it.each(folders(SRC).map((dir) => relative(SRC, dir)))(
    'src/%s/ opens with what lives there',
    (folder) => {
      const first = readdirSync(join(SRC, folder))
        .filter((name) => name.endsWith('.ts'))
        .sort()[0]
      const text = readFileSync(join(SRC, folder, first), 'utf8')
      expect(text.startsWith(`// src/${folder}/: `)).toBe(true)
    }
  )
})
