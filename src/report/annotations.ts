// src/report/: everything the run leaves behind, and the only places with output: outputs,
// summary, annotations (this file), the progress log, the check run, and the guard and the
// redactor every byte passes; publish.ts and log.ts hand them to @actions/core.
//
// One titled error annotation per failing step, at most as many as GitHub shows: the messages of
// the step's most severe level, each link's address after its words.

import { MAX_MESSAGE_CHARS, MAX_STEP_ANNOTATIONS } from '../constants.js'
import type { Snapshot } from '../model/snapshot.js'
import { describeStatus, plainText, reasons } from '../model/describe.js'
import { isFailingStepStatus } from '../model/status.js'
import { clip } from '../model/describe.js'

export interface Annotation {
  title: string
  message: string
}

export function stepAnnotations(snapshot: Snapshot | undefined): Annotation[] {
  if (snapshot === undefined) return []
  return snapshot.steps
    .filter((step) => isFailingStepStatus(step.status))
    .slice(0, MAX_STEP_ANNOTATIONS)
    .map((step) => {
      const chosen = reasons(step.messages)
      return {
        title: `${step.name}: ${describeStatus(step.status, step.rawStatus)}`,
        message:
          chosen.length === 0
            ? `${step.name} is ${describeStatus(step.status, step.rawStatus)}; the API gave no message.`
            : clip(chosen.map(plainText).join('\n'), MAX_MESSAGE_CHARS)
      }
    })
}
