import { describe, expect, it } from '@jest/globals'
import { htmlToParts, isWebLink } from '../../src/net/html-text.js'

async function textOf(html: string): Promise<string> {
  return (await htmlToParts(html)).map((part) => part.text).join('')
}

describe('htmlToParts text', () => {
  it('passes plain text through as one part', async () => {
    expect(await htmlToParts('Certification is in progress.')).toEqual([
      { text: 'Certification is in progress.' }
    ])
  })

  it('returns no parts for empty or blank input', async () => {
    expect(await htmlToParts('')).toEqual([])
    expect(await htmlToParts('   \n\t ')).toEqual([])
    expect(await htmlToParts('<p> </p><div></div>')).toEqual([])
  })

  it('strips tags and keeps their text', async () => {
    expect(
      await htmlToParts('<span class="x">Your <b>offer</b> <i>failed</i> <u>validation</u></span>')
    ).toEqual([{ text: 'Your offer failed validation' }])
  })

  it.each([
    ['&amp;', 'a &amp; b', 'a & b'],
    ['&lt; and &gt;', '&lt;tag&gt;', '<tag>'],
    ['&#39;', 'it&#39;s', "it's"],
    ['&quot;', '&quot;quoted&quot;', '"quoted"'],
    ['&nbsp;', 'a&nbsp;b', 'a b'],
    ['a hex reference', '&#x41;&#x42;', 'AB'],
    ['a decimal reference', '&#8364;5', '€5'],
    ['a named entity without a semicolon', 'a &amp b', 'a & b']
  ])('decodes %s', async (_name, html, text) => {
    expect(await textOf(html)).toBe(text)
  })

  it('does not turn a decoded &lt; back into a tag', async () => {
    expect(await textOf('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>')
  })

  it.each([
    ['<br>', 'one<br>two', 'one\ntwo'],
    ['<br/>', 'one<br/>two', 'one\ntwo'],
    ['<p>', '<p>one</p><p>two</p>', 'one\ntwo'],
    ['<li>', '<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['<div>', '<div>one</div><div>two</div>', 'one\ntwo'],
    ['<tr>', '<table><tr><td>one</td></tr><tr><td>two</td></tr></table>', 'one\ntwo'],
    ['<h2>', '<h2>Title</h2>Body', 'Title\nBody']
  ])('turns %s into a line break', async (_name, html, text) => {
    expect(await textOf(html)).toBe(text)
  })

  it('collapses runs of blank lines to a single line break', async () => {
    expect(await textOf('one<br><br><br>two<p></p><p></p>three')).toBe('one\ntwo\nthree')
  })

  it('collapses runs of spaces and tabs to one space and trims the ends', async () => {
    expect(await textOf('  Your   offer \t has\t\tfailed.  ')).toBe('Your offer has failed.')
  })

  it('turns a line break in the HTML source into a space, as a browser does', async () => {
    expect(await textOf('<p>Your offer\n   failed\r\nvalidation.</p>')).toBe(
      'Your offer failed validation.'
    )
  })

  it('drops white space around line breaks', async () => {
    expect(await textOf('<p>  one  </p>\n  <p>  two  </p>')).toBe('one\ntwo')
  })

  it('does not start or end with a line break', async () => {
    expect(await textOf('<p>only</p>')).toBe('only')
    expect(await textOf('<br>only<br>')).toBe('only')
  })

  it.each([
    ['<script>', 'before<script>var token = "secret"; if (a < b) {}</script>after'],
    ['<style>', 'before<style>p { color: red }</style>after'],
    ['<title>', '<html><head><title>Page</title></head><body>before after</body></html>'],
    ['<template>', 'before<template><p>hidden</p></template>after'],
    ['nested hidden tags', 'before<head><style>x{}</style><script>y()</script></head>after']
  ])('drops the content of %s', async (_name, html) => {
    const text = await textOf(html)

    expect(text.replace(/\s+/g, ' ')).toMatch(/^before ?after$/)
    expect(text).not.toMatch(/secret|color|Page|hidden|x\{\}|y\(\)/)
  })

  it('shows text again after a script closes', async () => {
    expect(await textOf('<p>a</p><script>x()</script><p>b</p>')).toBe('a\nb')
  })
})

describe('htmlToParts links', () => {
  it('keeps an https link as a part with its href', async () => {
    expect(
      await htmlToParts('See <a href="https://aka.ms/cpp-policy">the policy</a> for details.')
    ).toEqual([
      { text: 'See ' },
      { text: 'the policy', href: 'https://aka.ms/cpp-policy' },
      { text: ' for details.' }
    ])
  })

  it('keeps an http link too', async () => {
    expect(await htmlToParts('<a href="http://example.com/x">x</a>')).toEqual([
      { text: 'x', href: 'http://example.com/x' }
    ])
  })

  it('decodes entities in the href and trims it', async () => {
    expect(await htmlToParts('<a href=" https://example.com/a?b=1&amp;c=2 ">link</a>')).toEqual([
      { text: 'link', href: 'https://example.com/a?b=1&c=2' }
    ])
  })

  it('keeps nested tags inside a link as one linked part', async () => {
    expect(
      await htmlToParts('<a href="https://example.com"><b>bold</b> and <i>italic</i></a>')
    ).toEqual([{ text: 'bold and italic', href: 'https://example.com' }])
  })

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['JavaScript: in mixed case', 'JavaScript:alert(1)'],
    ['javascript: with leading space', '  javascript:alert(1)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['mailto:', 'mailto:support@example.com'],
    ['a relative path', '/partner/offers'],
    ['a relative file', 'help.html'],
    ['a fragment', '#top'],
    ['a protocol-relative URL', '//example.com/x'],
    ['ftp:', 'ftp://example.com/file'],
    ['an empty href', '']
  ])('makes a %s link plain text', async (_name, href) => {
    const parts = await htmlToParts(`Open <a href="${href}">this</a> now`)

    expect(parts).toEqual([{ text: 'Open this now' }])
    for (const part of parts) expect(part).not.toHaveProperty('href')
  })

  it('makes a link without href plain text', async () => {
    expect(await htmlToParts('<a name="anchor">here</a>')).toEqual([{ text: 'here' }])
  })

  it('keeps two adjacent links apart', async () => {
    expect(
      await htmlToParts('<a href="https://a.example/">A</a><a href="https://b.example/">B</a>')
    ).toEqual([
      { text: 'A', href: 'https://a.example/' },
      { text: 'B', href: 'https://b.example/' }
    ])
  })

  it('returns to plain text after a link closes', async () => {
    const parts = await htmlToParts('<p><a href="https://example.com">docs</a></p><p>next</p>')

    expect(parts).toEqual([{ text: 'docs', href: 'https://example.com' }, { text: '\nnext' }])
  })

  it('does not put a space between a link and a following period', async () => {
    expect(await textOf('Read <a href="https://example.com">this</a>.')).toBe('Read this.')
  })

  it('collapses white space across a link that holds only white space', async () => {
    expect(await textOf('a <a href="https://example.com"> </a> b')).toBe('a b')
  })

  it('keeps a line break that follows a link whose text ends in a space', async () => {
    expect(await textOf('<a href="https://example.com">Docs </a><br>Next')).toBe('Docs\nNext')
  })
})

describe('htmlToParts malformed HTML', () => {
  it.each([
    ['an unclosed tag', '<b>bold and <i>italic', 'bold and italic'],
    ['a stray <', 'a < b and c > d', 'a < b and c > d'],
    ['a stray < before a letter-free run', '1 <2 and 3<', '1 <2 and 3<'],
    ['a stray closing tag', '</p>text</div>', 'text'],
    ['mismatched nesting', '<b><i>x</b></i>y', 'xy'],
    ['an unclosed attribute quote', 'ok <a href="https://example.com>broken', 'ok'],
    ['an unclosed comment', 'before<!-- never closed', 'before'],
    ['a comment', 'a<!-- hidden -->b', 'ab'],
    ['a CDATA section', 'a<![CDATA[x]]>b', 'ab'],
    ['an unclosed link', '<a href="https://example.com">dangling', 'dangling'],
    ['an unknown entity', '&bogus; text', '&bogus; text']
  ])('does not throw on %s', async (_name, html, text) => {
    await expect(htmlToParts(html)).resolves.toBeDefined()
    expect(await textOf(html)).toBe(text)
  })

  it('survives a large malformed input', async () => {
    const html = '<div><b>'.repeat(5_000) + 'deep' + '<'.repeat(1_000)

    await expect(htmlToParts(html)).resolves.toBeDefined()
    expect((await textOf(html)).startsWith('deep')).toBe(true)
  })
})

describe('isWebLink', () => {
  it.each([
    'https://example.com',
    'http://example.com/path?q=1#x',
    'HTTPS://EXAMPLE.COM/',
    'https://user@example.com:8443/x'
  ])('accepts %s', (href) => {
    expect(isWebLink(href)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'mailto:a@example.com',
    'ftp://example.com',
    'file:///etc/passwd',
    '/relative',
    'relative.html',
    '//example.com',
    '#top',
    '',
    'not a url',
    'https://'
  ])('rejects %j', (href) => {
    expect(isWebLink(href)).toBe(false)
  })
})
