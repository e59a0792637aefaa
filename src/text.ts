// Checks on text that the inputs and both backends share. Control characters (Unicode's
// General_Category Cc: U+0000 to U+001F and U+007F to U+009F), which no input and no short field
// from an API may carry, are written as a range rather than as \p{Cc}: V8 looks a property escape
// up in its Unicode tables as it parses the literal, and each such literal cost every start about
// 0.1 ms whether it ran or not.

/* eslint-disable no-control-regex -- control characters are what these find */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f]+/g
/* eslint-enable no-control-regex */

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text)
}

/** Whether the text starts with http:// or https://, in any case (a location given as a URL). */
export function isHttpUrl(text: string): boolean {
  const head = text.slice(0, 8).toLowerCase()
  return head.startsWith('https://') || head.startsWith('http://')
}

/** Each run of control characters as one space. */
export function controlsAsSpaces(text: string): string {
  return hasControlCharacter(text) ? text.replace(CONTROL_RUNS, ' ') : text
}

/** The text with its first letter in capitals, to start a sentence with it. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
