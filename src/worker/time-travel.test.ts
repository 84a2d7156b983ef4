import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { PRESETS } from '../scenario/presets';
import { arbitraryScenario } from '../scenario/testing/arbitrary';
import type { ScenarioDocument } from '../scenario/schema';
import { createHandler } from './handler';
import type { SentReply } from './frame-delta';
import type { Command, Frame } from './protocol';
import { justBefore } from './time-travel';
import { Simulation } from './simulation';
import { wholeFrames } from './test-helpers';

/** A handler driven by a list of commands; `done()` resolves when all sent so far have run. */
/** `checkpointEveryMs`: checkpoints often, so that going back restores them (checkpoints.ts). */
function driver(doc: ScenarioDocument, checkpointEveryMs = 400) {
  const frames: Frame[] = [];
  const problems: string[] = [];
  const waiters = new Map<number, () => void>();
  let request = 0;
  // Frames come as changes since the previous one (frame-delta.ts): kept whole, as the page does.
  const whole = wholeFrames(frames);
  const handle = createHandler((r: SentReply) => {
    if (r.type === 'frame') whole(r);
    if (r.type === 'problem') {
      // A run that failed to build answers nothing more: let the waiting test go on.
      problems.push(r.message);
      for (const w of waiters.values()) w();
    }
    if (r.type === 'queue-contents') waiters.get(r.requestId)?.();
  }, undefined, { checkpointEveryMs });
  handle({ type: 'load', doc });
  return {
    frames,
    problems,
    send: (cmd: Command) => handle(cmd),
    done: () =>
      new Promise<void>((resolve) => {
        const id = ++request;
        waiters.set(id, resolve);
        handle({ type: 'peek', requestId: id, queue: '' });
      }),
    last: () => frames[frames.length - 1],
  };
}

/** Every event the frames carried, by seq (a later frame's copy replaces an earlier one). */
function bySeq(frames: Frame[], upTo: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const f of frames) for (const e of f.events) if (e.t <= upTo) out.set(e.seq, JSON.stringify(e));
  return out;
}

type Input = { kind: 'tick'; ms: number } | { kind: 'step' } | { kind: 'publish'; i: number } | { kind: 'consumer'; i: number; action: 'pause' | 'resume' | 'kill-connection' } | { kind: 'producer'; i: number; action: 'start' | 'stop' };

const input: fc.Arbitrary<Input> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('step' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('publish' as const), i: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('consumer' as const), i: fc.nat(), action: fc.constantFrom('pause' as const, 'resume' as const, 'kill-connection' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('producer' as const), i: fc.nat(), action: fc.constantFrom('start' as const, 'stop' as const) }) },
);

function command(doc: ScenarioDocument, x: Input): Command[] {
  const of = (kind: string, i: number) => {
    const ids = doc.nodes.filter((n) => n.kind === kind).map((n) => n.id);
    return ids.length ? ids[i % ids.length] : null;
  };
  switch (x.kind) {
    case 'tick':
      return [{ type: 'play' }, { type: 'tick', wallMs: x.ms }];
    case 'step':
      return [{ type: 'step' }];
    case 'publish': {
      const p = of('producer', x.i);
      return p ? [{ type: 'publish', producer: p }] : [];
    }
    case 'consumer': {
      const c = of('consumer', x.i);
      return c ? [{ type: 'consumer', consumer: c, action: x.action }] : [];
    }
    case 'producer': {
      const p = of('producer', x.i);
      return p ? [{ type: 'producer', producer: p, action: x.action }] : [];
    }
  }
}

/** Plays on (with ticks that land exactly on `end`), then lets every held event out. */
async function playTo(d: ReturnType<typeof driver>, end: number): Promise<void> {
  d.send({ type: 'play' });
  for (;;) {
    await d.done();
    const now = d.last().t;
    if (now >= end || d.problems.length) break;
    d.send({ type: 'tick', wallMs: Math.min(100, end - now) });
  }
  // A tick lets held steps out; pausing lets out what the log gate held (log-gate.ts).
  d.send({ type: 'tick', wallMs: 0 });
  d.send({ type: 'pause' });
  await d.done();
}

