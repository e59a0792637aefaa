// The smallest action on the same toolkit: one GET with @actions/http-client, one output. The
// gate's start-up is measured against it, built as actions usually are (a plain ncc build into
// bench/baseline/dist/).

import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'

const url = core.getInput('url', { required: true })
const response = await new HttpClient('baseline').getJson<{ status?: string }>(url, {
  Authorization: `Bearer ${core.getInput('token')}`
})
core.setOutput('status', response.result?.status ?? '')
