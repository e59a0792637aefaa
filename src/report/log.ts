// The one place the gate's log leaves the process. Every line is redacted (no secret of the run,
// in any form) and made inert (no text from the network becomes a runner command) before it is
// written; workflow-commands.ts adds the only `::` commands that reach the runner.

import { MAX_WARNINGS } from '../constants.js'
import { inert, inertLine } from './guard.js'
import type { Secrets } from './redact.js'
import * as commands from './workflow-commands.js'

export class Log {
  /** Every secret of the run: the redactor the reporters share. */
  readonly secrets: Secrets
  private warnings = 0

  constructor(secrets: Secrets) {
    this.secrets = secrets
  }

  info = (text: string): void => commands.info(this.clean(text))

  debug = (text: string): void => commands.debug(this.clean(text))

  /** At most MAX_WARNINGS a run: a server cannot flood the annotations with them. */
  warning = (text: string): void => {
    this.warnings++
    if (this.warnings <= MAX_WARNINGS) commands.warning(this.clean(text))
    else if (this.warnings === MAX_WARNINGS + 1) {
      commands.warning(
        `More than ${MAX_WARNINGS} warnings: the rest are left out of the log (the gate's verdict is unaffected).`
      )
    }
  }

  /** An error annotation, titled. */
  error = (text: string, title?: string): void =>
    commands.error(
      this.clean(text),
      title === undefined ? {} : { title: inertLine(this.redact(title)) }
    )

  /** A secret the runner is to hide, and the gate to redact from everything it writes. */
  mask = (secret: string): void => {
    if (secret === '') return
    commands.addMask(secret)
    this.secrets.add(secret)
  }

  redact = (text: string): string => this.secrets.redact(text)

  private clean(text: string): string {
    return inert(this.secrets.redact(text))
  }
}
