// `npm run conformance:real -- --tutorials [--record] [names...]`: runs the tutorial plays
// (conformance/tutorials/plays.mjs) with node processes on a private real RabbitMQ and with the
// programs on the engine, and compares their console output; --record writes the real broker's
// output to conformance/tutorials/expected/ when its runs agree.
import fs from 'node:fs';
import { startNode, stopNode, stopOwnedEpmd } from './broker.ts';
import { amqpUrl } from './run-real.ts';
import { RealHost, cleanBroker } from './tutorial-host.ts';
import { EngineHost } from '../tutorials/engine-host.ts';
import { expectedFile, loadPlays, play, readExpected, type PlayResult } from '../tutorials/player.ts';
import { same, diffObservations } from './compare.ts';

const REAL_LIMIT_MS = 20000;

export async function runTutorials(o: { record: boolean; repeat: number; names: string[] }): Promise<boolean> {
  const { plays, cleanup } = await loadPlays();
  const todo = plays.filter((p) => !o.names.length || o.names.includes(p.name));
  console.log('broker: starting a private RabbitMQ node on loopback ...');
  const node = await startNode({ log: (s) => console.log(`broker: ${s}`) });
  const url = amqpUrl(node);
  let allOk = true;
  try {
    for (const p of todo) {
      const runs: PlayResult[] = [];
      for (let i = 0; i < o.repeat; i++) {
        await cleanBroker(url, cleanup);
        runs.push(await play(p, new RealHost(url), REAL_LIMIT_MS, 20));
        await cleanBroker(url, cleanup);
      }
      const real = runs[0];
      const stable = runs.every((r) => same([r], [real]));
      const parts: string[] = [stable ? `real stable x${o.repeat}` : 'real UNSTABLE'];
      let ok = stable && !real.error;
      if (real.error) parts.push(`real: ${real.error}`);
      if (o.record) {
        if (ok) {
          fs.mkdirSync(expectedFile('x').replace(/x\.json$/, ''), { recursive: true });
          fs.writeFileSync(expectedFile(p.name), `${JSON.stringify({ play: p.name, ...real }, null, 2)}\n`);
          parts.push('recorded');
        } else parts.push('NOT recorded');
      } else {
        const expected = readExpected(p.name);
        const engine = await play(p, new EngineHost(), 60000, 10);
        const exp = expected ? { outputs: expected.outputs, error: expected.error } : null;
        if (!exp || !same([exp], [{ outputs: real.outputs, error: real.error }])) { ok = false; parts.push('real ≠ expected'); }
        if (!same([{ outputs: real.outputs, error: real.error }], [{ outputs: engine.outputs, error: engine.error }])) {
          ok = false;
          parts.push('engine ≠ real');
          console.log(diffObservations([real], [engine], ['real', 'engine']));
        } else parts.push('engine = real');
      }
      if (!stable) console.log(diffObservations([real], [runs.find((r) => !same([r], [real]))], ['real run 1', 'other run']));
      console.log(`${ok ? 'ok     ' : 'NOT OK '} tutorials/${p.name.padEnd(40)} ${parts.join('; ')}`);
      allOk &&= ok;
    }
  } finally {
    await stopNode(node);
    stopOwnedEpmd();
  }
  return allOk;
}
