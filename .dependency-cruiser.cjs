/**
 * The layer rules of src/ (docs/ARCHITECTURE.md explains them), checked by `npm run deps` inside
 * `npm test`. Any violation fails the run. Type-only imports count: a layer that names another layer's
 * types depends on it.
 *
 *   src/domain   pure rules: imports nothing of ours outside src/domain
 *   src/usecases what the product does (sweep, CAP check, hands check, report creation, …): never the
 *                entries
 *   src/gas      adapters over Google services: never the entries, never the use cases
 *   src/entries  global entry points: a few lines each that hand over to a use case
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds the pure rules: it imports nothing of ours outside src/domain.',
      from: { path: '^src/domain/' },
      to: { path: '^(src|workspace|test|scripts)/', pathNot: '^src/domain/' },
    },
    {
      name: 'src-is-what-clasp-pushes',
      severity: 'error',
      comment:
        'src/ is what clasp pushes: it never imports the in-memory workspace, the tests or the scripts.',
      from: { path: '^src/' },
      to: { path: '^(workspace|test|scripts)/' },
    },
    {
      name: 'src-has-no-node',
      severity: 'error',
      comment: 'src/ runs in Apps Script, which has no node built-ins.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-cycles-in-src',
      severity: 'error',
      comment: 'No circular dependencies in src/: each module can be read (and tested) on its own.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      // A cycle closed only by an `import type` is erased from the bundle, but it is still a knot: two
      // modules that cannot be read apart. None is left, so none may come back.
      name: 'no-type-only-cycles-in-src',
      severity: 'error',
      comment: 'A circular dependency in src/ closed by a type-only import.',
      from: { path: '^src/' },
      to: { circular: true, via: { dependencyTypes: ['type-only'] } },
    },
    {
      name: 'adapters-never-import-entries',
      severity: 'error',
      comment: 'src/gas (adapters) never imports src/entries: entry points call adapters, not the reverse.',
      from: { path: '^src/gas/' },
      to: { path: '^src/(entries/|entry\\.ts$)' },
    },
    {
      name: 'adapters-never-import-usecases',
      severity: 'error',
      comment:
        'src/gas (adapters) never imports src/usecases: use cases call adapters through the ports they ' +
        'need, never the reverse.',
      from: { path: '^src/gas/' },
      to: { path: '^src/usecases/' },
    },
    {
      name: 'usecases-never-import-entries',
      severity: 'error',
      comment: 'src/usecases never imports src/entries: entry points call use cases, not the reverse.',
      from: { path: '^src/usecases/' },
      to: { path: '^src/(entries/|entry\\.ts$)' },
    },
    {
      name: 'no-unresolvable-in-src',
      severity: 'error',
      comment:
        'Every import in src/ resolves: a typo in a path is a build error, not a surprise in Apps Script.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(build|out|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
