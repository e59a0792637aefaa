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
  const parts: MessagePart[] = []
  let hidden = 0
  const links: Array<string | undefined> = []
  const append = (text: string, href: string | undefined): void => {
    const last = parts.at(-1)
    if (last && last.href === href) last.text += text
    else parts.push(href === undefined ? { text } : { text, href })
  }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN_TAGS.has(name)) hidden++
        if (BLOCK_TAGS.has(name)) append('\n', undefined)
        if (name === 'a') {
          const href = attributes.href?.trim()
          links.push(href !== undefined && isWebLink(href) ? href : undefined)
        }
      },
      ontext(text) {
        if (hidden === 0)
          append(
            text,
            links.findLast((href) => href !== undefined)
          )
      },
      onclosetag(name) {
        if (HIDDEN_TAGS.has(name)) hidden = Math.max(0, hidden - 1)
        if (BLOCK_TAGS.has(name)) append('\n', undefined)
        if (name === 'a') links.pop()
      }
    },
    { decodeEntities: true }
  )
  parser.end(html)
  return tidy(parts)
}

/** Collapses white space the way a browser would, keeping single line breaks from block tags. */
function tidy(parts: MessagePart[]): MessagePart[] {
  const out: MessagePart[] = []
  for (const part of parts) {
    const text = part.text
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ *\n[\s]*/g, '\n')
      .replace(/\n{2,}/g, '\n')
    if (text !== '') out.push({ ...part, text })
  }
  // Collapse white space across part boundaries and trim the ends.
  for (let i = 1; i < out.length; i++) {
    if (/\s$/.test(out[i - 1].text)) out[i].text = out[i].text.replace(/^\s+/, '')
  }
  if (out.length > 0) {
    out[0].text = out[0].text.replace(/^\s+/, '')
    out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/, '')
  }
  return out.filter((part) => part.text !== '')
}
