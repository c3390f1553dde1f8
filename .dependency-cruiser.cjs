/**
 * The map of the code, as rules CI enforces (`npm test` runs `npm run check:boundaries`).
 * Each rule's comment is what a violation prints: which boundary, and why it exists.
 */
const CAPABILITIES = '(network|plan|polls|reflections|focus|mellomarbeid|reminders|privacy|identity|reference|demo)';

module.exports = {
  forbidden: [
    {
      name: 'botbuilder-only-in-platform-teams',
      comment:
        'botbuilder is end-of-life; its successor (@microsoft/agents-hosting) must be a one-folder move. Only src/platform/teams may import botbuilder or botframework-*.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/teams/' },
      to: { path: 'node_modules/(botbuilder|botframework-)' },
    },
    {
      name: 'graph-only-in-platform-graph',
      comment:
        'Microsoft Graph and its credentials (@microsoft/teamsfx, @microsoft/microsoft-graph-client, MSAL) are a detail of src/platform/graph; capabilities ask through the port in src/shared/teams-meetings.ts, so tests can hand in a fake and the SDKs can be swapped in one folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/graph/' },
      to: { path: 'node_modules/(@microsoft/teamsfx|@microsoft/microsoft-graph-client|@azure/msal-|@azure/identity)' },
    },
    {
      name: 'restify-only-in-platform-http',
      comment: 'The HTTP framework is a detail of src/platform/http; capabilities expose typed routes, not restify handlers.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/http/' },
      to: { path: 'node_modules/restify' },
    },
    {
      name: 'domain-is-pure',
      comment:
        'Domain modules (*/domain/*) hold rules only: no database, no network, no framework, no platform code, so they can be tested and reused anywhere. The one exception is src/platform/i18n: a rule that explains itself says so in the reader\'s language, and the catalogue and formatting do no I/O.',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/' },
      to: {
        path: ['^src/platform/(?!i18n/)', '/sql/', 'node_modules/(pg|@electric-sql|pg-boss|botbuilder|botframework-|restify|pino|exceljs)'],
      },
    },
    {
      name: 'shared-knows-no-capability',
      comment: 'src/shared is the floor every capability stands on; it must not reach up into one (that is how folder cycles start).',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: `^src/${CAPABILITIES}/` },
    },
    {
      name: 'platform-knows-no-capability',
      comment:
        'src/platform adapts the outside world (database, jobs, HTTP, Teams); capabilities plug into it from the composition root (src/app), never the other way round.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: [`^src/${CAPABILITIES}/`, '^src/app/'] },
    },
    {
      name: 'nothing-imports-the-composition-root',
      comment: 'src/app wires everything together; a module that imports it would depend on every capability at once.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.ts$'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'tab-imports-server-types-only',
      comment:
        'The tab is a browser bundle: it may use the server\'s contract types (`import type … from "…/contract.js"`), never server code.',
      severity: 'error',
      from: { path: '^src/tab/' },
      // The one exception: the catalogue JSON files (src/<folder>/messages/*.json), plain data the
      // tab shows so labels read the same in cards and tab (sector, kind, format names).
      to: { path: '^src/(?!tab/)', pathNot: '^src/[^/]+/messages/[^/]+\\.json$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'tab-types-come-from-contracts',
      comment: 'The tab reads the server only through each capability\'s contract.ts, so a renamed field breaks the build, not the user.',
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { path: '^src/(?!tab/)', pathNot: ['/contract\\.ts$', '^src/[^/]+/messages/[^/]+\\.json$'] },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules import each other in one direction only (folder-level cycles are checked by scripts/check-boundaries.ts).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code or a forgotten wiring.',
      severity: 'warn',
      from: { orphan: true, path: '^src/', pathNot: ['\\.d\\.ts$', '^src/main\\.ts$', '^src/tab/(main|auth-start|auth-end)\\.ts', 'vite\\.config\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
    exclude: { path: ['^dist/'] },
  },
};
