// Jest strips TypeScript types itself (node:module stripTypeScriptTypes), which needs Node >= 24:
// fail with a clear message instead of a confusing SyntaxError on an older Node.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  throw new Error(
    `These tests need Node 24 (the action's runtime); this is Node ${process.versions.node}. ` +
      'Run them through npm (npm test), which uses the Node 24 from node_modules/.bin.'
  )
}

/** What both projects share: Jest's own type stripping, ESM, one nock for all. */
const shared = {
  testEnvironment: 'node',
  transform: {},
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/nock.ts'],
  clearMocks: true
}

/**
 * Two projects: `unit` (in-process, fast; `npm run test:unit`) and `e2e` (the bundle or the
 * simulator as a runner would meet them: files named *.e2e.test.ts). `npm test` runs both.
 * @type {import('jest').Config}
 */
export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$']
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/**/*.e2e.test.ts']
    }
  ],
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { global: { lines: 90, branches: 85 } }
}
