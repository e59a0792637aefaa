// Where the gate may send its requests: base-url and authority-host as an https:// origin (or URL
// with a path, for Graph), plain http:// only on this machine.

/**
 * https anywhere; http only for loopback hosts, where nothing leaves the machine. An origin, or
 * with `path` an origin and a path (Graph serves an API under one): `url` is then both, without
 * a trailing slash.
 */
export function readBase(
  value: string,
  example: string,
  path: boolean,
  fail: (expected: string) => void
): { origin: string; url: string } | undefined {
  const expected = `an https:// ${path ? 'URL' : 'origin'} such as ${example} (http:// only for 127.0.0.0/8, localhost or [::1])`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    fail(expected)
    return undefined
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    fail(expected)
    return undefined
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    fail(
      path
        ? 'a URL without credentials, query or fragment'
        : 'an origin only (scheme, host and port), without credentials, path or query'
    )
    return undefined
  }
  if (!path && url.pathname !== '/') {
    fail('an origin only (scheme, host and port), without credentials, path or query')
    return undefined
  }
  let end = url.pathname.length
  while (end > 0 && url.pathname[end - 1] === '/') end--
  return { origin: url.origin, url: `${url.origin}${url.pathname.slice(0, end)}` }
}

/** Whether a URL's hostname is on this machine. */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    (hostname.startsWith('127.') && /^127(\.\d{1,3}){3}$/.test(hostname))
  )
}
