import { describe, expect, it } from '@jest/globals'
import { MAX_ERROR_DEPTH, MAX_ERROR_NODES } from '../../../src/constants.js'
import { snapshotOf } from '../../../src/backends/product-ingestion/normalize.js'
import {
  certificationFailure,
  leaves,
  namedProducts,
  parseDetail,
  parseJob,
  parseProducts,
  parseSubmissions,
  UnexpectedBodyError,
  type Job,
  type Submission
} from '../../../src/backends/product-ingestion/parse.js'
import { verdict } from '../../../src/gate/verdict.js'
import { messageText, type ErrorNode, type Snapshot } from '../../../src/model/snapshot.js'
import {
  certificationTree,
  JOB_ID,
  PRODUCT,
  PRODUCT_GUID,
  rawDraft,
  rawJob,
  rawList,
  rawProducts,
  rawSubmission,
  SENTINEL,
  SUBMISSION_1,
  SUBMISSION_2,
  type RawError
} from '../../fixtures/product-ingestion.js'

/** A chain of `depth` + 1 errors, each the only detail of the one above it. */
function chain(depth: number): RawError[] {
  let node: RawError = {
    code: `code${depth}`,
    message: `message ${depth}`,
    resourceId: `plan/${PRODUCT_GUID}/p${depth}`
  }
  for (let level = depth - 1; level >= 0; level--) {
    node = { code: `code${level}`, message: `message ${level}`, details: [node] }
  }
  return [node]
}

function jobWith(errors: unknown, status = 'completed', result = 'failed'): Job {
  return parseJob(rawJob(status, result, { errors }))
}

function snapshotFor(job: Job | undefined, submissions: Submission[] = []): Snapshot {
  return snapshotOf({ productId: PRODUCT, submissions, ...(job === undefined ? {} : { job }) })
}

const step = (snapshot: Snapshot, id: string) => snapshot.steps.find((each) => each.id === id)

describe('parseJob', () => {
  it('reads an object body', () => {
    expect(parseJob(rawJob('running', 'pending'))).toEqual({
      id: JOB_ID,
      state: { status: 'running', rawStatus: 'running/pending' },
      start: '2025-03-01T08:00:00.1234567Z',
      errors: [],
      errorsCut: false
    })
  })

  it('reads a one-element array body as that element', () => {
    expect(parseJob([rawJob('completed', 'succeeded')]).state).toEqual({
      status: 'succeeded',
      rawStatus: 'completed/succeeded'
    })
  })

  it.each([
    ['jobID', 'JobStatus', 'JobResult'],
    ['JOBID', 'JOBSTATUS', 'JOBRESULT'],
    ['jobId', 'jobStatus', 'jobResult']
  ])('reads the fields whatever their case: %s, %s, %s', (idKey, statusKey, resultKey) => {
    const job = parseJob({ [idKey]: JOB_ID, [statusKey]: 'Completed', [resultKey]: 'Cancelled' })
    expect(job).toMatchObject({
      id: JOB_ID,
      state: { status: 'canceled', rawStatus: 'Completed/Cancelled' }
    })
  })

  it.each([
    ['0001-01-01T00:00:00', undefined],
    ['0001-01-01', undefined],
    ['0001-01-01T00:00:00Z', undefined],
    ['0001-01-01T00:00:00.0000000+00:00', undefined],
    ['2025-03-02T10:00:00Z', '2025-03-02T10:00:00Z']
  ])('reads the date %j as %j (0001-01-01 is "not yet")', (value, expected) => {
    const job = parseJob(rawJob('completed', 'succeeded', { jobStart: value, jobEnd: value }))
    expect([job.start, job.end]).toEqual([expected, expected])
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'running'],
    ['an empty array', []],
    ['an array of a string', ['running']],
    ['an object without jobStatus or jobResult', { jobId: JOB_ID, errors: [] }],
    ['an error envelope', { error: { code: 'badRequest', message: 'no' } }]
  ])('refuses %s as not a job status', (_name, body) => {
    expect(() => parseJob(body)).toThrow(UnexpectedBodyError)
  })
})

