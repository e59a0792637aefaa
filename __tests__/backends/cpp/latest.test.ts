import { describe, expect, it } from '@jest/globals'
import type { FetchResult } from '../../../src/model/outcome.js'
import { findLatestOperation, pickLatest } from '../../../src/backends/cpp/latest.js'
import { within } from '../../fixtures/budget.js'
import { isOperationIdOf } from '../../../src/backends/cpp/location.js'
import { MAX_LIST_ITEMS } from '../../../src/constants.js'

/** These tests are about choosing; which ids count is tested below with the offer's own rule. */
const anyId = (): boolean => true

const op = (id: string, fields: Record<string, unknown>) => ({
  id,
  offerId: 'contoso-offer',
  ...fields
})

describe('pickLatest', () => {
  it.each([
    ['status', { status: 'running', changedTime: '2026-01-02T00:00:00Z' }],
    ['submissionState', { submissionState: 'running', changedTime: '2026-01-02T00:00:00Z' }],
    ['lastActionDateTime', { status: 'InProgress', lastActionDateTime: '2026-01-02T00:00:00Z' }],
    ['a state waiting for review', { submissionState: 'waitingForPublisherReview' }]
  ])('takes the running operation whose state is in %s', (_name, fields) => {
    const body = [
      op('old', { status: 'succeeded', changedTime: '2026-03-01T00:00:00Z' }),
      op('run', fields)
    ]
    expect(pickLatest(body, false, anyId)).toEqual({
      id: 'run',
      type: '',
      why: expect.stringContaining("it is the offer's running operation") as unknown
    })
  })

  it('takes the most recently changed of several running operations, and says so', () => {
    const body = [
      op('a', { status: 'running', changedTime: '2026-01-01T00:00:00Z' }),
      op('b', { submissionState: 'running', lastActionDateTime: '2026-01-03T00:00:00Z' }),
      op('c', { status: 'running', changedTime: '2026-01-02T00:00:00Z' })
    ]
    expect(pickLatest(body, false, anyId)).toEqual({
      id: 'b',
      type: '',
      why: 'it is the most recently changed of 3 running operations (changed 2026-01-03T00:00:00Z)'
    })
  })

  it('filters the list itself, whatever the server did with the status filter', () => {
    const body = [op('done', { status: 'succeeded', changedTime: '2026-05-01T00:00:00Z' })]
    expect(pickLatest(body, true, anyId)).toBeUndefined()
  })

  it('falls back to the most recently changed operation when none runs', () => {
    const body = [
      op('older', { status: 'failed', changedTime: '2026-01-01T00:00:00Z' }),
      op('newer', { submissionState: 'canceled', changedTime: '2026-02-01T00:00:00Z' }),
      op('undated', { status: 'succeeded' })
    ]
    expect(pickLatest(body, false, anyId)).toEqual({
      id: 'newer',
      type: '',
      why: 'no operation is running, and it is the most recently changed one (canceled, changed 2026-02-01T00:00:00Z)'
    })
  })

  it.each([[[]], [{ value: [] }], [null], ['text'], [[{ status: 'running' }]], [[42, null]]])(
    'finds nothing in %j',
    (body) => {
      expect(pickLatest(body, false, anyId)).toBeUndefined()
    }
  )

  it('reads the list from a {value: [...]} envelope too', () => {
    expect(pickLatest({ value: [op('x', { status: 'running' })] }, true, anyId)?.id).toBe('x')
  })
})

