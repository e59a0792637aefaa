// Turns CPP's `messageHtml` into text runs with htmlparser2: tags dropped, entities decoded,
// line breaks kept for block elements, and only http(s) links kept as links.

import { Parser } from 'htmlparser2'
import type { MessagePart } from './snapshot.js'

const BLOCK_TAGS = new Set([
  'br',
  'p',
  'div',
  'li',
  'tr',
  'ul',
  'ol',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'hr'
])
const HIDDEN_TAGS = new Set(['script', 'style', 'head', 'title', 'template'])

export function isWebLink(href: string): boolean {
  try {
    const url = new URL(href)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

export function htmlToParts(html: string): MessagePart[] {
  const runs: MessagePart[] = []
  let hidden = 0
  const links: Array<string | undefined> = []
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN_TAGS.has(name)) hidden++
        if (BLOCK_TAGS.has(name)) runs.push({ text: '\n' })
        if (name === 'a') {
          const href = attributes.href?.trim()
          links.push(href !== undefined && isWebLink(href) ? href : undefined)
        }
      },
      ontext(text) {
        if (hidden > 0) return
        const href = links.findLast((link) => link !== undefined)
        // As in a browser, white space in the source (line breaks included) is one space.
        runs.push(
          href === undefined
            ? { text: text.replace(/\s+/g, ' ') }
            : { text: text.replace(/\s+/g, ' '), href }
        )
      },
      onclosetag(name) {
        if (HIDDEN_TAGS.has(name)) hidden = Math.max(0, hidden - 1)
        if (BLOCK_TAGS.has(name)) runs.push({ text: '\n' })
        if (name === 'a') links.pop()
      }
    },
    { decodeEntities: true }
  )
  parser.end(html)
  return collapse(runs)
}

/**
 * Joins the runs into parts: white space between words collapses to one space (a line break when
 * a block tag was among it), none is kept at the ends, and neighbours with the same link merge.
 */
function collapse(runs: MessagePart[]): MessagePart[] {
  const parts: MessagePart[] = []
  let gap = ''
  const append = (text: string, href: string | undefined): void => {
    const last = parts.at(-1)
    if (last !== undefined && last.href === href) last.text += text
    else parts.push(href === undefined ? { text } : { text, href })
  }
  for (const run of runs) {
    for (const token of run.text.match(/\s+|\S+/g) ?? []) {
      if (/^\s/.test(token)) {
        gap = gap === '\n' || token.includes('\n') ? '\n' : ' '
        continue
      }
      if (gap !== '' && parts.length > 0) {
        // The gap belongs inside a link only when the link goes on after it.
        append(gap, parts.at(-1)?.href === run.href ? run.href : undefined)
      }
      gap = ''
      append(token, run.href)
    }
  }
  return parts
}
