// Reads a GITHUB_OUTPUT file as the runner does: `name<<delimiter`, the value's lines, then the
// delimiter alone on a line (the form @actions/core and the gate write). Shared by the demo, the
// screenshots script and the tests' runner fixture.

export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    outputs[name] = value.join('\n')
  }
  return outputs
}