describe('pickLatest, with the ids of this offer only', () => {
  const GUID = '56615b67-2185-49fe-80d2-c4ddf77bb2e8'
  const ofOffer = (id: string): boolean => isOperationIdOf(id, 'contoso', 'contoso-offer')

  it.each([
    ['a GUID', GUID, true],
    ['the $ form naming this offer', 'contoso$contoso-offer$2$preview', true],
    ['the $ form in another case', 'Contoso$Contoso-Offer$2$Preview', true],
    ["another offer's $ form", 'contoso$other-offer$2$preview', false],
    ['a made-up id', 'op-1', false],
    ['an id with blank lines', `${GUID}\n\n![x](https://evil.example/x.png)`, false],
    ['an id with markup', '<img src=x onerror=alert(1)>', false],
    ['a lone surrogate', `contoso$contoso-offer$2$p\ud800`, false]
  ])('%s: %s counts %s', (_name, id, counts) => {
    expect(pickLatest([op(id, { status: 'running' })], true, ofOffer)?.id).toBe(
      counts ? id : undefined
    )
  })

  it('skips what is not an operation id and takes the running operation that is', () => {
    const body = [
      op('::error::injected', { status: 'running', changedTime: '2026-09-01T00:00:00Z' }),
      op(GUID, { status: 'running', changedTime: '2026-01-01T00:00:00Z' })
    ]
    expect(pickLatest(body, true, ofOffer)?.id).toBe(GUID)
  })

  it(`reads at most ${MAX_LIST_ITEMS} items of a list, however long`, () => {
    const body = [
      ...Array.from({ length: MAX_LIST_ITEMS }, (_, i) =>
        op(`not-an-id-${i}`, { status: 'running' })
      ),
      op(GUID, { status: 'running' })
    ]
    expect(pickLatest(body, true, ofOffer)).toBeUndefined()
  })
})

describe('findLatestOperation', () => {
  const LIST =
    'https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-offer/submissions/?api-version=2017-10-31'
  const answers = (byUrl: Record<string, FetchResult<unknown>>) => {
    const asked: string[] = []
    const getJson = (url: string) => {
      asked.push(url)
      return Promise.resolve(byUrl[url] ?? { kind: 'fatal' as const, message: `unexpected ${url}` })
    }
    return { asked, getJson }
  }

  it('asks for the running operations first and watches the one it finds', async () => {
    const { asked, getJson } = answers({
      [`${LIST}&status=running`]: {
        kind: 'ok',
        value: [op('g-1', { status: 'running', submissionType: 'Publish' })]
      }
    })
    expect(await findLatestOperation(getJson, LIST, within(1000), anyId)).toEqual({
      kind: 'ok',
      value: {
        id: 'g-1',
        type: 'Publish',
        why: "it is the offer's running operation (running)",
        url: 'https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-offer/operations/g-1?api-version=2017-10-31'
      }
    })
    expect(asked).toEqual([`${LIST}&status=running`])
  })

  it('asks for every operation when none runs', async () => {
    const { asked, getJson } = answers({
      [`${LIST}&status=running`]: { kind: 'ok', value: [] },
      [LIST]: { kind: 'ok', value: [op('done', { status: 'succeeded' })] }
    })
    expect(await findLatestOperation(getJson, LIST, within(1000), anyId)).toMatchObject({
      kind: 'ok',
      value: { id: 'done' }
    })
    expect(asked).toEqual([`${LIST}&status=running`, LIST])
  })

  it('is an error that says so when the offer has no operation at all', async () => {
    const { getJson } = answers({
      [`${LIST}&status=running`]: { kind: 'ok', value: [] },
      [LIST]: { kind: 'ok', value: [] }
    })
    expect(await findLatestOperation(getJson, LIST, within(1000), anyId)).toEqual({
      kind: 'fatal',
      message:
        'operation-id is "latest", but the offer has no operation: publish it first, or check publisher-id and offer-id.'
    })
  })

  it.each<FetchResult<unknown>>([
    { kind: 'transient', reason: 'HTTP 503' },
    { kind: 'fatal', message: 'HTTP 404' }
  ])('passes a failed list request on as it is: %o', async (failure) => {
    const { getJson } = answers({ [`${LIST}&status=running`]: failure })
    expect(await findLatestOperation(getJson, LIST, within(1000), anyId)).toEqual(failure)
  })
})
