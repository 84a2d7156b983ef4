/**
 * The engine's floors (issue 17), checked by dependency-cruiser with type imports included
 * (`npm run lint:deps`, part of `npm run lint`). A floor imports only floors below it:
 *
 *   kernel < amqp < routing < queues < server < client < views < src/engine/*.ts (broker.ts, the facade,
 *   index.ts and policies.ts), agents/, amqplib/, testing/
 *
 * What a floor needs from above it, it names as an interface (a port) in its ports.ts, or beside the class that
 * needs it, and the entity above implements it. Any violation fails the lint: there is no list of known ones.
 */
const FLOORS = ['kernel', 'amqp', 'routing', 'queues', 'server', 'client', 'views'];

const floorRules = FLOORS.map((floor, i) => ({
  name: `floor-${floor}`,
  comment: `src/engine/${floor}/ imports only ${['itself', ...FLOORS.slice(0, i)].join(', ')}`,
  severity: 'error',
  from: { path: `^src/engine/${floor}/`, pathNot: '\\.test\\.ts$' },
  to: { path: '^src/engine/', pathNot: `^src/engine/(${FLOORS.slice(0, i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circle inside src/engine, type imports included.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { circular: true },
    },
    ...floorRules,
    {
      // src/engine/policies.ts is the one other entry: the pure policy and resource helpers the page
      // needs when it starts (src/scenario/broker.ts). Importing them through index.ts pulled every
      // engine module into the page's initial JavaScript (~32 kB gzipped; the engine runs in the
      // worker), since index.ts imports them all; policies.ts imports only the small modules they
      // live in. scripts/vite-js-budget.ts fails the build if the initial JavaScript grows past budget.
      name: 'engine-only-through-index',
      comment: 'Code outside src/engine imports the engine only through src/engine/index.ts (or policies.ts, its start-up subset).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/engine/' },
      to: { path: '^src/engine/', pathNot: '^src/engine/(index|policies)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|__golden__)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
