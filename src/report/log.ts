// The one place the gate's log leaves the process, through @actions/core. Every line is redacted
// (no secret of the run, in any form) and made inert (no text from the network becomes a runner
// command) before core writes it; core adds the only `::` commands that reach the runner.

import * as core from '@actions/core'
import { MAX_WARNINGS } from '../constants.js'
import { inert, inertLine } from './guard.js'
import type { Secrets } from './redact.js'

export class Log {
  /** Every secret of the run: the redactor the reporters share. */
  readonly secrets: Secrets
  private warnings = 0

  constructor(secrets: Secrets) {
    this.secrets = secrets
  }

  info = (text: string): void => core.info(this.clean(text))

  debug = (text: string): void => core.debug(this.clean(text))

  /** At most MAX_WARNINGS a run: a server cannot flood the annotations with them. */
  warning = (text: string): void => {
    this.warnings++
    if (this.warnings <= MAX_WARNINGS) core.warning(this.clean(text))
    else if (this.warnings === MAX_WARNINGS + 1) {
      core.warning(
        `More than ${MAX_WARNINGS} warnings: the rest are left out of the log (the gate's verdict is unaffected).`
      )
    }
  }

  /** An error annotation, titled. */
  error = (text: string, title?: string): void =>
    core.error(
      this.clean(text),
      title === undefined ? {} : { title: inertLine(this.redact(title)) }
    )

  /** A secret the runner is to hide, and the gate to redact from everything it writes. */
  mask = (secret: string): void => {
    if (secret === '') return
    core.setSecret(secret)
    this.secrets.add(secret)
  }

  redact = (text: string): string => this.secrets.redact(text)

  private clean(text: string): string {
    return inert(this.secrets.redact(text))
  }
}
