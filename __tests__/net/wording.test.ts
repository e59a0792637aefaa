// The correlation ids quoted for a support case: worded in one place, and inert whatever a server
// put in them (Node's parser refuses a newline and more than 16 kB in a header, but these rules do
// not lean on it).

import { describe, expect, it } from '@jest/globals'
import { MAX_CORRELATION_ID_CHARS } from '../../src/constants.js'
import { correlationText, inertCorrelationIds, withCorrelation } from '../../src/net/wording.js'

const TOKEN = 'eyJ0eXAi.TOKEN-SHOULD-NEVER-LEAK-7f3c9d.sig'
const hideToken = (text: string): string => text.split(TOKEN).join('***')

describe('withCorrelation', () => {
  it.each([
    [{ 'x-ms-correlation-request-id': 'x1' }, 'm (x-ms-correlation-request-id: x1)'],
    [{ 'request-id': 'r1' }, 'm (request-id: r1)'],
    [{ 'client-request-id': 'c1' }, 'm (client-request-id: c1)'],
    [
      { 'client-request-id': 'c1', 'request-id': 'r1' },
      'm (request-id: r1, client-request-id: c1)'
    ],
    [
      { 'client-request-id': 'c1', 'request-id': 'r1', 'x-ms-correlation-request-id': 'x1' },
      'm (x-ms-correlation-request-id: x1, request-id: r1, client-request-id: c1)'
    ],
    [{}, 'm'],
    [undefined, 'm']
  ])('words %j as %j', (ids, expected) => {
    expect(withCorrelation('m', ids)).toBe(expected)
  })

  it('has nothing to say without ids', () => {
    expect(correlationText(undefined)).toBe('')
    expect(correlationText({ 'request-id': '' })).toBe('')
  })
})

describe('inertCorrelationIds', () => {
  it('makes a newline and a workflow command one line, and caps 100 kB', () => {
    const hostile = `r1\n::error::pwned\r\n::set-output name=x::y ${'A'.repeat(100_000)}`

    const ids = inertCorrelationIds({ 'request-id': hostile }, hideToken)

    const id = ids?.['request-id'] ?? ''
    expect(id).toMatch(/^r1 ::error::pwned ::set-output name=x::y A+…$/)
    expect(id).toHaveLength(MAX_CORRELATION_ID_CHARS + 1)
    expect(withCorrelation('m', ids).split('\n')).toHaveLength(1)
  })

  it('hides the token before it cuts, so that no part of it is left', () => {
    const echoed = `${'x'.repeat(MAX_CORRELATION_ID_CHARS - 10)}${TOKEN}`

    const ids = inertCorrelationIds({ 'client-request-id': echoed }, hideToken)

    expect(ids).toEqual({ 'client-request-id': `${'x'.repeat(MAX_CORRELATION_ID_CHARS - 10)}***` })
  })

  it('never cuts between the halves of a surrogate pair', () => {
    const id = `${'x'.repeat(MAX_CORRELATION_ID_CHARS - 1)}😀tail`

    const ids = inertCorrelationIds({ 'request-id': id }, hideToken)

    expect(ids).toEqual({ 'request-id': `${'x'.repeat(MAX_CORRELATION_ID_CHARS - 1)}…` })
  })

  it('drops an id with nothing left but white space and control characters', () => {
    expect(inertCorrelationIds({ 'request-id': ' \t\u0085 ' }, hideToken)).toBeUndefined()
    expect(
      inertCorrelationIds({ 'request-id': '\u0000', 'client-request-id': 'c1' }, hideToken)
    ).toEqual({ 'client-request-id': 'c1' })
  })
})
