// Turns HTML from an API (CPP's `messageHtml`, error pages) into text runs with htmlparser2: tags
// dropped, entities decoded, line breaks kept for block elements, and only http(s) links kept as
// links. Most text is plain sentences, so the parser (a third of the bundle's own weight) is loaded
// here, the first time markup is met.

import { MAX_LINK_CHARS } from '../constants.js'
import type { MessagePart } from '../model/snapshot.js'

type HtmlParser = typeof import('htmlparser2')
let htmlparser2: HtmlParser | undefined

/** Markup or an entity: what only a parser can read. */
export function hasMarkup(text: string): boolean {
  return text.includes('<') || text.includes('&')
}

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
/** Never shown by a browser; htmlparser2 reads the last three as raw text, tags and all. */
const HIDDEN_TAGS = new Set([
  'script',
  'style',
  'head',
  'title',
  'template',
  'iframe',
  'noembed',
  'noframes'
])

export function isWebLink(href: string): boolean {
  try {
    const url = new URL(href)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** The text of `html` as parts; the parser is loaded on the first text that has markup. */
export async function htmlToParts(html: string): Promise<MessagePart[]> {
  // Plain text: its white space collapsed to one space, none at the ends (what collapse makes of it).
  if (!hasMarkup(html)) {
    const text = html.replace(/\s+/g, ' ').trim()
    return text === '' ? [] : [{ text }]
  }
  htmlparser2 ??= await import('htmlparser2')
  return parse(htmlparser2, html)
}

function parse({ Parser }: HtmlParser, html: string): MessagePart[] {
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
          // A link longer than any real one is text only: its address would cost the summary
          // and the outputs what its words do not show.
          links.push(
            href !== undefined && href.length <= MAX_LINK_CHARS && isWebLink(href)
              ? href
              : undefined
          )
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