describe('the error tree', () => {
  it('has no messages for a job without errors, listed empty or not listed at all', () => {
    for (const errors of [[], undefined, null, 'none']) {
      const job = jobWith(errors)
      expect(job.errors).toEqual([])
      expect(step(snapshotFor(job), 'job')?.messages).toEqual([])
    }
  })

  it.each([0, 1, 2, 3, 4])(
    'keeps a tree of depth %i whole, and gives the job step one message for its one leaf',
    (depth) => {
      const job = jobWith(chain(depth))
      let node: ErrorNode | undefined = job.errors[0]
      for (let level = 0; level <= depth; level++) {
        expect(node).toMatchObject({ code: `code${level}`, message: `message ${level}` })
        node = node?.details[0]
      }
      expect(node).toBeUndefined()
      const messages = step(snapshotFor(job), 'job')?.messages ?? []
      expect(messages.map(messageText)).toEqual([
        `code${depth}: message ${depth} (plan/${PRODUCT_GUID}/p${depth})`
      ])
      expect(messages[0].level).toBe('error')
    }
  )

  it('gives one message per leaf, in order, with its code and resource id', () => {
    const job = jobWith([
      {
        code: 'badRequest',
        message: 'Validation failed',
        resourceId: PRODUCT,
        details: [
          {
            code: 'businessValidationError',
            message: 'Plan price is missing',
            resourceId: `plan/${PRODUCT_GUID}/gold`
          },
          {
            code: 'schemaValidationError',
            message: 'Required properties ["sources"] were not present',
            details: [{ code: 'invalidRequest', message: 'sources', resourceId: SUBMISSION_1 }]
          }
        ]
      },
      { code: 'Conflict', message: 'An In Progress submission already exists' }
    ])
    expect(step(snapshotFor(job), 'job')?.messages.map(messageText)).toEqual([
      `businessValidationError: Plan price is missing (plan/${PRODUCT_GUID}/gold)`,
      `invalidRequest: sources (${SUBMISSION_1})`,
      'Conflict: An In Progress submission already exists'
    ])
    expect(leaves(job.errors)).toHaveLength(3)
  })

  it('reads fields in any case, takes a bare string as a message, and drops empty errors', () => {
    const job = jobWith([
      { Code: 'Conflict', Message: 'Validation failed', ResourceID: PRODUCT },
      'The offer is locked',
      {},
      null,
      { details: [] }
    ])
    expect(job.errors).toEqual([
      { code: 'Conflict', message: 'Validation failed', resourceId: PRODUCT, details: [] },
      { code: '', message: 'The offer is locked', details: [] }
    ])
  })

  it(`keeps at most ${MAX_ERROR_NODES} errors and ${MAX_ERROR_DEPTH} levels, and says so`, () => {
    const wide = jobWith(
      Array.from({ length: MAX_ERROR_NODES + 5 }, (_, i) => ({ code: 'c', message: `${i}` }))
    )
    expect(wide.errors).toHaveLength(MAX_ERROR_NODES)
    expect(wide.errorsCut).toBe(true)
    const deep = jobWith(chain(MAX_ERROR_DEPTH + 3))
    let depth = 0
    for (let node = deep.errors[0]; node.details.length > 0; node = node.details[0]) depth++
    expect(depth).toBe(MAX_ERROR_DEPTH - 1)
    expect(deep.errorsCut).toBe(true)
    expect(snapshotFor(deep).notes).toEqual([
      expect.stringContaining('larger than the gate keeps (100 errors, 10 levels)')
    ])
    expect(jobWith(chain(4)).errorsCut).toBe(false)
  })

  it('finds the products the resource ids name', () => {
    const other = '11111111-2222-4333-8444-555555555555'
    const job = jobWith([
      { code: 'x', resourceId: `submission/${other}/7` },
      { code: 'y', resourceId: 'contoso-saas' },
      { code: 'z', details: [{ code: 'w', resourceId: `plan/${PRODUCT_GUID.toUpperCase()}/gold` }] }
    ])
    expect(namedProducts(job.errors)).toEqual([`product/${other}`, PRODUCT])
  })
})

