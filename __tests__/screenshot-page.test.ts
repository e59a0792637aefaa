// scripts/screenshot-page.ts, the pure parts of `npm run screenshots`: which Chromium it runs (and
// what it says when there is none), the page that shows a summary as GitHub does, a PNG's size.
import { describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import {
  DEFAULT_CHROMIUM,
  findChromium,
  markdownCss,
  PAGE_WIDTH,
  pngSize,
  screenshotPage
} from '../scripts/screenshot-page.ts'

const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url))

describe('findChromium', () => {
  it('runs $CHROMIUM when it is an executable', () => {
    expect(findChromium({ CHROMIUM: process.execPath })).toBe(process.execPath)
  })

  it('says how to install Chromium when $CHROMIUM is missing or not executable', () => {
    for (const path of ['/nonexistent/chromium', PACKAGE_JSON]) {
      expect(() => findChromium({ CHROMIUM: path })).toThrow(
        `No Chromium to run at CHROMIUM=${path}`
      )
      expect(() => findChromium({ CHROMIUM: path })).toThrow('apt-get install -y chromium')
    }
  })

  it("looks for Debian's Chromium when $CHROMIUM is unset or empty", () => {
    for (const env of [{}, { CHROMIUM: '' }]) {
      let found: string
      try {
        found = findChromium(env)
      } catch (error) {
        found = (error as Error).message
      }
      expect(found).toContain(DEFAULT_CHROMIUM)
    }
  })
})

describe('screenshotPage', () => {
  // What core.summary writes: HTML, with the API's text escaped and a link kept.
  const summary =
    '<h2>⛔ Publish gate: contoso / offer: blocked</h2>\n' +
    '<table><tr><th>Step</th><th>Estimated time</th></tr><tr><td>Certification<br><code>displaycertify</code></td><td>&lt; 5 day</td></tr></table>\n' +
    '<details><summary>Certification: 1 message</summary><ul><li><strong>error</strong>: See <a href="https://example.com/doc">the doc</a>.</li></ul></details>\n'

  it('passes the summary HTML through as elements, not as text', () => {
    const page = screenshotPage(summary, 'light', 'publish', '')
    expect(page).toContain('<h2>⛔ Publish gate: contoso / offer: blocked</h2>')
    expect(page).toContain('<td>&lt; 5 day</td>')
    expect(page).toContain('<details><summary>Certification: 1 message</summary>')
    expect(page).toContain('<a href="https://example.com/doc">the doc</a>')
    expect(page).not.toContain('&lt;details')
    expect(page).not.toContain('&lt;table')
  })

  it('renders Markdown with GFM, like a summary written with core.summary.addRaw', () => {
    const page = screenshotPage('| a | b |\n| - | - |\n| 1 | **2** |\n', 'light', 'publish', '')
    expect(page).toMatch(/<table>[\s\S]*<th>a<\/th>[\s\S]*<td><strong>2<\/strong><\/td>/)
  })

  it("styles the page with GitHub's CSS for the theme, in a box headed '<job> summary'", () => {
    const light = screenshotPage(summary, 'light', 'gate <1>')
    const dark = screenshotPage(summary, 'dark')
    expect(light).toContain(markdownCss('light'))
    expect(dark).toContain(markdownCss('dark'))
    expect(markdownCss('dark')).toContain('color-scheme: dark')
    expect(dark).toContain('background: #0d1117')
    expect(light).toContain(`width: ${PAGE_WIDTH}px`)
    expect(light).toContain('<header>gate &#60;1&#62; summary</header>')
    expect(dark).toContain('<header>publish summary</header>')
  })
})

describe('pngSize', () => {
  it("reads the width and height of a PNG's header", () => {
    const png = Buffer.alloc(33)
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png)
    png.writeUInt32BE(13, 8)
    png.write('IHDR', 12, 'latin1')
    png.writeUInt32BE(1800, 16)
    png.writeUInt32BE(2060, 20)
    expect(pngSize(png)).toEqual({ width: 1800, height: 2060 })
  })

  it('refuses what is not a PNG', () => {
    expect(() => pngSize(Buffer.from('<!DOCTYPE html><html></html>'))).toThrow('not a PNG')
  })
})
