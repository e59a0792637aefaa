// Where the bearer token for CPP comes from. Today a static token; the interface lets sign-in
// modes that renew their token plug in without the client knowing.

export interface TokenSource {
  /** How the token was obtained, for the log; never the token. */
  readonly description: string
  token(): Promise<string>
}

export function staticToken(token: string): TokenSource {
  return { description: 'the token input', token: () => Promise.resolve(token) }
}