describe('a certification failure', () => {
  it.each<[string, RawError[], string]>([
    [
      'as the service nests it, three levels down',
      certificationTree(),
      'Issues were found during certification: the SaaS landing page does not respond.'
    ],
    [
      'at the top',
      [{ code: 'invalidState', message: 'Certification failed: the image has malware.' }],
      'Certification failed: the image has malware.'
    ],
    [
      'four levels down, in another case',
      [
        {
          code: 'internalServerError',
          message: 'Operation failed',
          details: [
            {
              code: 'conflict',
              message: 'Publishing',
              details: [
                {
                  code: 'InvalidState',
                  message: 'CERTIFICATION',
                  details: [{ code: 'invalidState', message: 'The image has malware.' }]
                }
              ]
            }
          ]
        }
      ],
      'The image has malware.'
    ],
    [
      'when its innermost error has no message',
      [{ code: 'invalidState', message: 'Certification', details: [{ code: 'invalidState' }] }],
      'Certification'
    ]
  ])('is found %s, with its innermost message', (_name, tree, innermost) => {
    expect(certificationFailure(jobWith(tree).errors)).toBe(innermost)
  })

  it('makes the verdict read "Certification failed: …" with the innermost message', () => {
    const shown = snapshotFor(jobWith(certificationTree()))
    const found = verdict(shown, { kind: 'completion' }, {})
    expect(found).toMatchObject({
      kind: 'fail',
      result: 'failed',
      failedStep: { id: 'job' },
      message:
        'Certification failed: Issues were found during certification: the SaaS landing page does not respond.'
    })
    expect(shown.notes).toEqual([
      "The certification report is e-mailed to the account's seller contact: the Product Ingestion API does not expose it."
    ])
  })

  it('joins the innermost messages when the certification error has several', () => {
    const tree = [
      {
        code: 'invalidState',
        message: 'Certification',
        details: [
          { code: 'invalidState', message: 'Landing page down.' },
          { code: 'invalidState', message: 'Webhook unreachable.' }
        ]
      }
    ]
    expect(certificationFailure(jobWith(tree).errors)).toBe(
      'Landing page down. Webhook unreachable.'
    )
  })

  it.each([
    ['an invalidState error about something else', [{ code: 'invalidState', message: 'Locked' }]],
    [
      'a certification message under another code',
      [{ code: 'badRequest', message: 'Certification' }]
    ]
  ])('is not read into %s', (_name, tree) => {
    const shown = snapshotFor(jobWith(tree))
    expect(certificationFailure(jobWith(tree).errors)).toBeUndefined()
    expect(step(shown, 'job')?.cause).toBeUndefined()
    expect(verdict(shown, { kind: 'completion' }, {})).toMatchObject({
      message: expect.stringMatching(/^Configure job failed: /)
    })
  })

  it('is not claimed for a job that did not fail', () => {
    const shown = snapshotFor(jobWith(certificationTree(), 'completed', 'cancelled'))
    expect(step(shown, 'job')).toMatchObject({ status: 'canceled' })
    expect(step(shown, 'job')?.cause).toBeUndefined()
    expect(shown.notes).toBeUndefined()
  })
})

