import { describe, expect, it } from 'vitest';
import { DEFAULT_DIRS, runConformance } from './conformance';

describe('conformance: recorded RabbitMQ 3.10.8 cases against the engine', () => {
  it('every case in the default folders matches its expected observations', async () => {
    const results = await runConformance(DEFAULT_DIRS);
    expect(results.length).toBeGreaterThanOrEqual(37);
    const bad = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.name}\n${r.diff.join('\n')}${r.error ? `\n${r.error}` : ''}`);
    expect(bad).toEqual([]);
  }, 120000);
});
