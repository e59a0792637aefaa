// Jest strips TypeScript types itself (node:module stripTypeScriptTypes), which needs Node >= 24:
// fail with a clear message instead of a confusing SyntaxError on an older Node.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  throw new Error(
    `These tests need Node 24 (the action's runtime); this is Node ${process.versions.node}. ` +
      'Run them through npm (npm test), which uses the Node 24 from node_modules/.bin.'
  )
}

/** @actions/workflow-parser's modules, which import JSON without an import attribute. */
const WORKFLOW_PARSER = '/node_modules/@actions/workflow-parser/.+\\.js$'

/**
 * What both projects share: Jest's own type stripping for .ts (no transform claims them), ESM,
 * one nock for all. The one transform adds the import attribute workflow-parser's JSON imports
 * lack (see __tests__/setup/json-import-attributes.ts); it is the only package transformed.
 */
const shared = {
  testEnvironment: 'node',
  transform: { [WORKFLOW_PARSER]: '<rootDir>/__tests__/setup/json-import-attributes.ts' },
  transformIgnorePatterns: ['/node_modules/(?!@actions/workflow-parser/)'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/nock.ts'],
  clearMocks: true,
  // Jest's cache in node_modules rather than the system temp folder, which a test run leaves as
  // it found it. A project option: each project needs it (a top-level one is not inherited).
  cacheDirectory: '<rootDir>/node_modules/.cache/jest'
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
  // The run's own temp folder, checked to be empty at the end: tests remove what they create.
  globalSetup: '<rootDir>/__tests__/setup/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/setup/global-teardown.ts',
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { global: { lines: 90, branches: 85 } }
}