describe('parseSubmissions', () => {
  const entries = [
    rawDraft,
    rawSubmission('preview', SUBMISSION_2, 'running', 'pending'),
    rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded')
  ]

  it.each([
    ['in the {value: [...]} envelope', rawList(...entries)],
    ['as a bare array', entries],
    ['with the envelope key in another case', { Value: entries }]
  ])('reads the list %s', (_name, body) => {
    expect(parseSubmissions(body)).toEqual([
      {
        id: `submission/${PRODUCT_GUID}/0`,
        target: 'draft',
        state: { status: 'unknown', rawStatus: '' }
      },
      {
        id: SUBMISSION_2,
        target: 'preview',
        state: { status: 'running', rawStatus: 'running/pending' },
        created: '2025-03-01T08:01:00Z'
      },
      {
        id: SUBMISSION_1,
        target: 'live',
        state: { status: 'succeeded', rawStatus: 'completed/succeeded' },
        created: '2025-03-01T08:01:00Z'
      }
    ])
  })

  it('keeps 19-digit submission numbers exact, as the strings they are', () => {
    const body = JSON.parse(
      `{"value":[{"id":"${SUBMISSION_1}","target":{"targetType":"live"},"status":"completed","result":"succeeded"},{"id":"${SUBMISSION_2}","target":{"targetType":"preview"},"status":"completed","result":"succeeded"}]}`
    ) as unknown
    const [live, preview] = parseSubmissions(body)
    expect(live.id).toBe(`submission/${PRODUCT_GUID}/1152921515689847470`)
    expect(preview.id).toBe(`submission/${PRODUCT_GUID}/1152921515689847471`)
    // As numbers they would be one and the same.
    expect(Number('1152921515689847470')).toBe(Number('1152921515689847471'))
    const shown = snapshotFor(undefined, [live, preview])
    expect(step(shown, 'preview')?.reference).toBe(SUBMISSION_2)
    expect(step(shown, 'live')?.reference).toBe(SUBMISSION_1)
    expect(shown.facts).toContainEqual({
      name: 'submission-id',
      label: 'Submission',
      value: SUBMISSION_2
    })
  })

  it.each([
    ['Preview', 'preview'],
    ['LIVE', 'live'],
    ['pre_view', 'preview']
  ])('compares the target type %j without case', (targetType, target) => {
    const [entry] = parseSubmissions([rawSubmission(targetType, SUBMISSION_1, 'running', '')])
    expect(entry.target).toBe(target)
  })

  it('reads a sentinel created date as absent', () => {
    const [entry] = parseSubmissions([
      rawSubmission('preview', SUBMISSION_1, 'running', 'pending', SENTINEL)
    ])
    expect(entry.created).toBeUndefined()
  })

  it('skips entries without an id or a target', () => {
    expect(
      parseSubmissions([
        { target: { targetType: 'preview' }, status: 'running' },
        { id: SUBMISSION_1, status: 'running' },
        'submission',
        null
      ])
    ).toEqual([])
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['an object without value', { submissions: [] }],
    ['an error envelope', { error: { code: 'notFound' } }]
  ])('refuses %s as not a list', (_name, body) => {
    expect(() => parseSubmissions(body)).toThrow(UnexpectedBodyError)
  })
})

describe('parseProducts', () => {
  it('reads the products found, with their external id', () => {
    expect(parseProducts(rawProducts('contoso-saas'))).toEqual([
      { id: PRODUCT, externalId: 'contoso-saas' }
    ])
  })

  it('reads an empty value as no product', () => {
    expect(parseProducts({ value: [] })).toEqual([])
  })

  it('skips entries whose id is not a product durable id', () => {
    expect(parseProducts([{ id: 'plan/x/y' }, { identity: {} }, { id: PRODUCT }])).toEqual([
      { id: PRODUCT }
    ])
  })

  it('refuses a body that is not a list', () => {
    expect(() => parseProducts({ id: PRODUCT })).toThrow(UnexpectedBodyError)
  })

  it.each([
    'product/../../submission/x',
    `${PRODUCT}\n\n![x](https://evil.example/x.png)`,
    'product/not-a-guid',
    `${PRODUCT}/extra`
  ])('skips an id that only starts like a product id: %j', (id) => {
    expect(parseProducts([{ id }])).toEqual([])
  })
})

describe('parseDetail (GET configure/{jobId})', () => {
  const resource = (id: string, targetType: unknown) => ({
    $schema: 'https://schema.mp.microsoft.com/schema/submission/2022-03-01-preview2',
    id,
    product: PRODUCT,
    target: targetType
  })

  it('names the submissions among the resources, with their targets', () => {
    expect(
      parseDetail({
        $schema: 'https://schema.mp.microsoft.com/schema/configure-detail/2022-03-01-preview2',
        resources: [
          { id: `plan/${PRODUCT_GUID}/gold`, identity: { externalId: 'gold' } },
          resource(SUBMISSION_2, { targetType: 'Preview' })
        ]
      })
    ).toEqual([{ id: SUBMISSION_2, target: 'preview' }])
  })

  it.each([
    ['a draft target', resource(SUBMISSION_2, { targetType: 'draft' })],
    [
      'an id that is not a submission id',
      resource(`submission/${PRODUCT_GUID}/x::error::y`, { targetType: 'live' })
    ],
    ['no target', { id: SUBMISSION_2 }],
    ['not an object', 'submission']
  ])('names nothing for %s', (_name, item) => {
    expect(parseDetail({ resources: [item] })).toEqual([])
  })

  it('reads a target given as a bare string, and a detail in a one-element array', () => {
    expect(parseDetail([{ Resources: [resource(SUBMISSION_1, 'live')] }])).toEqual([
      { id: SUBMISSION_1, target: 'live' }
    ])
  })

  it.each([null, 'text', { value: [] }, { resources: {} }])(
    'takes %j for an answer of the wrong shape',
    (body) => {
      expect(() => parseDetail(body)).toThrow("not a configure job's detail")
    }
  )
})