/** Every preset, and random documents (their producers slowed down, so a run stays small); at 1× speed. */
const documents: fc.Arbitrary<ScenarioDocument> = fc.oneof(
  fc.constantFrom(...PRESETS.map((p) => p.doc)),
  arbitraryScenario,
).map((doc) => ({
    ...doc,
    settings: { ...doc.settings, speed: 1 },
    nodes: doc.nodes.map((n) => (n.kind === 'producer' ? { ...n, config: { ...n.config, rate: Math.min(n.config.rate, 50) } } : n)),
  }));

describe('time travel', () => {
  it('justBefore gives the next smaller number', () => {
    expect(justBefore(1)).toBeLessThan(1);
    expect(1 - justBefore(1)).toBe(Number.EPSILON / 2);
    expect(justBefore(0)).toBeLessThan(0);
  });

  it('going back to any instant or event and running on gives the same trace as running straight through', async () => {
    await fc.assert(
      fc.asyncProperty(
        documents,
        fc.array(input, { minLength: 1, maxLength: 25 }),
        fc.oneof(fc.record({ back: fc.integer({ min: 1, max: 20 }) }), fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }) })),
        async (doc, inputs, go) => {
          // Some random documents cannot run (a problem the user is told about): nothing to compare.
          const ok = await Simulation.create(doc).then(async (s) => s.advance(3_000).then(() => true), () => false).catch(() => false);
          fc.pre(ok);
          const straight = driver(doc);
          const travelled = driver(doc);
          for (const x of inputs) {
            for (const c of command(doc, x)) {
              straight.send(c);
              travelled.send(c);
            }
          }
          await straight.done();
          await travelled.done();
          fc.pre(!straight.problems.length);
          const reached = travelled.last().t;
          // A Step jumps to the next event, which can be hours away (an x-expires, a long processing
          // time): playing on from there at 100 ms a tick would take minutes; such runs are skipped.
          fc.pre(reached <= 60_000);
          // Go back: by steps, or to an instant of the run so far.
          if ('back' in go) {
            for (let i = 0; i < go.back; i++) travelled.send({ type: 'step-back' });
          } else {
            travelled.send({ type: 'seek', t: go.at * reached });
          }
          await travelled.done();
          const sought = travelled.last();
          expect(sought.t).toBeLessThanOrEqual(reached);
          // Then run both on to the same instant.
          const end = reached + 1_500;
          await playTo(straight, end);
          await playTo(travelled, end);
          // Some random documents stop the run with a problem (reported to the user); nothing to compare then.
          fc.pre(!straight.problems.length);
          expect(travelled.problems).toEqual([]);
          // Both ran to `end`, in other slices: the same instant but for the last bit of a float.
          expect(Math.abs(travelled.last().t - straight.last().t)).toBeLessThan(1e-6);
          expect(travelled.last().counters).toEqual(straight.last().counters);
          const a = bySeq(straight.frames, end);
          const b = bySeq(travelled.frames, end);
          expect([...b.keys()].sort((x, y) => x - y)).toEqual([...a.keys()].sort((x, y) => x - y));
          for (const [seq, e] of b) expect(e).toBe(a.get(seq));
        },
      ),
      // a fixed seed: the same cases every run, so the suite's time does not vary (seeds 1–30 pass with 30 runs each)
      { numRuns: 12, seed: 1919 },
    );
  }, 300_000);

  it('a step back shows the event before, with the log up to it', async () => {
    const doc = PRESETS.find((p) => p.id === 'work-queues')!.doc;
    const d = driver(doc);
    for (let i = 0; i < 30; i++) d.send({ type: 'step' });
    await d.done();
    const shown: TraceEvent[] = d.frames.flatMap((f) => f.events);
    const counters = d.frames.map((f) => f.counters);
    d.send({ type: 'step-back' });
    await d.done();
    const back = d.last();
    expect(back.travel?.sought).toBe(true);
    expect(back.events.at(-1)).toEqual(shown.at(-2));
    expect(back.events).toEqual(shown.slice(0, -1));
    // The counters it showed when it stepped onto that event.
    expect(back.counters).toEqual(counters[counters.length - 2]);
    d.send({ type: 'step' });
    await d.done();
    expect(d.last().events).toEqual([shown.at(-1)]);
  });
});

