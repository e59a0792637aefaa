// Makes text inert for the runner. The runner takes a line that starts with `::` (after leading
// white space) as a workflow command, and `##[` anywhere in a line as a legacy one. Text that came
// from the network goes through here on its way to every log line, annotation and title, so
// nothing a server says can stop commands, mask text, or raise annotations of its own.
//
// Escaping, rather than wrapping untrusted text in ::stop-commands:: markers, because it works the
// same in every sink (an annotation's message cannot be wrapped), adds no lines to the log, and
// keeps no state that a lost resume token could leave switched off. The escape is a zero-width
// space (U+200B): the runner does not count it as white space, so `::` and `##[` no longer match,
// and the text reads the same.

const ZWSP = '\u200b'
/** Every line break a runner, a log viewer or a terminal might honour. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/

/** The text, one line per line break of any kind, none of them a command. */
export function inert(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => line.replace(/^(\s*)::/, `$1${ZWSP}::`).replaceAll('##[', `##${ZWSP}[`))
    .join('\n')
}

/** The same, on one line: for titles and other short fields. */
export function inertLine(text: string): string {
  return inert(text.split(LINE_BREAK).join(' '))
}