describe('error resource ids given as objects', () => {
  it.each([
    [{ externalId: 'contoso-saas' }, 'externalId: contoso-saas'],
    [{ resourceName: 'newPlan' }, 'resourceName: newPlan'],
    [{ externalId: 'gold', product: PRODUCT }, `externalId: gold, product: ${PRODUCT}`]
  ])('keeps %j as %j', (resourceId, shown) => {
    const job = parseJob(
      rawJob('completed', 'failed', { errors: [{ code: 'conflict', message: 'x', resourceId }] })
    )
    expect(job.errors[0]?.resourceId).toBe(shown)
  })
})

describe('ids handed back by the API', () => {
  it.each([
    [`submission/${PRODUCT_GUID}/1152921515689847470`, true],
    [`submission/${PRODUCT_GUID}/0`, true],
    [`submission/${PRODUCT_GUID}/12\n\n[Approve](https://evil.example)`, false],
    [`submission/${PRODUCT_GUID}/::error::x`, false],
    ['submission/not-a-guid/1', false]
  ])('takes %j as a submission only when it is one (%s)', (id, kept) => {
    const found = parseSubmissions([rawSubmission('preview', id, 'running', 'pending')])
    expect(found.map((submission) => submission.id)).toEqual(kept ? [id] : [])
  })
})

