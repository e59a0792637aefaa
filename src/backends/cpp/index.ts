// src/backends/cpp/: the Cloud Partner Portal API: its inputs, locations, spellings, wording,
// ready rules, normalizer, `start` steps and watcher; this index is its Backend.
//
// The Cloud Partner Portal API backend: offers integrated before the move to Partner Center.

import type { Backend, ReadInput, ReportProblem, CommonSettings, Watch } from '../backend.js'
import { isOperationIdOf, resolveTarget, startUrl } from './location.js'
import { auto, previewReady } from './ready.js'
import { CppWatcher, type StartPlan } from './watcher.js'
import { cppWording, CPP_FRESH_TOKEN_REFUSED } from './wording.js'
import { hasControlCharacter } from '../../text.js'

const RESOURCE = 'https://cloudpartner.azure.com'

export const cppBackend: Backend = {
  api: 'cpp',
  title: 'the CPP API',
  defaults: { baseUrl: RESOURCE, apiVersion: '2017-10-31' },
  baseUrlPath: false,
  strictInterval: false,
  scope: `${RESOURCE}/.default`,
  resource: RESOURCE,
  freshTokenRefused: CPP_FRESH_TOKEN_REFUSED,
  wording: cppWording,
  readyRules: { auto, preview: previewReady },
  offerLabel: (input) => `${input('publisher-id')} / ${input('offer-id')}`,
  readWatch
}

function readWatch(input: ReadInput, problem: ReportProblem, common: CommonSettings): Watch {
  const required = (name: string, expected: string): string => {
    const value = input(name)
    if (value === '') problem(name, value, expected)
    else if (hasControlCharacter(value))
      problem(name, value, `${expected}, without control characters`)
    // "." and ".." would climb out of their path segment, whatever the encoding.
    else if (value === '.' || value === '..') problem(name, value, expected)
    return value
  }
  const publisherId = required('publisher-id', 'the publisher id, e.g. contoso')
  if (input('schema-version') !== '') {
    problem('schema-version', input('schema-version'), 'empty: it is for api product-ingestion')
  }
  const offerId = required('offer-id', 'the offer id')
  // Checked with stand-ins for missing ids, so that one run reports every problem. With start,
  // config.ts refuses an operation-id: the operation is the one started (or found running).
  const { origin, apiVersion, start } = common
  const operation = start === undefined ? input('operation-id') : 'latest'
  const parsed = resolveTarget(origin, publisherId, offerId, operation, apiVersion)
  if (!parsed.ok) problem('operation-id', operation, parsed.expected)
  const target = parsed.ok ? parsed.target : { kind: 'offer' as const, url: '', operationId: '' }
  const offer = `${publisherId}/${offerId}`
  const plan: StartPlan | undefined =
    start === undefined
      ? undefined
      : {
          kind: start,
          actionUrl: startUrl(
            origin,
            publisherId,
            offerId,
            start === 'preview' ? 'publish' : 'golive',
            apiVersion
          ),
          offer,
          locate: (location) => {
            const found = resolveTarget(origin, publisherId, offerId, location, apiVersion)
            return found.ok && found.target.kind === 'operation'
              ? { ok: true, url: found.target.url, id: found.target.operationId }
              : {
                  ok: false,
                  expected: found.ok ? 'the path of one operation' : found.expected
                }
          }
        }
  return {
    description:
      start === 'preview'
        ? `a publish to preview of ${offer} (started here, unless one is already running)`
        : start === 'live'
          ? `a go-live of ${offer} (started here, unless one is already running)`
          : {
              offer: `the offer status of ${offer}`,
              latest: `the latest operation of ${offer}`,
              operation: `operation ${target.operationId} of ${offer}`
            }[target.kind],
    subject: target.kind === 'offer' ? 'Offer' : 'Operation',
    operationId: target.operationId,
    autoMeans:
      start === 'preview'
        ? 'its preview is ready for go-live (wait-for auto, for a publish)'
        : start === 'live'
          ? 'it completes (wait-for auto, for a go-live)'
          : target.kind === 'offer'
            ? 'the preview is ready for go-live or the offer is live (wait-for auto, for the offer status)'
            : 'its preview is ready for go-live if it is a publish, or it completes if it is a go-live (wait-for auto: its submission type says which)',
    watcher: (deps) =>
      new CppWatcher(
        target,
        deps,
        (id) => isOperationIdOf(id, publisherId, offerId),
        plan,
        common.ifRunning
      )
  }
}
