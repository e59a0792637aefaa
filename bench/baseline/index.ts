// The smallest action on the same toolkit: one GET with @actions/http-client, one output. The
// gate's cold start is measured against it bundled the same way (bench/baseline/dist/, with the
// root tsconfig.json's stand-in for undici), and also built as actions usually are
// (bench/baseline/dist-toolkit/, from this folder, whose tsconfig.json maps nothing).

import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'

const url = core.getInput('url', { required: true })
const response = await new HttpClient('baseline').getJson<{ status?: string }>(url, {
  Authorization: `Bearer ${core.getInput('token')}`
})
core.setOutput('status', response.result?.status ?? '')
