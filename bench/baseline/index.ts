// The smallest action on the same toolkit, bundled the same way: one GET with
// @actions/http-client, one output. The gate's cold start is measured against it.

import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'

const url = core.getInput('url', { required: true })
const response = await new HttpClient('baseline').getJson<{ status?: string }>(url, {
  Authorization: `Bearer ${core.getInput('token')}`
})
core.setOutput('status', response.result?.status ?? '')
