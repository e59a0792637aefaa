import { beforeEach, describe, expect, it } from '@jest/globals'
import { HEARTBEAT_MS } from '../../src/constants.js'
import type { Snapshot, Step } from '../../src/model/snapshot.js'
import { ProgressLog } from '../../src/report/progress-log.js'
import { snapshot, step } from '../fixtures/report.js'

let infos: string[]
/** How many times the log was written to: once per answer that changed something. */
let writes: number
let warnings: string[]
let clock: number
let log: ProgressLog

beforeEach(() => {
  infos = []
  writes = 0
  warnings = []
  clock = 1_000_000
  log = new ProgressLog(
    {
      info: (lines) => {
        writes++
        infos.push(...lines.split('\n'))
      },
      warning: (line) => warnings.push(line)
    },
    () => clock
  )
})

/** The six documented steps; the certification step is running at `percent`. */
function certifying(
  percent: number,
  overrides: Partial<Record<string, Partial<Step>>> = {}
): Snapshot {
  const ids: Array<[string, string, Step['status']]> = [
    ['displaydummycertify', 'Validate pre-requisites', 'succeeded'],
    ['displaycertify', 'Certification', 'running'],
    ['displayprovision', 'Provisioning', 'notStarted'],
    ['displaypackage', 'Packaging and lead generation', 'notStarted'],
    ['publisher-signoff', 'Publisher signoff', 'notStarted'],
    ['live', 'Live', 'notStarted']
  ]
  return snapshot(
    'running',
    ids.map(([id, name, status]) =>
      step(id, status, {
        name,
        ...(status === 'running' ? { progress: percent, estimatedTimeFrame: '< 5 day' } : {}),
        ...overrides[id]
      })
    )
  )
}

