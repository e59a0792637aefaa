import { describe, expect, it } from '@jest/globals'
import { snapshotOf } from '../../../src/backends/cpp/watcher.js'
import { rawOperation } from '../../fixtures/cpp.js'

describe('snapshotOf', () => {
  it('reads an operation as a snapshot', async () => {
    const read = await snapshotOf({ kind: 'ok', value: rawOperation('running') })
    expect(read).toMatchObject({ kind: 'ok', value: { status: 'running' } })
  })

  it.each<[string, unknown]>([
    ['a string', 'Service is being upgraded'],
    ['an empty array', []],
    ['null', null]
  ])(
    'retries JSON that is not an operation (%s), marked as not the API’s shape',
    async (_what, body) => {
      const read = await snapshotOf({ kind: 'ok', value: body })
      expect(read).toMatchObject({ kind: 'transient', shape: true })
      if (read.kind === 'transient')
        expect(read.reason).toMatch(/^the API answered with .*not an operation object/)
    }
  )

  it('passes an outage on as it came, without the shape mark', async () => {
    const outage = { kind: 'transient', reason: 'HTTP 503' } as const
    await expect(snapshotOf(outage)).resolves.toEqual(outage)
  })
})
