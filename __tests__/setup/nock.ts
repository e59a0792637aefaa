// One nock for every test file: Jest reuses a worker across files, and the first file's nock
// would otherwise stay installed and refuse later files' requests. No test reaches the network.
import { afterAll, afterEach, beforeAll } from '@jest/globals'
import nock from 'nock'

beforeAll(() => {
  if (!nock.isActive()) nock.activate()
  nock.disableNetConnect()
  // End-to-end tests run servers on loopback only.
  nock.enableNetConnect((host) => /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host))
})

afterEach(() => {
  nock.cleanAll()
})

afterAll(() => {
  nock.cleanAll()
  nock.enableNetConnect()
  nock.restore()
})
