import { describe, expect, it } from '@jest/globals'
import type { Step } from '../../src/model/snapshot.js'
import { outputSlug, stepSlugs } from '../../src/report/names.js'
import { step } from '../fixtures/report.js'

const SLUG = /^[a-z0-9-]+$/

function named(id: string, name = id): Step {
  return step(id, 'running', { name })
}

describe('outputSlug', () => {
  it.each([
    ['publisher-signoff', 'publisher-signoff'],
    ['Publisher Signoff', 'publisher-signoff'],
    ['displaycertify', 'displaycertify'],
    ['Packaging and lead generation', 'packaging-and-lead-generation'],
    ['  Spaces   everywhere  ', 'spaces-everywhere'],
    ['under_score__and--dashes', 'under-score-and-dashes'],
    ['--leading and trailing--', 'leading-and-trailing'],
    ['Step #3: Go/Live!', 'step-3-go-live'],
    ['CamelCaseID42', 'camelcaseid42'],
    ['Zertifizierung (Prüfung)', 'zertifizierung-pr-fung'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['$(rm -rf /)', 'rm-rf'],
    ['line\nbreak\ttab', 'line-break-tab'],
    ['😀 emoji 😀', 'emoji'],
    ['!!!', ''],
    ['', '']
  ])('%j becomes %j', (text, expected) => {
    expect(outputSlug(text)).toBe(expected)
  })
})

describe('stepSlugs', () => {
  it('names each step by its id, in order', () => {
    expect(
      stepSlugs([
        named('displaycertify', 'Certification'),
        named('publisher-signoff', 'Publisher signoff')
      ])
    ).toEqual(['displaycertify', 'publisher-signoff'])
  })

  it('uses the step name when the step has no id', () => {
    expect(stepSlugs([named('', 'Publisher Signoff')])).toEqual(['publisher-signoff'])
  })

  it('gives repeated slugs -2, -3 in order', () => {
    expect(stepSlugs([named('live'), named('live'), named('Live'), named('LIVE!')])).toEqual([
      'live',
      'live-2',
      'live-3',
      'live-4'
    ])
  })

  it('treats ids that only differ in punctuation or case as the same slug', () => {
    expect(
      stepSlugs([
        named('Publisher Signoff'),
        named('publisher_signoff'),
        named('publisher-signoff')
      ])
    ).toEqual(['publisher-signoff', 'publisher-signoff-2', 'publisher-signoff-3'])
  })

  it('does not collide with an id that already looks like a numbered duplicate', () => {
    const slugs = stepSlugs([named('a'), named('a-2'), named('a'), named('a'), named('a-2')])
    expect(new Set(slugs).size).toBe(slugs.length)
    expect(slugs.slice(0, 2)).toEqual(['a', 'a-2'])
  })

  it('names a step without letters or digits in its id and name all the same', () => {
    const slugs = stepSlugs([named('!!!', '???'), named('', ''), named('1'), named('😀')])
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const slug of slugs) expect(slug).toMatch(SLUG)
  })

  it('is empty for no steps', () => {
    expect(stepSlugs([])).toEqual([])
  })

  it('always gives unique names of a-z, 0-9 and dashes, whatever the ids', () => {
    const awkward = [
      '',
      '-',
      '---',
      '1',
      '2',
      '1-2',
      'a',
      'A',
      'a-',
      '-a',
      'a--2',
      'a-2',
      'a-2-2',
      'Ω',
      'İstanbul',
      'ǅ',
      'ß',
      '\u0000',
      '\u212a', // Kelvin sign, lower-cases to an ASCII k
      'x'.repeat(500),
      '<img src=x onerror=alert(1)>'
    ]
    const steps = [...awkward, ...awkward, ...awkward].map((id, i) =>
      i % 2 === 0 ? named(id) : named('', id)
    )
    const slugs = stepSlugs(steps)
    expect(slugs).toHaveLength(steps.length)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const slug of slugs) {
      expect(slug).toMatch(SLUG)
      expect(slug.startsWith('-') || slug.endsWith('-')).toBe(false)
    }
  })
})
