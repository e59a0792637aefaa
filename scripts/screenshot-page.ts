// The parts of `npm run screenshots` (scripts/screenshots.ts) that touch neither the network nor a
// browser: where Chromium is, the page that shows a job summary the way a GitHub run page does,
// and a PNG's size.

import { accessSync, constants, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { marked } from 'marked'

export type Theme = 'light' | 'dark'

export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** The page's width: about that of the summary pane of a run page on a desktop screen. */
export const PAGE_WIDTH = 900

/**
 * The Chromium to drive: $CHROMIUM when set, else Debian's. Throws, saying how to install it, when
 * that file is missing or cannot be run.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM || DEFAULT_CHROMIUM
  try {
    accessSync(path, constants.X_OK)
    return path
  } catch {
    const where = env.CHROMIUM ? `CHROMIUM=${path}` : path
    throw new Error(
      `No Chromium to run at ${where}. Install Debian's Chromium (and the emoji font the summary ` +
        'needs) with\n  sudo apt-get install -y chromium fonts-noto-color-emoji\n' +
        'or set CHROMIUM to the path of a Chromium or Chrome binary.'
    )
  }
}

/** GitHub's Markdown CSS for the theme, from the github-markdown-css package. */
export function markdownCss(theme: Theme): string {
  const require = createRequire(import.meta.url)
  return readFileSync(require.resolve(`github-markdown-css/github-markdown-${theme}.css`), 'utf8')
}

/** The run page around the summary box, per theme (GitHub's Primer colours). */
const PAGE: Record<Theme, { background: string; border: string; text: string }> = {
  light: { background: '#ffffff', border: '#d1d9e0', text: '#1f2328' },
  dark: { background: '#0d1117', border: '#3d444d', text: '#f0f6fc' }
}

/**
 * A standalone page showing a job summary as a run page does: the Markdown (and the raw HTML in
 * it) rendered with GFM, in a box headed "<job> summary", styled with GitHub's CSS. The summary is
 * the action's own text, rendered locally: its HTML is passed through as GitHub passes it.
 */
export function screenshotPage(
  summary: string,
  theme: Theme,
  job = 'publish',
  css = markdownCss(theme)
): string {
  const colors = PAGE[theme]
  const body = marked.parse(summary, { gfm: true, async: false })
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(job)} summary</title>
<style>
${css}
</style>
<style>
  :root { color-scheme: ${theme}; }
  html, body { margin: 0; background: ${colors.background}; }
  body { width: ${PAGE_WIDTH}px; box-sizing: border-box; padding: 16px; }
  .box { border: 1px solid ${colors.border}; border-radius: 6px; overflow: hidden; }
  .box > header {
    padding: 16px 24px 0;
    color: ${colors.text};
    font: 600 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  }
  /* Job summaries are shown at the UI's 14px, not a README's 16px. */
  .markdown-body {
    padding: 16px 24px 24px;
    font-size: 14px;
    font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
  }
</style>
</head>
<body>
<div class="box">
<header>${escape(job)} summary</header>
<article class="markdown-body">
${body}
</article>
</div>
</body>
</html>
`
}

function escape(text: string): string {
  return text.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (
    png.length < 24 ||
    png.toString('latin1', 1, 4) !== 'PNG' ||
    png.toString('latin1', 12, 16) !== 'IHDR'
  )
    throw new Error('not a PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}
