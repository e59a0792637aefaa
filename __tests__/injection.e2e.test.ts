// No text from the network becomes a runner command: dist/index.js, run as a runner runs it,
// against loopback servers that put runner commands (both syntaxes, after every kind of line
// break and after leading white space) in every field the gate prints, for every backend
// (fixtures/hostile-backends.ts). The log is read as the runner reads it (fixtures/hostile.ts):
// the only commands in it are the gate's own ::add-mask, ::debug, ::warning and ::error (whose
// texts hold no command either), and every planted field was printed, or, for the fields the gate
// must refuse, shows nowhere. The summary stays one HTML block whatever the fields hold.

import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { playAllFirst, runBundle, type BundleRun } from './fixtures/bundle.js'
import {
  HOSTILE_BACKENDS,
  type HostileBackend,
  type InjectionScenario,
  type Planter
} from './fixtures/hostile-backends.js'
import {
  foreignCommands,
  headerPayload,
  htmlPayload,
  PLANTED,
  textPayload
} from './fixtures/hostile.js'
import { serveScript, type Script } from './fixtures/script-server.js'

/** Where a field's payload must end up. */
interface Plant {
  field: string
  tag: string
  /** `log`: printed (inert); `nowhere`: refused, in no output at all; `either`: inert if printed. */
  expect: 'log' | 'nowhere' | 'either'
}

let planted = 0
/** Plants a payload with a fresh tag per field, and remembers where it must end up. */
function planter(plants: Plant[]): Planter {
  const put = (field: string, payload: (tag: string) => string, where: Plant['expect']) => {
    const tag = `INJ${++planted}`
    plants.push({ field, tag, expect: where })
    return payload(tag)
  }
  return {
    text: (field) => put(field, textPayload, 'log'),
    html: (field) => put(field, htmlPayload, 'log'),
    header: (field) => put(field, headerPayload, 'log'),
    refused: (field) => put(field, textPayload, 'nowhere'),
    maybe: (field) => put(field, textPayload, 'either')
  }
}

interface Case {
  backend: HostileBackend
  scenario: InjectionScenario
  script: Script
  plants: Plant[]
}

interface Ran {
  run: BundleRun
  secrets: string[]
}

function cases(backend: HostileBackend): Case[] {
  return backend.injections.map((scenario) => {
    const plants: Plant[] = []
    return { backend, scenario, script: scenario.script(planter(plants)), plants }
  })
}

/** Runs one scenario's bundle against its script; a backstop ends a gate that hangs. */
async function play({ backend, scenario, script }: Case): Promise<Ran> {
  const server = await serveScript(script, backend.route)
  try {
    const inputs = { ...backend.inputs(server.origin), ...scenario.inputs }
    const run = await runBundle(
      inputs,
      async (child) => {
        const backstop = setTimeout(() => child.kill('SIGKILL'), 45_000)
        child.once('exit', () => clearTimeout(backstop))
        return Promise.resolve()
      },
      scenario.env?.(server.origin) ?? {}
    )
    const secrets = [
      inputs.token ?? '',
      inputs['client-secret'] ?? '',
      inputs['github-token'] ?? '',
      ...server.issued
    ].filter(Boolean)
    return { run, secrets }
  } finally {
    await server.close()
  }
}

/** Tags the summary opens and closes around the text it quotes. */
const SUMMARY_TAGS = ['details', 'summary', 'table', 'tr', 'td', 'th', 'ul', 'li', 'code', 'p']

/**
 * The summary is one HTML block, as the gate wrote it: no blank line ends the block (what follows
 * would be read as Markdown), every closing tag closes one the gate opened, and no link from the
 * network is rendered.
 */
function expectSummaryWhole(summary: string): void {
  expect(summary.trimEnd()).not.toMatch(/\n[ \t]*\n/)
  for (const tag of SUMMARY_TAGS) {
    const opened = summary.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0
    const closed = summary.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0
    expect({ tag, closed }).toEqual({ tag, closed: opened })
  }
  expect(marked.parse(summary, { async: false })).not.toContain('href="https://evil.example')
}

/** Bundles run at once, and a backstop for all of them together (not a promise of the gate). */
const PARALLEL = 4
const RUNS_MS = 180_000

const ALL = HOSTILE_BACKENDS.flatMap(cases)
const ran = playAllFirst(ALL, play, PARALLEL, RUNS_MS)

describe.each(HOSTILE_BACKENDS.map((backend) => [backend.name, backend] as const))(
  '%s: runner commands planted in every field',
  (_name, backend) => {
    describe.each(
      ALL.filter((each) => each.backend === backend).map(
        (each) => [each.scenario.name, each] as const
      )
    )('%s', (_scenario, each) => {
      it(
        'the log holds no command the gate did not write',
        async () => {
          const { run, secrets } = await ran(each)
          // The run ended by itself, with a verdict (or at its timeout, within the backstop).
          expect(run.signal).toBeNull()
          expect(run.outputs.result).toMatch(/^(succeeded|failed|blocked|error|timed-out)$/)
          for (const log of [run.stdout, run.stderr]) {
            expect(foreignCommands(log, { secrets, planted: PLANTED })).toEqual([])
          }
        },
        RUNS_MS
      )

      it(
        'the summary stays one HTML block: nothing from the network closes it',
        async () => {
          const { run } = await ran(each)
          expect(run.summary).not.toBe('')
          expectSummaryWhole(run.summary)
        },
        RUNS_MS
      )

      it.each(each.plants.map((plant) => [plant.field, plant] as const))(
        '%s',
        async (_field, plant) => {
          const { run, secrets } = await ran(each)
          const mine = new RegExp(`${plant.tag}[a-z]`)
          const leaks = [run.stdout, run.stderr].flatMap((log) =>
            foreignCommands(log, { secrets, planted: mine }).filter(({ line }) => mine.test(line))
          )
          expect(leaks).toEqual([])
          if (plant.expect === 'log') {
            // Printed: this field's text reached the log, made inert.
            expect(run.stdout).toMatch(mine)
          } else if (plant.expect === 'nowhere') {
            for (const text of [run.stdout, run.stderr, JSON.stringify(run.outputs), run.summary]) {
              expect(text).not.toMatch(mine)
            }
          }
        },
        RUNS_MS
      )
    })
  }
)
