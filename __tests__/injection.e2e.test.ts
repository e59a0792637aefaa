// No text from the network becomes a runner command: dist/index.js, run as a runner runs it,
// against loopback servers that put runner commands (both syntaxes, after every kind of line
// break and after leading white space) in every field the gate prints, for every backend
// (fixtures/hostile-backends.ts). The log is read as the runner reads it (fixtures/hostile.ts):
// the only commands in it are the gate's own ::add-mask, ::debug, ::warning and ::error (whose
// texts hold no command either), and every planted field was printed, or, for the fields the gate
// must refuse, shows nowhere.

import { describe, expect, it } from '@jest/globals'
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
  /** `log`: printed (inert); `nowhere`: refused, in no output at all. */
  expect: 'log' | 'nowhere'
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
    refused: (field) => put(field, textPayload, 'nowhere')
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
          // The run ended by itself, with a verdict.
          expect(run.signal).toBeNull()
          expect(run.outputs.result).toMatch(/^(succeeded|failed|blocked|error)$/)
          for (const log of [run.stdout, run.stderr]) {
            expect(foreignCommands(log, { secrets, planted: PLANTED })).toEqual([])
          }
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
          } else {
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