describe('ProgressLog', () => {
  it('announces the operation and the started steps on the first snapshot', () => {
    log.onSnapshot(certifying(40))
    expect(infos).toHaveLength(3)
    expect(infos[0]).toMatch(/Operation status: running/)
    expect(infos[1]).toMatch(/Validate pre-requisites.*succeeded/)
    expect(infos[2]).toMatch(/Certification.*running 40%/)
    expect(infos[2]).toContain('< 5 day')
    expect(warnings).toEqual([])
  })

  it('says the estimated time once, when a step starts running, not with each percentage', () => {
    log.onSnapshot(certifying(40))
    clock += 60_000
    log.onSnapshot(certifying(55))
    const certification = infos.filter((line) => line.startsWith('Step Certification'))
    expect(certification).toEqual([
      'Step Certification: running 40% (estimated < 5 day)',
      'Step Certification: running 40% → running 55%'
    ])
  })

  it('does not announce steps that have not started on the first snapshot', () => {
    log.onSnapshot(certifying(40))
    for (const name of [
      'Provisioning',
      'Packaging and lead generation',
      'Publisher signoff',
      'Live'
    ]) {
      expect(infos.join('\n')).not.toContain(name)
    }
  })

  it('writes what one answer changed in one go, not a write a line', () => {
    log.onSnapshot(certifying(40))
    expect(infos).toHaveLength(3)
    expect(writes).toBe(1)
    log.onSnapshot(
      certifying(40, { displaycertify: { status: 'succeeded', rawStatus: 'Succeeded' } })
    )
    expect(writes).toBe(2)
  })

  it('says nothing new for the same snapshot twice', () => {
    log.onSnapshot(certifying(40))
    const before = [...infos]
    clock += 60_000
    log.onSnapshot(certifying(40))
    expect(infos).toEqual(before)
    expect(writes).toBe(1)
  })

  it.each<[string, Snapshot, RegExp]>([
    [
      'the operation status',
      { ...certifying(40), status: 'waiting', rawStatus: 'waiting' },
      /Operation status: running → waiting/
    ],
    [
      "a step's status",
      certifying(40, { displayprovision: { status: 'running', rawStatus: 'running' } }),
      /Step Provisioning: not started → running/
    ],
    [
      "the running step's percentage",
      certifying(55),
      /Step Certification: running 40% → running 55%/
    ]
  ])('writes one line when %s changes', (_, next, line) => {
    log.onSnapshot(certifying(40))
    const before = infos.length
    log.onSnapshot(next)
    expect(infos.slice(before)).toHaveLength(1)
    expect(infos.at(-1)).toMatch(line)
  })

  it('ignores the progress of a step that is not running', () => {
    const done = (progress: number): Snapshot =>
      snapshot('running', [
        step('displaycertify', 'succeeded', { name: 'Certification', progress })
      ])
    log.onSnapshot(done(0))
    const before = infos.length
    log.onSnapshot(done(100))
    expect(infos).toHaveLength(before)
  })

  it('announces a step that had not started once it starts', () => {
    log.onSnapshot(certifying(100))
    log.onSnapshot(
      certifying(100, {
        displaycertify: { status: 'succeeded', rawStatus: 'succeeded' },
        displayprovision: { status: 'running', rawStatus: 'running', progress: 0 }
      })
    )
    expect(infos.slice(-2)).toEqual([
      expect.stringMatching(/Certification: running 100% → succeeded/),
      expect.stringMatching(/Provisioning: not started → running 0%/)
    ])
  })

  describe('heartbeat', () => {
    it(`writes one line after ${HEARTBEAT_MS} ms without change, and not before`, () => {
      log.onSnapshot(certifying(40))
      const before = infos.length
      clock += HEARTBEAT_MS - 1
      log.onSnapshot(certifying(40))
      expect(infos).toHaveLength(before)
      clock += 1
      log.onSnapshot(certifying(40))
      expect(infos).toHaveLength(before + 1)
      expect(infos.at(-1)).toMatch(/Still waiting/)
      expect(infos.at(-1)).toContain('Certification')
      expect(infos.at(-1)).toContain('40%')
    })

    it('counts from the last line written, not from the start', () => {
      log.onSnapshot(certifying(40))
      clock += HEARTBEAT_MS - 1000
      log.onSnapshot(certifying(41))
      const before = infos.length
      clock += HEARTBEAT_MS - 1
      log.onSnapshot(certifying(41))
      expect(infos).toHaveLength(before)
      clock += 1
      log.onSnapshot(certifying(41))
      expect(infos).toHaveLength(before + 1)
    })

    it('writes the next heartbeat only after another full interval', () => {
      log.onSnapshot(certifying(40))
      clock += HEARTBEAT_MS
      log.onSnapshot(certifying(40))
      const before = infos.length
      clock += HEARTBEAT_MS - 1
      log.onSnapshot(certifying(40))
      expect(infos).toHaveLength(before)
      clock += 1
      log.onSnapshot(certifying(40))
      expect(infos).toHaveLength(before + 1)
    })

    it('is not written instead of a change', () => {
      log.onSnapshot(certifying(40))
      clock += HEARTBEAT_MS * 3
      log.onSnapshot(certifying(50))
      expect(infos.at(-1)).toMatch(/running 40% → running 50%/)
      expect(infos.join('\n')).not.toMatch(/Still waiting/)
    })
  })

  describe('unknown statuses', () => {
    const withOperation = (raw: string): Snapshot => ({
      ...certifying(40),
      status: 'unknown',
      rawStatus: raw
    })
    const withStep = (raw: string): Snapshot =>
      certifying(40, { displayprovision: { status: 'unknown', rawStatus: raw } })

    it('warns once for an unknown operation status, naming the spelling', () => {
      log.onSnapshot(withOperation('Frobnicating'))
      log.onSnapshot(withOperation('Frobnicating'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('"Frobnicating"')
    })

    it('warns once per distinct spelling, for steps and operation alike', () => {
      log.onSnapshot(withStep('Frobnicating'))
      log.onSnapshot(withStep('Frobnicating'))
      expect(warnings).toHaveLength(1)
      log.onSnapshot(withStep('Defenestrating'))
      expect(warnings).toHaveLength(2)
      expect(warnings[1]).toContain('"Defenestrating"')
      log.onSnapshot(withOperation('Frobnicating'))
      log.onSnapshot(withStep('Frobnicating'))
      log.onSnapshot(withStep('Defenestrating'))
      expect(warnings).toHaveLength(2)
    })

    it('warns for two different unknown spellings in one snapshot', () => {
      log.onSnapshot({
        ...withStep('Defenestrating'),
        status: 'unknown',
        rawStatus: 'Frobnicating'
      })
      expect(warnings).toHaveLength(2)
      expect(warnings.join('\n')).toContain('"Frobnicating"')
      expect(warnings.join('\n')).toContain('"Defenestrating"')
    })

    it('does not warn about known spellings', () => {
      log.onSnapshot({ ...certifying(40), status: 'running', rawStatus: 'inProgress' })
      log.onSnapshot(
        certifying(40, {
          displayprovision: { status: 'waiting', rawStatus: 'WaitingForPublisherReview' }
        })
      )
      expect(warnings).toEqual([])
    })

    it('shows the unknown spelling in the info line too', () => {
      log.onSnapshot(withStep('Frobnicating'))
      expect(infos.join('\n')).toMatch(/Provisioning.*"Frobnicating"/)
    })
  })

  describe('onRetry', () => {
    it('writes the reason, the failure count and the delay', () => {
      log.onRetry(
        { reason: 'HTTP 503 Service Unavailable', failures: 2, counted: 2, delayMs: 90_000 },
        5
      )
      expect(infos).toHaveLength(1)
      expect(infos[0]).toContain('HTTP 503 Service Unavailable')
      expect(infos[0]).toContain('2 in a row')
      expect(infos[0]).toContain('1m30s')
      expect(warnings).toEqual([])
    })

    it('after the first answer, writes an outage retry as an info line that names no limit', () => {
      log.onRetry({ reason: 'HTTP 503', failures: 3, delayMs: 240_000, outageMs: 180_000 }, 5)
      expect(infos).toEqual([
        'Request failed: HTTP 503. The API has been unavailable for 3m; the gate keeps polling until its timeout. Retrying in 4m.'
      ])
      expect(warnings).toEqual([])
    })

    it('says the API is unavailable at the first failure after an answer', () => {
      log.onRetry({ reason: 'socket hang up', failures: 1, delayMs: 60_000, outageMs: 0 }, 5)
      expect(infos).toEqual([
        'Request failed: socket hang up. The API is unavailable; the gate keeps polling until its timeout. Retrying in 1m.'
      ])
    })

    it('after the first answer, counts an answer that is not the API’s against the limit', () => {
      log.onRetry(
        {
          reason: 'HTTP 200 with a body that is not JSON',
          failures: 2,
          counted: 1,
          delayMs: 1_000,
          outageMs: 700_000
        },
        2
      )
      expect(infos).toEqual([
        "Request failed (1 since the last good answer that was not the API's; the gate gives up at 2): HTTP 200 with a body that is not JSON. Retrying in 1s."
      ])
      expect(warnings).toEqual([])
    })

    it('warns once an outage has lasted ten minutes, then at most every ten minutes, with the last state seen', () => {
      log.onSnapshot(certifying(40))
      const at = (outageMs: number): void =>
        log.onRetry({ reason: 'HTTP 503', failures: 5, delayMs: 450_000, outageMs }, 5)
      for (const minutes of [0, 9.9, 10, 17.5, 19.9, 27.5, 29.9, 35]) at(minutes * 60_000)
      expect(warnings).toEqual([
        'The API has been unavailable for 10m (HTTP 503); the gate keeps polling until its timeout. Last status: running; step Certification running at 40%. Retrying in 7m30s.',
        'The API has been unavailable for 27m30s (HTTP 503); the gate keeps polling until its timeout. Last status: running; step Certification running at 40%. Retrying in 7m30s.'
      ])
      expect(infos.filter((line) => line.startsWith('Request failed: HTTP 503.'))).toHaveLength(6)
    })

    it('says when an outage is over and how long it lasted, and warns anew in the next one', () => {
      log.onRetry({ reason: 'HTTP 503', failures: 5, delayMs: 1_000, outageMs: 600_000 }, 5)
      log.onRecovered(660_000)
      expect(infos.at(-1)).toBe('The API answered again: the outage is over after 11m.')
      log.onRetry({ reason: 'HTTP 503', failures: 5, delayMs: 1_000, outageMs: 600_000 }, 5)
      expect(warnings).toHaveLength(2)
    })

    it('counts as a line for the heartbeat', () => {
      log.onSnapshot(certifying(40))
      clock += HEARTBEAT_MS - 1
      log.onRetry({ reason: 'timeout', failures: 1, counted: 1, delayMs: 1_000 }, 5)
      clock += 1
      log.onSnapshot(certifying(40))
      expect(infos.at(-1)).not.toMatch(/Still waiting/)
    })
  })

  it('says what was not read even when an answer changes more steps than it writes lines for', () => {
    const many = snapshot(
      'running',
      Array.from({ length: 200 }, (_, i) => step(`s${i}`, 'failed', { name: `Step ${i}` }))
    )
    log.onSnapshot({ ...many, unread: { steps: 999_800, messages: 0 } })
    expect(infos).toHaveLength(20)
    expect(infos[18]).toBe(
      '… and 183 more changes in this answer (the steps output and the summary have them all).'
    )
    expect(infos[19]).toContain('The API sent 999,800 more steps than the gate reads')
  })
})
