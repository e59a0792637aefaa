// Renders the job summary's HTML for a terminal (headings, aligned tables, collapsible blocks as
// indented lists, links with their address), and as a standalone page styled like GitHub's.

import { isTag, isText, type ChildNode, type Element } from 'domhandler'
import { parseDocument } from 'htmlparser2'

const BOLD = (text: string): string => `\u001b[1m${text}\u001b[22m`

export function summaryToText(html: string, color = true): string {
  const bold = color ? BOLD : (text: string) => text
  const lines: string[] = []
  for (const node of parseDocument(html).children) block(node, lines, bold, '')
  return lines.join('\n')
}

function block(
  node: ChildNode,
  lines: string[],
  bold: (text: string) => string,
  indent: string
): void {
  if (isText(node)) {
    if (node.data.trim() !== '') lines.push(indent + node.data.trim())
    return
  }
  if (!isTag(node)) return
  switch (node.name) {
    case 'h1':
    case 'h2':
    case 'h3':
      lines.push('', bold(inline(node)), '')
      return
    case 'p':
      lines.push(
        ...inline(node)
          .split('\n')
          .map((line) => indent + line)
      )
      return
    case 'table':
      lines.push('', ...table(node).map((line) => indent + line), '')
      return
    case 'details': {
      const summary = node.children.find(
        (child): child is Element => isTag(child) && child.name === 'summary'
      )
      lines.push(`${indent}▸ ${summary ? inline(summary) : ''}`)
      for (const child of node.children)
        if (child !== summary) block(child, lines, bold, `${indent}    `)
      return
    }
    case 'ul':
    case 'ol':
      for (const item of elements(node, 'li'))
        lines.push(`${indent}• ${inline(item).replace(/\n/g, `\n${indent}  `)}`)
      return
    default:
      for (const child of node.children) block(child, lines, bold, indent)
  }
}

/** Text of an element, links as "text (address)", <br> as a line break. */
function inline(node: ChildNode): string {
  if (isText(node)) return node.data
  if (!isTag(node)) return ''
  if (node.name === 'br') return '\n'
  const text = node.children.map(inline).join('')
  const href = node.attribs.href
  return node.name === 'a' && href !== undefined && href !== text ? `${text} (${href})` : text
}

function table(node: Element): string[] {
  const rows = descendants(node, 'tr').map((row) =>
    row.children
      .filter((cell): cell is Element => isTag(cell) && (cell.name === 'td' || cell.name === 'th'))
      .map((cell) =>
        inline(cell)
          .replace(/\s*\n\s*/g, ' ')
          .trim()
      )
  )
  const widths: number[] = []
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.min(60, Math.max(widths[i] ?? 0, width(cell)))))
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const clipped = width(cell) > 60 ? `${[...cell].slice(0, 59).join('')}…` : cell
        return clipped + ' '.repeat(Math.max(0, widths[i] - width(clipped)))
      })
      .join('  ')
      .trimEnd()
  )
}

/** Display width, counting emoji as two columns. */
function width(text: string): number {
  return [...text].reduce(
    (sum, char) => sum + (/\p{Extended_Pictographic}/u.test(char) ? 2 : char === '\ufe0f' ? 0 : 1),
    0
  )
}

function elements(node: Element, name: string): Element[] {
  return node.children.filter((child): child is Element => isTag(child) && child.name === name)
}

function descendants(node: Element, name: string): Element[] {
  return node.children.flatMap((child) =>
    !isTag(child) ? [] : child.name === name ? [child] : descendants(child, name)
  )
}

/** A standalone page that looks like the job summary on a GitHub run page. */
export function summaryPage(html: string, title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title.replace(/[<>&"]/g, '')}</title>
<style>
  body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"; color: #1f2328; }
  .box { max-width: 980px; margin: 24px auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
  .box > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
  .markdown-body { padding: 16px 24px; }
  h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; margin: 8px 0 16px; }
  p { margin: 0 0 16px; }
  table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; text-align: left; vertical-align: top; }
  tr:nth-child(2n) { background: #f6f8fa; }
  th { font-weight: 600; }
  code { padding: .2em .4em; font-size: 85%; background: #eff1f3; border-radius: 6px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
  details { margin: 0 0 16px; }
  summary { cursor: pointer; }
  a { color: #0969da; text-decoration: none; }
  a:hover { text-decoration: underline; }
</style>
</head>
<body>
<div class="box">
<header>${title.replace(/[<>&"]/g, '')} summary</header>
<article class="markdown-body">
${html}
</article>
</div>
</body>
</html>
`
}