describe('snapshotOf', () => {
  const preview = (status: string, result: string, id = SUBMISSION_2): Submission =>
    parseSubmissions([rawSubmission('preview', id, status, result)])[0]
  const live = (status: string, result: string, id = SUBMISSION_1): Submission =>
    parseSubmissions([rawSubmission('live', id, status, result)])[0]

  it('has the steps job, preview and live with a job, and the job decides the status', () => {
    const shown = snapshotFor(parseJob(rawJob('running', 'pending')), [
      preview('running', 'pending'),
      live('completed', 'succeeded')
    ])
    expect(shown.steps.map((each) => [each.id, each.name, each.status])).toEqual([
      ['job', 'Configure job', 'running'],
      ['preview', 'Preview', 'running'],
      ['live', 'Live', 'notStarted']
    ])
    expect([shown.status, shown.rawStatus]).toEqual(['running', 'running/pending'])
    expect(shown.errors).toEqual([])
    // No submission is the job's before the API names it: submission-id stays empty.
    expect(shown.facts).toEqual([
      { name: 'product-id', label: 'Product', value: PRODUCT },
      { name: 'job-start', label: 'Job started', value: '2025-03-01T08:00:00.1234567Z' }
    ])
  })

  it('gives a target without a submission the status notStarted', () => {
    const shown = snapshotFor(undefined, [])
    expect(shown.steps).toEqual([
      { id: 'preview', name: 'Preview', status: 'notStarted', rawStatus: '', messages: [] },
      { id: 'live', name: 'Live', status: 'notStarted', rawStatus: '', messages: [] }
    ])
    expect([shown.status, shown.errors]).toEqual(['notStarted', undefined])
  })

  it('shows the job end once it is not the sentinel', () => {
    const job = parseJob(rawJob('completed', 'succeeded', { jobEnd: '2025-03-03T09:00:00Z' }))
    expect(snapshotFor(job).facts).toContainEqual({
      name: 'job-end',
      label: 'Job ended',
      value: '2025-03-03T09:00:00Z'
    })
    expect(
      snapshotFor(parseJob(rawJob('completed', 'succeeded'))).facts?.map((fact) => fact.name)
    ).not.toContain('job-end')
  })

  describe('with a job, a submission that is not the job’s decides nothing', () => {
    const succeeded = (): Job => parseJob(rawJob('completed', 'succeeded'))

    it('shows a listed submission while the job runs for information only, whatever its state', () => {
      const shown = snapshotFor(parseJob(rawJob('running', 'pending')), [
        preview('completed', 'failed', SUBMISSION_1)
      ])
      expect(step(shown, 'preview')).toEqual({
        id: 'preview',
        name: 'Preview',
        status: 'notStarted',
        rawStatus: '',
        messages: [
          {
            level: 'information',
            parts: [
              {
                text: `Submission ${SUBMISSION_1} (completed/failed) is listed: the configure job names its submission when it is over.`
              }
            ]
          }
        ]
      })
      expect(verdict(shown, { kind: 'completion' }, {})).toEqual({ kind: 'wait' })
      expect(shown.facts?.map((fact) => fact.name)).not.toContain('submission-id')
    })

    it('follows the submission the job published, by id, on its target', () => {
      const shown = snapshotOf({
        productId: PRODUCT,
        job: succeeded(),
        submissions: [preview('running', 'pending'), live('completed', 'failed')],
        published: { id: SUBMISSION_2, target: 'preview' }
      })
      expect(shown.steps.map((each) => [each.id, each.status, each.reference])).toEqual([
        ['job', 'succeeded', undefined],
        ['preview', 'running', SUBMISSION_2],
        ['live', 'notStarted', undefined]
      ])
      // Certification goes on after the job: the publish is still running.
      expect([shown.status, shown.rawStatus]).toEqual(['running', 'running/pending'])
      expect(shown.facts).toContainEqual({
        name: 'submission-id',
        label: 'Submission',
        value: SUBMISSION_2
      })
      expect(step(shown, 'live')?.messages[0]?.parts[0]?.text).toBe(
        `Submission ${SUBMISSION_1} (completed/failed) is listed: not the configure job's (it published ${SUBMISSION_2} to preview).`
      )
    })

    it('takes its status from the job’s submission once the job succeeded: failed fails', () => {
      const shown = snapshotOf({
        productId: PRODUCT,
        job: succeeded(),
        submissions: [preview('completed', 'failed'), live('completed', 'succeeded')],
        published: { id: SUBMISSION_2, target: 'preview' }
      })
      expect([shown.status, step(shown, 'preview')?.status]).toEqual(['failed', 'failed'])
      expect(verdict(shown, { kind: 'completion' }, {})).toMatchObject({
        kind: 'fail',
        failedStep: { id: 'preview' }
      })
    })

    it('shows a go-live’s submission on both targets, the live one deciding', () => {
      const shown = snapshotOf({
        productId: PRODUCT,
        job: succeeded(),
        submissions: [
          preview('completed', 'succeeded', SUBMISSION_2),
          live('completed', 'succeeded', SUBMISSION_1),
          live('running', 'pending', SUBMISSION_2)
        ],
        published: { id: SUBMISSION_2, target: 'live' }
      })
      expect(shown.steps.map((each) => [each.id, each.status, each.reference])).toEqual([
        ['job', 'succeeded', undefined],
        ['preview', 'succeeded', SUBMISSION_2],
        ['live', 'running', SUBMISSION_2]
      ])
      expect(shown.status).toBe('running')
    })

    it('keeps running, naming it, while the job’s submission is not listed yet', () => {
      const shown = snapshotOf({
        productId: PRODUCT,
        job: succeeded(),
        submissions: [live('completed', 'succeeded')],
        published: { id: SUBMISSION_2, target: 'preview' }
      })
      expect([shown.status, shown.rawStatus]).toEqual([
        'running',
        `completed/succeeded; ${SUBMISSION_2} not listed yet`
      ])
      expect(step(shown, 'preview')).toMatchObject({
        status: 'notStarted',
        reference: SUBMISSION_2
      })
    })

    it('keeps running while the job named no submission yet, and passes on the job alone when it changed the draft only', () => {
      const listed = [preview('completed', 'failed'), live('completed', 'succeeded')]
      const unnamed = snapshotOf({ productId: PRODUCT, job: succeeded(), submissions: listed })
      expect(unnamed.status).toBe('running')
      expect(verdict(unnamed, { kind: 'completion' }, {})).toEqual({ kind: 'wait' })
      const draft = snapshotOf({
        productId: PRODUCT,
        job: succeeded(),
        submissions: listed,
        draftOnly: true
      })
      expect(draft.status).toBe('succeeded')
      expect(step(draft, 'preview')?.status).toBe('notStarted')
      expect(verdict(draft, { kind: 'completion' }, {})).toMatchObject({ kind: 'pass' })
    })

    it('lets the job name the failure once it failed', () => {
      const shown = snapshotFor(jobWith(certificationTree()), [preview('completed', 'failed')])
      // The job is listed first, so it names the failure.
      expect(verdict(shown, { kind: 'completion' }, {})).toMatchObject({
        failedStep: { id: 'job' }
      })
    })
  })

  describe('without a job', () => {
    it.each<[string, Submission[], string, string]>([
      [
        'the live submission when both run',
        [preview('running', 'pending'), live('running', 'pending', SUBMISSION_1)],
        'running',
        'running/pending'
      ],
      [
        'the running preview when live is over',
        [preview('running', 'pending'), live('completed', 'succeeded')],
        'running',
        'running/pending'
      ],
      [
        'the live submission, the most advanced, even when it has not started',
        [preview('running', 'pending'), live('notStarted', 'pending', SUBMISSION_1)],
        'notStarted',
        'notStarted/pending'
      ],
      [
        'a not-started submission before a failed one',
        [preview('notStarted', 'pending'), live('completed', 'failed')],
        'notStarted',
        'notStarted/pending'
      ],
      [
        'failed when one failed and none runs',
        [preview('completed', 'failed'), live('completed', 'succeeded')],
        'failed',
        'completed/failed'
      ],
      [
        'canceled for a canceled one, in either spelling',
        [preview('completed', 'canceled')],
        'canceled',
        'completed/canceled'
      ],
      [
        'succeeded when all are done and none failed',
        [preview('completed', 'succeeded'), live('completed', 'succeeded')],
        'succeeded',
        'completed/succeeded'
      ],
      ['unknown for an unknown spelling', [preview('queued', '')], 'unknown', 'queued']
    ])('takes its status from %s', (_name, submissions, status, rawStatus) => {
      const shown = snapshotFor(undefined, submissions)
      expect([shown.status, shown.rawStatus]).toEqual([status, rawStatus])
      expect(shown.steps.map((each) => each.id)).toEqual(['preview', 'live'])
    })

    it('fails on a failed submission, saying the API does not say why and where to look', () => {
      const shown = snapshotFor(undefined, [preview('Completed', 'Failed')])
      const page = `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${PRODUCT_GUID}/overview`
      expect(verdict(shown, { kind: 'completion' }, {})).toEqual({
        kind: 'fail',
        result: 'failed',
        failedStep: expect.objectContaining({ id: 'preview' }),
        message: `Preview failed: Submission ${SUBMISSION_2} to preview ended Completed/Failed. The API does not say why: the certification report is e-mailed to the account's seller contact; see the offer's page in Partner Center: ${page}`,
        quote: {
          lead: 'Preview failed',
          messages: [
            {
              level: 'error',
              parts: [{ text: `Submission ${SUBMISSION_2} to preview ended Completed/Failed.` }]
            },
            {
              level: 'error',
              parts: [
                {
                  text: "The API does not say why: the certification report is e-mailed to the account's seller contact"
                },
                { text: "; see the offer's page in Partner Center: " },
                { text: page, href: page }
              ]
            }
          ]
        }
      })
    })

    it('prefers the entry in progress when a target lists two, else the newest', () => {
      const old = parseSubmissions([
        rawSubmission('live', SUBMISSION_1, 'completed', 'succeeded', '2025-03-05T00:00:00Z')
      ])[0]
      const going = parseSubmissions([
        rawSubmission('live', SUBMISSION_2, 'running', 'pending', '2025-03-01T00:00:00Z')
      ])[0]
      expect(step(snapshotFor(undefined, [old, going]), 'live')?.reference).toBe(SUBMISSION_2)
      const newer = parseSubmissions([
        rawSubmission('live', SUBMISSION_2, 'completed', 'succeeded', '2025-03-06T00:00:00Z')
      ])[0]
      expect(step(snapshotFor(undefined, [newer, old]), 'live')?.reference).toBe(SUBMISSION_2)
    })

    it('falls back to the live submission for submission-id when there is no preview', () => {
      expect(snapshotFor(undefined, [live('completed', 'succeeded')]).facts).toContainEqual({
        name: 'submission-id',
        label: 'Submission',
        value: SUBMISSION_1
      })
    })
  })
})
