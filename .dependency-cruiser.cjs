// Who may import what. `npm run lint` (and so `npm test`) fails on any violation; tests/boundaries proves the
// rules are live. Paths are resolved, so a relative `../../lib/x` is caught exactly like `@/lib/x`.
const WEB = '^(app|components|lib)/|^(proxy|instrumentation)\\.ts$';
const SIDECAR = '^ocpp-server/';
const SHARED = '^(domain|db)/';
// Packages that only make sense inside the Next.js server or a browser.
const NEXT_ONLY = '^node_modules/(next|next-auth|next-intl|@auth/core|react|react-dom|server-only)/';
// Packages that only make sense next to the chargers' sockets.
const SOCKETS_ONLY = '^node_modules/(ws|ocpp-rpc)/';

module.exports = {
  forbidden: [
    {
      name: 'web-not-to-sidecar',
      comment: 'The web app and the OCPP server talk through PostgreSQL only; shared logic lives in domain/.',
      severity: 'error',
      from: { path: WEB },
      to: { path: SIDECAR },
    },
    {
      name: 'sidecar-not-to-web',
      comment: 'The OCPP server runs outside Next.js: what it needs from the web side belongs in domain/.',
      severity: 'error',
      from: { path: SIDECAR },
      to: { path: WEB },
    },
    {
      name: 'sidecar-never-reaches-next',
      comment: 'Not even through a shared module: anything that pulls in Next, React or server-only breaks the sidecar.',
      severity: 'error',
      from: { path: SIDECAR },
      to: { path: NEXT_ONLY, reachable: true },
    },
    {
      name: 'shared-stays-plain',
      comment: 'domain/ and db/ are imported by both processes, so they import neither side.',
      severity: 'error',
      from: { path: SHARED },
      to: { path: `${WEB}|${SIDECAR}|${NEXT_ONLY}|${SOCKETS_ONLY}` },
    },
    {
      name: 'declared-dependencies-only',
      comment: 'Everything imported is declared in package.json, so a fresh install has it.',
      severity: 'error',
      from: { pathNot: '^node_modules/' },
      to: { dependencyTypes: ['unknown', 'undetermined', 'npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'runtime-not-on-dev-dependencies',
      comment: 'What runs in production comes from "dependencies"; types alone may come from devDependencies.',
      severity: 'error',
      from: { path: `${WEB}|${SHARED}|^ocpp-server/src/`, pathNot: '\\.test\\.ts$|^db/seed/' },
      to: { dependencyTypes: ['npm-dev'], preCompilationOnly: false },
    },
    {
      name: 'resolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^(\\.next[^/]*|\\.data|\\.bench|db/migrations|test-results|playwright-report)/' },
    tsPreCompilationDeps: 'specify',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
