import { describe, expect, it } from '@jest/globals'
import { formatDuration, parseDuration } from '../src/duration.js'

describe('parseDuration', () => {
  it.each<[string, number]>([
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1d2h3m4s', 93_784_000],
    ['1H30M', 5_400_000],
    [' 1h 30m ', 5_400_000],
    ['0m30s', 30_000]
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms })
  })

  it.each(['90', '2.5', '0'])('rejects the bare number %s and asks for a unit', (text) => {
    const parsed = parseDuration(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.expected).toBe(`a unit: write ${text}s, ${text}m or ${text}h`)
  })

  it.each(['', 'soon', '1.5h', '-5m', '10 minutes', '5x', 'h', '1h-30m'])(
    'rejects "%s" with the accepted forms',
    (text) => {
      const parsed = parseDuration(text)
      expect(parsed.ok).toBe(false)
      if (!parsed.ok) expect(parsed.expected).toContain('90s, 45m, 2h, 1h30m or 2d')
    }
  )

  it.each(['0s', '0m0s'])('rejects the zero duration %s', (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, expected: 'a duration greater than zero' })
  })

  it('rejects a duration too long to count in milliseconds', () => {
    expect(parseDuration('99999999999999d').ok).toBe(false)
  })
})

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0s'],
    [1_500, '1.5s'],
    [59_000, '59s'],
    [60_000, '1m'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [172_800_000, '2d'],
    [93_784_000, '1d2h3m4s']
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
