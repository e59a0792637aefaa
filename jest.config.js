// Jest strips TypeScript types itself (node:module stripTypeScriptTypes), which needs Node >= 24:
// fail with a clear message instead of a confusing SyntaxError on an older Node.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  throw new Error(
    `These tests need Node 24 (the action's runtime); this is Node ${process.versions.node}. ` +
      'Run them through npm (npm test), which uses the Node 24 from node_modules/.bin.'
  )
}

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  transform: {},
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup/nock.ts'],
  clearMocks: true,
  collectCoverage: true,
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { global: { lines: 90, branches: 85 } }
}
