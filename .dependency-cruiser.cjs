// @ts-check
/**
 * The architecture as a checked graph (npm run lint): four environments whose imports point one
 * way, the renderer's floors (app/ shell over features/ over services/, db/, sync/, state/, host/,
 * i18n/), features that meet only through their index.ts, and no cycles, type-only imports included.
 */
const node = { dependencyTypes: ['core'] };
const electronModule = { path: '(^|/)node_modules/(electron|electron-store)/' };
const rendererFloors = '^renderer/src/(services|db|sync|state|host|i18n)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules form no cycle, not even through type-only imports: the lower module knows nothing of the upper.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      comment: 'Folders form no cycle either: a vocabulary both sides use lives below both.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure: it may not import renderer/, electron/ or server/.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(renderer|electron|server)/' },
    },
    {
      name: 'shared-no-node',
      comment: 'shared/ may not import Node built-ins or Electron: pass what you need in.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { ...node },
    },
    {
      name: 'shared-no-electron',
      comment: 'shared/ may not import Electron.',
      severity: 'error',
      from: { path: '^shared/' },
      to: electronModule,
    },
    {
      name: 'renderer-no-electron-server',
      comment: 'renderer/ may not import electron/ or server/: go through the Host (shared/host.ts) or HTTP.',
      severity: 'error',
      from: { path: '^renderer/src/' },
      to: { path: '^(electron|server)/' },
    },
    {
      name: 'renderer-no-electron-module',
      comment: 'renderer/ may not import Electron: use the Host (shared/host.ts).',
      severity: 'error',
      from: { path: '^renderer/src/' },
      to: electronModule,
    },
    {
      name: 'renderer-no-node',
      comment: 'renderer/ runs in a browser: no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/src/' },
      to: { ...node },
    },
    {
      name: 'electron-no-renderer-server',
      comment: 'electron/ may not import renderer/ or server/ (the embedded endpoint runs as a separate process).',
      severity: 'error',
      from: { path: '^electron/', pathNot: '^electron/utility/' },
      to: { path: '^(renderer|server)/' },
    },
    {
      name: 'electron-utility-no-renderer',
      comment: 'electron/utility runs the embedded endpoint in its own process: it may import server/, never renderer/.',
      severity: 'error',
      from: { path: '^electron/utility/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'preload-no-node',
      comment: 'The preload runs sandboxed: no Node built-ins.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { ...node },
    },
    {
      name: 'server-no-renderer-electron',
      comment: 'server/ may not import renderer/ or electron/, nor Electron.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: ['^(renderer|electron)/', electronModule.path] },
    },
    {
      name: 'features-not-shell',
      comment: 'A feature may not import the shell (renderer/src/app/): what features share lives in services/.',
      severity: 'error',
      from: { path: '^renderer/src/features/' },
      to: { path: '^renderer/src/app/' },
    },
    {
      name: 'floors-not-up',
      comment: 'services/, db/, sync/, state/, host/ and i18n/ lie below the features and the shell: they import neither.',
      severity: 'error',
      from: { path: rendererFloors },
      to: { path: '^renderer/src/(features|app)/' },
    },
    {
      name: 'feature-through-index',
      comment: 'A feature reaches another feature only through its index.ts.',
      severity: 'error',
      from: { path: '^renderer/src/features/([^/]+)/' },
      to: {
        path: '^renderer/src/features/',
        pathNot: ['^renderer/src/features/$1/', '^renderer/src/features/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'shell-through-index',
      comment: 'The shell and the entry reach a feature only through its index.ts.',
      severity: 'error',
      from: { path: '^renderer/src/', pathNot: '^renderer/src/features/' },
      to: { path: '^renderer/src/features/', pathNot: '^renderer/src/features/[^/]+/index[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|dist-web)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
