// src/backends/product-ingestion/: the Product Ingestion API: its inputs, versions, locations,
// parsing and normalizer, spellings, wording, ready rules, `start` steps and watcher; this index is
// its Backend.
//
// The Partner Center Product Ingestion API backend (https://graph.microsoft.com/rp/product-ingestion):
// every offer not integrated with the Cloud Partner Portal before the move to Partner Center.
// A publish is a configure job; the gate watches the job, or the product's submissions.

import { MIN_POLL_INTERVAL_MS, PRODUCT_INGESTION_MIN_POLL_INTERVAL_MS } from '../../constants.js'
import { formatDuration } from '../../duration.js'
import type { Backend, CommonSettings, ReadInput, ReportProblem, Watch } from '../backend.js'
import { readOffer, readTarget, type Target } from './location.js'
import { productIngestionReadyRules } from './ready.js'
import { DEFAULT_SCHEMA_VERSION, DEFAULT_VERSION, SCHEMA_VERSION } from './versions.js'
import { ProductIngestionWatcher } from './watcher.js'
import { GRAPH, PRODUCT_INGESTION_FRESH_TOKEN_REFUSED, productIngestionWording } from './wording.js'

export const productIngestionBackend: Backend = {
  api: 'product-ingestion',
  title: 'the Product Ingestion API',
  defaults: { baseUrl: `${GRAPH}/rp/product-ingestion`, apiVersion: DEFAULT_VERSION },
  baseUrlPath: true,
  strictInterval: true,
  // Microsoft Graph's audience, as every Product Ingestion client uses (not the legacy
  // api.partner.microsoft.com that one onboarding page names).
  scope: `${GRAPH}/.default`,
  resource: GRAPH,
  freshTokenRefused: PRODUCT_INGESTION_FRESH_TOKEN_REFUSED,
  wording: productIngestionWording,
  readyRules: productIngestionReadyRules,
  offerLabel: (input) => input('offer-id'),
  readWatch
}

function readWatch(input: ReadInput, problem: ReportProblem, common: CommonSettings): Watch {
  const offerText = input('offer-id')
  const offer = readOffer(offerText)
  if (!offer.ok) problem('offer-id', offerText, offer.expected)
  const operation = input('operation-id')
  const baseUrl = common.baseUrl ?? common.origin
  const parsed = readTarget(baseUrl, operation)
  if (!parsed.ok) problem('operation-id', operation, parsed.expected)
  // No silent clamping: the documented ceiling is the user's to meet. A loopback base-url (a
  // simulator) may go faster; an interval the shared checks refused is reported once, there.
  const interval = common.pollIntervalMs
  if (
    common.loopback !== true &&
    interval >= MIN_POLL_INTERVAL_MS &&
    interval < PRODUCT_INGESTION_MIN_POLL_INTERVAL_MS
  ) {
    problem(
      'poll-interval',
      input('poll-interval'),
      `at least ${formatDuration(PRODUCT_INGESTION_MIN_POLL_INTERVAL_MS)}: the Product Ingestion API asks clients not to poll a job more than once a minute`
    )
  }
  const schemaVersion = input('schema-version')
  if (schemaVersion !== '' && !SCHEMA_VERSION.test(schemaVersion)) {
    problem(
      'schema-version',
      schemaVersion,
      `a schema version such as ${DEFAULT_SCHEMA_VERSION} (the default when empty), for the bodies start posts`
    )
  }
  const target: Target = parsed.ok ? parsed.value : { kind: 'submissions' }
  const { start } = common
  return {
    description:
      start !== undefined
        ? `${start === 'preview' ? 'a publish to preview' : 'a go-live'} of offer ${offerText} (started here, unless a publish is already running)`
        : target.kind === 'job'
          ? `configure job ${target.jobId} of offer ${offerText}`
          : `the submissions of offer ${offerText}`,
    autoMeans:
      start === 'preview'
        ? 'its configure job succeeded and the preview submission it published is completed, ready for go-live (wait-for auto, for a publish to preview)'
        : start === 'live'
          ? 'its configure job succeeded and the submission it took live is completed (wait-for auto, for a go-live)'
          : target.kind === 'job'
            ? 'the configure job succeeded and the submission it published is completed, the preview ready for go-live or live (wait-for auto)'
            : 'the preview is ready for go-live or all is live (wait-for auto, for the submissions)',
    // With a job, the status is the publish's: the job's, then its submission's (normalize.ts).
    subject: target.kind === 'job' ? 'Publish' : 'Product',
    operationId: target.kind === 'job' ? target.jobId : '',
    watcher: (deps) =>
      new ProductIngestionWatcher(
        {
          baseUrl,
          apiVersion: common.apiVersion,
          offer: offer.ok ? offer.value : { kind: 'external', externalId: offerText },
          target,
          ...(schemaVersion === '' ? {} : { schemaVersion }),
          ...(common.waitFor === undefined ? {} : { waitFor: common.waitFor }),
          ...(start === undefined ? {} : { start, ifRunning: common.ifRunning ?? 'wait' })
        },
        deps
      )
  }
}
