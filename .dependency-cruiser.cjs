// The layers of src/, top to bottom: an import may only go down. `npm run lint` checks it.
// entries (index, main, cli.ts, server/) → action/, cli/ → gate/ (flows/) → write/ → read/ → github/
// → the pure core (evaluate/, report/, policy/, checklist/, template/, adopt/, audit/), which performs no I/O.
const IO = '^src/(github|read|write|gate|action|cli|server)/';
const layer = (name, from, to, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'No module may depend on itself through others, type-only imports included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    layer(
      'core-has-no-io',
      '^src/(checklist|policy|evaluate|report|template|adopt|audit)/',
      IO,
      'The pure core reads nothing: facts are passed in.',
    ),
    layer(
      'evaluate-before-report',
      '^src/evaluate/',
      '^src/report/',
      'Rendering depends on the verdict, never the reverse.',
    ),
    layer(
      'github-is-one-call-each',
      '^src/github/',
      '^src/(read|write|gate|action|cli|server)/',
      'One function per API call, knowing nothing of who calls it.',
    ),
    layer(
      'read-below-write',
      '^src/read/',
      '^src/(write|gate|action|cli|server)/',
      'Reads never depend on writes or flows.',
    ),
    layer(
      'write-below-gate',
      '^src/write/',
      '^src/(gate|action|cli|server)/',
      'Writes never depend on flows.',
    ),
    layer(
      'gate-below-entries',
      '^src/gate/',
      '^src/(action|cli|server)/',
      'The gate is shared by the action and the server: it knows neither.',
    ),
    layer(
      'cli-shares-reads-only',
      '^src/cli/',
      '^src/(action|gate|write|server)/',
      'The CLI shares the reads and the core, never the action or the flows.',
    ),
    layer('action-and-server-apart', '^src/action/', '^src/(cli|server)/', 'Two entry points over one gate.'),
    layer(
      'server-apart-from-action',
      '^src/server/',
      '^src/(action|cli)/',
      'Two entry points over one gate.',
    ),
    {
      name: 'no-flow-imports-another',
      severity: 'error',
      comment: 'Each event flow stands alone; what two flows share lives in src/gate/.',
      from: { path: '^src/gate/flows/([^/]+)$' },
      to: { path: '^src/gate/flows/', pathNot: '^src/gate/flows/$1$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
