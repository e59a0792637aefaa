// The job summary's HTML for text from the API: escaped so that nothing in it is markup, message
// parts with their links, cut to fit, and API timestamps as people read them.

import { formatTime } from '../model/describe.js'
import type { Message, MessagePart } from '../model/snapshot.js'
import { isWebLink } from '../net/html-text.js'

export function details(title: string, messages: Message[]): string {
  const count = `${messages.length} message${messages.length === 1 ? '' : 's'}`
  const items = messages.map((message) => `<li>${messageLine(message)}</li>`).join('')
  return `<details><summary>${escape(title)}: ${count}</summary><ul>${items}</ul></details>\n`
}

export function messageLine(message: Message): string {
  const meta = [message.level, when(message.timestamp)].filter(Boolean).map(escape)
  return `<strong>${meta.join(' · ')}</strong>: ${partsHtml(message.parts)}`
}

/** An ISO 8601 time with its offset (or Z); anything else is not read as a time. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

/**
 * An API timestamp as people read it ("2026-11-30 15:40:12 UTC") when it is an ISO time with its
 * offset; anything else (no offset, which would be read as the runner's local time, or no date at
 * all) as sent.
 */
function when(timestamp: string | undefined): string {
  if (timestamp === undefined) return ''
  return (ISO_TIME.test(timestamp) && formatTime(Date.parse(timestamp))) || timestamp
}

/** The parts of several messages as one run of text, a space between messages. */
export function joined(messages: Message[]): MessagePart[] {
  return messages.flatMap((each, index) =>
    index === 0 ? each.parts : [{ text: ' ' }, ...each.parts]
  )
}

/** Message parts as HTML: text escaped, http(s) links as links. */
export function partsHtml(parts: MessagePart[]): string {
  return parts
    .map((part) =>
      part.href === undefined || !isWebLink(part.href)
        ? escapeText(part.text)
        : `<a href="${escape(part.href)}">${escapeText(part.text)}</a>`
    )
    .join('')
}

/**
 * The parts within `max` characters in all, a link's address counted with its words (the HTML
 * carries both): the part that reaches the limit is cut and marked, and loses its link when its
 * address does not fit.
 */
export function clipParts(parts: MessagePart[], max: number): MessagePart[] {
  const size = (part: MessagePart): number => part.text.length + (part.href?.length ?? 0)
  if (parts.reduce((sum, part) => sum + size(part), 0) <= max) return parts
  const kept: MessagePart[] = []
  let left = max
  for (const part of parts) {
    if (size(part) < left) {
      kept.push(part)
      left -= size(part)
      continue
    }
    const { href } = part
    const linked = href !== undefined && href.length < left
    const room = linked ? left - href.length : left
    if (room > 0) {
      const text = `${part.text.slice(0, room - 1)}…`
      kept.push(linked ? { text, href } : { text })
    }
    break
  }
  return kept
}

export function linkList(links: string[]): string {
  return links.map((href) => `<a href="${escape(href)}">${escape(href)}</a>`).join('<br>')
}

/** Message text keeps its line breaks, as <br>. */
export function escapeText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escape)
    .join('<br>')
}

/**
 * Text as HTML: nothing in it is markup, and no line break survives raw, so that no text can end
 * the summary's HTML block (a blank line would) and have what follows read as Markdown.
 */
export function escape(text: string): string {
  return text.replace(HTML_SPECIAL, (char) => HTML_ESCAPES[char])
}

const HTML_SPECIAL = /[&<>"'\r\n]/g
const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
  '\n': '&#10;'
}
