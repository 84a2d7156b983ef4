// npx tsx scripts/tutorials/run-engine.ts [names...]: prints each play's output on the engine (to try programs while working).
import { EngineHost } from './engine-host';
import { loadPlays, play } from './player';

const names = process.argv.slice(2);
const { plays } = await loadPlays();
for (const p of plays.filter((x) => !names.length || names.includes(x.name))) {
  console.log(`== ${p.name}`);
  console.log(JSON.stringify(await play(p, new EngineHost(), 60000, 10), null, 2));
}