describe('lesson checkpoints on the scrubber', () => {
  it('marks the instant a lesson step\'s counter check is first met, once, and going there shows it met', async () => {
    const doc = PRESETS.find((p) => p.id === 'ttl-dlx')!.doc;
    const step = doc.lesson!.steps.findIndex((s) => s.check?.kind === 'counter');
    const check = doc.lesson!.steps[step].check as { kind: 'counter'; node: string; atLeast: number };
    const d = driver(doc);
    await playTo(d, 20_000);
    const marks = d.frames.flatMap((f) => f.travel?.marks ?? []).filter((m) => m.kind === 'lesson');
    const latest = d.frames.findLast((f) => f.travel?.marks)!.travel!.marks!.filter((m) => m.kind === 'lesson');
    expect(latest).toHaveLength(1);
    expect(marks[0]).toMatchObject({ kind: 'lesson', step });
    const at = latest[0];
    // the first frame whose counters met the check is the mark's
    const first = d.frames.find((f) => (f.counters[check.node]?.deadLettered ?? 0) >= check.atLeast)!;
    expect(at.t).toBe(first.t);
    d.send({ type: 'seek', t: at.t, seq: at.seq });
    await d.done();
    expect(d.last().counters[check.node].deadLettered).toBeGreaterThanOrEqual(check.atLeast);
  });
});

describe('every preset', () => {
  it.each(PRESETS.map((p) => [p.id, p.doc] as const))('%s: steps back, scrubs back and runs on as it ran straight through', async (_id, doc) => {
    const straight = driver(doc);
    const travelled = driver(doc);
    await playTo(straight, 6_000);
    await playTo(travelled, 4_000);
    for (let i = 0; i < 3; i++) travelled.send({ type: 'step-back' });
    await travelled.done();
    expect(travelled.last().travel?.sought).toBe(true);
    travelled.send({ type: 'seek', t: 1_500 });
    await travelled.done();
    expect(travelled.last().t).toBe(1_500);
    await playTo(travelled, 6_000);
    expect(travelled.problems).toEqual(straight.problems);
    expect(travelled.last().counters).toEqual(straight.last().counters);
    const a = bySeq(straight.frames, 6_000);
    const b = bySeq(travelled.frames, 6_000);
    expect(b).toEqual(a);
  });
});

describe('an edit at a past instant', () => {
  const doc = PRESETS.find((p) => p.id === 'fair-dispatch')!.doc;
  const slow = doc.nodes.find((n) => n.kind === 'consumer')!;
  const edited: ScenarioDocument = { ...doc, nodes: doc.nodes.map((n) => (n.id === slow.id && n.kind === 'consumer' ? { ...n, config: { ...n.config, prefetch: n.config.prefetch === 1 ? 5 : 1 } } : n)) };

  it('starts a new branch there: the run goes on as if the edit had been made at that instant; undoing it brings the old future back', async () => {
    const straight = driver(doc);
    await playTo(straight, 6_000);
    // the same edit made live at 2 s
    const live = driver(doc);
    await playTo(live, 2_000);
    const liveFrom = live.frames.length;
    live.send({ type: 'edit', doc: edited });
    await live.done();
    await playTo(live, 6_000);
    const liveTrace = bySeq(live.frames.slice(liveFrom), 6_000);
    expect(bySeq(live.frames, 6_000)).not.toEqual(bySeq(straight.frames, 6_000));
    // played to 6 s, back to 2 s, edited there
    const d = driver(doc);
    await playTo(d, 6_000);
    d.send({ type: 'seek', t: 2_000 });
    await d.done();
    const from = d.frames.length;
    d.send({ type: 'edit', doc: edited });
    await d.done();
    expect(d.last().travel?.branched).toBe(2_000);
    expect(d.last().travel?.furthest).toBe(2_000);
    await playTo(d, 6_000);
    // from the edit on, the same events as the edit made live
    expect(bySeq(d.frames.slice(from), 6_000)).toEqual(liveTrace);
    expect(d.last().counters).toEqual(live.last().counters);
    // undo: the old future, as it was
    d.send({ type: 'unbranch' });
    await d.done();
    expect(d.last().t).toBe(2_000);
    expect(d.last().travel?.furthest).toBe(6_000);
    await playTo(d, 6_000);
    expect(d.last().counters).toEqual(straight.last().counters);
  });
});
