// Parses the durations users write in `timeout` and `poll-interval`: 90s, 45m, 2h, 1h30m, 2d.

const UNIT_MS: Record<string, number> = {
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000
}
/** One amount and its unit, with any white space after it: read one after another from the start. */
const PART = /(\d+)\s*([dhms])\s*/iy

export type DurationParse = { ok: true; ms: number } | { ok: false; expected: string }

export function parseDuration(text: string): DurationParse {
  const value = text.trim()
  let ms = 0
  let at = 0
  while (at < value.length) {
    PART.lastIndex = at
    const part = PART.exec(value)
    if (part === null) break
    ms += Number(part[1]) * UNIT_MS[part[2].toLowerCase()]
    at = PART.lastIndex
  }
  if (value === '' || at < value.length) {
    return /^\d+(\.\d+)?$/.test(value)
      ? { ok: false, expected: `a unit: write ${value}s, ${value}m or ${value}h` }
      : { ok: false, expected: 'a duration with units, such as 90s, 45m, 2h, 1h30m or 2d' }
  }
  if (!Number.isSafeInteger(ms)) return { ok: false, expected: 'a duration shorter than that' }
  if (ms <= 0) return { ok: false, expected: 'a duration greater than zero' }
  return { ok: true, ms }
}

/** The inverse, for messages: 5400000 → "1h30m", 1500 → "1.5s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.round(ms / 100) / 10
    return `${seconds}s`
  }
  let rest = Math.round(ms / 1000)
  let text = ''
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    const amount = Math.floor(rest / size)
    rest -= amount * size
    if (amount > 0) text += `${amount}${unit}`
  }
  return text
}
