/** The UI benchmark's heavy scenarios, by name: each tuned for ~5,000 messages in flight at 10×. */
import type { ScenarioDocument } from '../../src/scenario/schema';
import { fanoutScenario } from './fanout';
import { benchScenario, type BenchScenarioOptions } from './scenario';

export interface UiScenario {
  /** What it is, for the report. */
  label: string;
  build: (opts: BenchScenarioOptions) => ScenarioDocument;
  /** Producer rate (msg/s each) for ~5,000 in flight. */
  rateFor5000: number;
  /** Queue nodes the benchmark clicks to open their inspector (by name). */
  clickQueues: string[];
}

export const UI_SCENARIOS = {
  blocks: {
    label: '60 nodes in six blocks (2 producers → exchange → 4 queues → 3 consumers)',
    build: benchScenario,
    rateFor5000: 85,
    clickQueues: ['q.direct1.1', 'q.direct1.2', 'q.direct1.3'],
  },
  fanout: {
    label: 'wide fanout (4 producers → fanout → 29 queues → 29 consumers, 2–10 ms processing)',
    build: fanoutScenario,
    rateFor5000: 18,
    clickQueues: ['q.fan.3', 'q.fan.1', 'q.fan.4'],
  },
} satisfies Record<string, UiScenario>;

export type UiScenarioName = keyof typeof UI_SCENARIOS;
export const UI_SCENARIO_NAMES = Object.keys(UI_SCENARIOS) as UiScenarioName[];
