/**
 * Caravane's boundaries, checked by `npm run lint`. Dependencies point inward: adapters → src ← db.
 * The core (src/) imports no storage, no edge and no platform SDK; only the composition root
 * (adapters/main.ts) and the CLI (adapters/cli/) wire db/ into the adapters, which reach storage
 * through ports they own. Type imports count (tsPreCompilationDeps), so a cycle made of
 * `import type` lines is still a cycle.
 */

/** npm packages the core may use: plain data and parsing, nothing that talks to the outside. */
const CORE_PACKAGES = ['zod', 'csv-parse', 'libphonenumber-js'];
/** Node built-ins the core may use (hashing and signing links); no fs, net, timers or process. */
const CORE_BUILTINS = ['node:crypto', 'crypto'];

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type imports included): no module in it can be read, tested or moved on its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-not-to-edges',
      severity: 'error',
      comment: 'src/ is the core: it must not import db/, adapters/, bench/, test/ or bin/.',
      from: { path: '^src/' },
      to: { path: '^(db|adapters|bench|test|bin)/' },
    },
    {
      name: 'core-only-plain-packages',
      severity: 'error',
      comment: `src/ may use only ${CORE_PACKAGES.join(', ')} from npm: no platform SDK, SQL, HTTP, image or chart library.`,
      from: { path: '^src/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'],
        pathNot: `node_modules/(${CORE_PACKAGES.map(escape).join('|')})/`,
      },
    },
    {
      name: 'core-only-pure-builtins',
      severity: 'error',
      comment: `src/ may use only ${CORE_BUILTINS.join(', ')} from Node: no files, network, timers or process.`,
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'], pathNot: `^(${CORE_BUILTINS.map(escape).join('|')})$` },
    },
    {
      name: 'adapters-not-to-db',
      severity: 'error',
      comment: 'Adapters reach storage through ports they own; only the composition root (adapters/main.ts) and the CLI (adapters/cli/) import db/.',
      from: { path: '^adapters/', pathNot: '^adapters/(main\\.ts|cli/)' },
      to: { path: '^db/' },
    },
    {
      name: 'db-not-to-edges',
      severity: 'error',
      comment:
        'db/ implements the ports of src/ and those the adapters own (adapters/**/ports.ts); it imports nothing else of adapters/, nor bench/, test/ or bin/.',
      from: { path: '^db/' },
      to: { path: '^(adapters|bench|test|bin)/', pathNot: '^adapters/[a-z/-]+/ports[.]ts$' },
    },
    {
      name: 'only-tests-import-tests',
      severity: 'error',
      comment: 'test/ is imported by tests alone (the benchmarks reuse test/support/, its fake platform servers).',
      from: { pathNot: '^(test|bench)/' },
      to: { path: '^test/' },
    },
    {
      name: 'bench-only-test-support',
      severity: 'error',
      comment: 'The benchmarks may reuse test/support/ and nothing else of test/.',
      from: { path: '^bench/' },
      to: { path: '^test/', pathNot: '^test/support/' },
    },
    {
      name: 'production-not-to-dev-deps',
      severity: 'error',
      comment: 'Shipped code (src/, adapters/, db/) must not need a devDependency: `npm ci --omit=dev` would break it.',
      from: { path: '^(src|adapters|db)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'A package used but not declared in package.json.',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // test/fixtures/boundaries/ breaks every rule on purpose: test/lint/boundaries.test.ts cruises it alone.
    exclude: { path: '^(node_modules|dist|coverage|data|test/fixtures/boundaries)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
