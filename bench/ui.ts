/**
 * UI benchmark (DESIGN.md "Budgets"): a heavy scenario with ~5,000 messages in flight at 10× speed
 * in headless Chromium at 1280×800 must hold a steady 60 fps (frame time p95 ≤ 17 ms) with no
 * main-thread task over 50 ms, a click on a node must show its inspector within 100 ms, and the
 * initial JavaScript must stay ≤ 300 kB gzipped. Scenarios (bench/ui/scenarios.ts): `blocks` (60
 * nodes in six blocks) and `fanout` (4 producers → fanout → 29 queues → 29 consumers).
 *
 * What it does: builds the app (into its own folder, so it never races the e2e suite's dist/),
 * serves it with `vite preview` on a free port, seeds the generated scenario (bench/ui/scenario.ts)
 * through the autosave in localStorage, presses Play, lets the run settle, then records for
 * `seconds`: frame times from requestAnimationFrame deltas, long tasks and long animation frames
 * from PerformanceObservers, the message layer's `data-in-flight` (marks moving along edges) and
 * `data-t` (the virtual time drawn, whose rate against wall time is the speed the worker
 * achieved). During the window it clicks three queues, as a person would (real mouse events), and
 * times each click to its inspector: the Event Timing API's duration of the interaction (input to
 * the next paint after its handlers) and the time until a frame shows the queue's inspector.
 *
 * `--cpu-throttle N` slows the page's main thread with CDP `Emulation.setCPUThrottlingRate` and the
 * two workers (engine, message layer) by `?throttle-workers=N` (src/worker/slowdown.ts), because
 * Chromium refuses CDP CPU throttling on worker targets.
 *
 * `npm run bench` calls `measureUi` for each scenario, with and without a 4× slower CPU;
 * `tsx bench/ui.ts [--scenario blocks|fanout] [--seconds 10] [--rate 85] [--reuse] [--no-clicks]
 * [--profile out.cpuprofile] [--no-minify] [--cpu-throttle 4] [--worker-throttle N] [--json]` runs one
 * alone (`--worker-throttle 1` slows the page alone, to tell the page's own cost from the CPU the
 * workers take from it).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { chromium } from '@playwright/test';
import { UI_SCENARIOS, type UiScenarioName } from './ui/scenarios';
import { threadCpu } from './ui/trace';
import { INITIAL_JS_BUDGET_KB, initialJs } from '../scripts/vite-js-budget';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The benchmark's own build, apart from dist/ (which the e2e suite builds and serves). */
const OUT_DIR = join(ROOT, 'node_modules/.cache/warren-bench-ui', createHash('sha1').update(ROOT).digest('hex').slice(0, 10));
const AUTOSAVE_KEY = 'warren.autosave';

export const UI_BUDGETS = { frameP95Ms: 17, longestTaskMs: 50, clickToInspectorMs: 100, jsInitialGzipKb: INITIAL_JS_BUDGET_KB, inFlight: 5000 } as const;

export interface UiOptions {
  /** Which heavy scenario (bench/ui/scenarios.ts; default `blocks`). */
  scenario?: UiScenarioName;
  /** Click queues during the window and time their inspector (default true). */
  clicks?: boolean;
  /** Seconds recorded after warm-up (default 10). */
  seconds?: number;
  /** Same, in ms (bench/ui-hook.ts's name for it). */
  durationMs?: number;
  /** Target messages in flight (default 5,000): scales the producers' rate. */
  inFlight?: number;
  /** Nodes on the canvas: the generated scenario always has 60. */
  nodes?: number;
  /** Seconds of playing before recording starts (default 3). */
  warmup?: number;
  /** Messages per virtual second per producer (default: the scenario's, tuned for ~5,000 in flight). */
  rate?: number;
  speed?: number;
  /** Skip `vite build` when the benchmark's build is newer than every source file. */
  reuse?: boolean;
  /** Build without minifying, so a profile names the app's own functions. */
  noMinify?: boolean;
  /** Write a main-thread CPU profile of the recorded window here (Chrome DevTools format). */
  profile?: string;
  /** Save a screenshot of the page at the end of the recording here. */
  screenshot?: string;
  /** Write a Chrome trace (devtools.timeline) of the recorded window here. */
  trace?: string;
  /** Slow the CPU this many times: the page by CDP Emulation.setCPUThrottlingRate, the workers by stretching their tasks (src/worker/slowdown.ts). */
  cpuThrottle?: number;
  /** The workers' own slow-down, when it should differ from the page's (a diagnosis: 1 slows the page alone). */
  workerThrottle?: number;
  chromium?: string;
  log?: (line: string) => void;
}

export interface ClickTiming {
  queue: string;
  /** Event Timing: the longest entry of the click's interaction (pointerdown … click), in ms; 0 when under the API's 16 ms floor. */
  eventMs: number;
  /** From the pointer going down to the end of the first frame that shows the queue's inspector; -1 if it never did. */
  paintedMs: number;
}

export interface UiResult {
  scenario: UiScenarioName;
  scenarioLabel: string;
  /** Clicks on queues during the window and how long each took to show the inspector. */
  clicks: ClickTiming[];
  /** The slowest click: the larger of its two measures. */
  clickMaxMs: number;
  /** Long animation frames (over 50 ms) and the longest, and its blocking part. */
  loafs: number;
  loafMaxMs: number;
  loafMaxBlockingMs: number;
  /** bench/ui-hook.ts's names for the same figures. */
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  inFlight: number;
  framesP50: number;
  framesP95: number;
  framesMax: number;
  /** Frames recorded. */
  frames: number;
  longTasks: number;
  longestTaskMs: number;
  inFlightMedian: number;
  inFlightMin: number;
  /** Messages parked at consumers (being processed), median. */
  parkedMedian: number;
  nodes: number;
  speed: number;
  /** Virtual ms drawn per wall ms over the window: the speed the worker kept up. */
  achievedSpeed: number;
  /** Trace events per second of wall time that reached the page. */
  eventsPerSecond: number;
  /** The message layer's own frames (drawn in the render worker where it runs): count and lengths in ms, to the nearest ms. */
  renderFrames: number;
  renderP50Ms: number;
  renderP95Ms: number;
  renderMaxMs: number;
  renderOffMainThread: boolean;
  /** Of those, frames in which the marks could not move (the drawn time had caught up with what the engine had sent). */
  renderStalled: number;
  jsInitialGzipKb: number;
  /** The workers' chunks (engine, message layer), loaded at start-up but run off the main thread (not part of the budget). */
  jsWorkerGzipKb: number;
  loadAvg: number[];
  cpus: number;
  cpuThrottle?: number;
  /** The workers' slow-down (1: not slowed). */
  workerThrottle?: number;
}

/** Newest modification time under a folder (sources that go into the build). */
function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    m = Math.max(m, newest(join(path, name)));
  }
  return m;
}

async function buildApp(reuse: boolean, minify: boolean, log: (l: string) => void): Promise<void> {
  const index = join(OUT_DIR, 'index.html');
  // A build without minifying (for profiles) is never reused as the measured one.
  const unminified = join(OUT_DIR, 'unminified');
  if (reuse && minify && existsSync(index) && !existsSync(unminified)) {
    const src = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'index.html')), newest(join(ROOT, 'public')));
    if (statSync(index).mtimeMs > src) {
      log('ui: reusing the benchmark build');
      return;
    }
  }
  log('ui: vite build …');
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true, minify } });
  if (!minify) writeFileSync(unminified, '');
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Gzipped kB of the JavaScript index.html loads before the first render, and of the worker chunks (engine, message layer). */
export function initialJsGzipKb(outDir = OUT_DIR): { initial: number; worker: number; files: string[] } {
  // The same measure as the build's budget (scripts/vite-js-budget.ts).
  const files = initialJs(outDir);
  const initial = files.reduce((sum, f) => sum + f.kb, 0);
  const gz = (file: string) => gzipSync(readFileSync(join(outDir, file))).byteLength / 1024;
  const assets = readdirSync(join(outDir, 'assets'));
  const worker = assets.filter((f) => /worker.*\.js$/.test(f)).reduce((s, f) => s + gz(`assets/${f}`), 0);
  return { initial, worker, files: files.map((f) => f.file) };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * p) - 1)] : 0;
};

/** Percentiles of frame lengths counted in 1 ms bins (render/protocol.ts FRAME_BINS; the last bin is "that long or longer"). */
export function binStats(bins: number[]): { frames: number; p50: number; p95: number; max: number } {
  const frames = bins.reduce((a, b) => a + b, 0);
  const at = (p: number) => {
    let seen = 0;
    for (let ms = 0; ms < bins.length; ms++) {
      seen += bins[ms];
      if (seen >= Math.ceil(frames * p)) return ms;
    }
    return 0;
  };
  let max = 0;
  bins.forEach((n, ms) => n > 0 && (max = ms));
  return { frames, p50: frames ? at(0.5) : 0, p95: frames ? at(0.95) : 0, max };
}

/** Measures the UI; throws when it cannot run here (no Chromium, a failed build). */
export async function measureUi(opts: UiOptions = {}): Promise<UiResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const exe = opts.chromium ?? process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(exe)) throw new Error(`no Chromium at ${exe} (set WARREN_CHROMIUM)`);
  const scenarioName = opts.scenario ?? 'blocks';
  const scenario: (typeof UI_SCENARIOS)[UiScenarioName] = UI_SCENARIOS[scenarioName];
  const seconds = opts.seconds ?? (opts.durationMs !== undefined ? opts.durationMs / 1000 : 10);
  const rate = opts.rate ?? (opts.inFlight !== undefined ? (scenario.rateFor5000 * opts.inFlight) / 5000 : undefined);
  const warmup = opts.warmup ?? 3;
  const speed = opts.speed ?? 10;
  await buildApp(opts.reuse ?? false, !opts.noMinify, log);
  const js = initialJsGzipKb();

  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({ root: ROOT, logLevel: 'error', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port, strictPort: true } });
  const browser = await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const doc = scenario.build({ rate, speed });
    if (opts.nodes !== undefined && opts.nodes !== doc.nodes.length) log(`ui: the ${scenarioName} scenario has ${doc.nodes.length} nodes (asked ${opts.nodes})`);
    // tsx (esbuild keepNames) wraps functions in `__name(…)`; functions sent to the page need it too.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.addInitScript(
      ([key, text]) => {
        // Only on the first load of this page: the app's own autosave may overwrite it later.
        if (!sessionStorage.getItem('bench.seeded')) {
          localStorage.setItem(key, text);
          sessionStorage.setItem('bench.seeded', '1');
        }
      },
      [AUTOSAVE_KEY, JSON.stringify(doc)] as const,
    );
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // The workers learn the slow-down from the page's address (src/app/sim/workerName.ts).
    const workerRate = opts.workerThrottle ?? opts.cpuThrottle;
    const throttle = workerRate && workerRate > 1 ? workerRate : 0;
    await page.goto(`http://127.0.0.1:${port}/${throttle ? `?throttle-workers=${throttle}` : ''}`);
    const layer = page.getByTestId('message-layer');
    await layer.waitFor({ state: 'attached' });
    await page.locator('.react-flow__node').nth(doc.nodes.length - 1).waitFor();
    const nodes = await page.locator('.react-flow__node').count();

    // Play, as a person would: the transport bar's button.
    await page.getByRole('button', { name: 'Play', exact: true }).first().click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="message-layer"]')?.getAttribute('data-t')) > 0, null, { timeout: 15_000 });
    await page.waitForTimeout(warmup * 1000);

    // Where the queues to click are (the view does not move while the run plays).
    const targets: { queue: string; x: number; y: number }[] = [];
    if (opts.clicks ?? true) {
      for (const queue of scenario.clickQueues) {
        const box = await page.locator(`.react-flow__node:has([data-kind="queue"][data-name="${queue}"])`).boundingBox();
        const x = box ? box.x + box.width * 0.4 : -1;
        const y = box ? box.y + box.height * 0.6 : -1;
        // A box outside the viewport (the fit keeps text readable, so a big scenario may not all show) takes no click.
        if (box && x > 0 && y > 0 && x < 1280 && y < 800) targets.push({ queue, x, y });
        else log(`ui: queue ${queue} is not on screen; not clicked`);
      }
    }

    const cdp = opts.profile || opts.cpuThrottle ? await page.context().newCDPSession(page) : null;
    if (cdp && opts.cpuThrottle) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: opts.cpuThrottle });
      await page.waitForTimeout(1000);
    }
    if (cdp && opts.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (opts.trace) await browser.startTracing(page, { path: opts.trace, categories: ['devtools.timeline', ...(process.env.WARREN_TRACE_INVALIDATION ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []), 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'blink', 'cc', 'gpu', 'viz', 'skia'] });
    const loadBefore = loadavg();
    const recording = page.evaluate(async (ms) => {
      const canvas = document.querySelector('[data-testid="message-layer"]') as HTMLCanvasElement;
      const long: number[] = [];
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) long.push(e.duration);
      });
      obs.observe({ type: 'longtask', buffered: false });
      const loafs: { duration: number; blocking: number }[] = [];
      const loafObs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) loafs.push({ duration: e.duration, blocking: (e as PerformanceEntry & { blockingDuration?: number }).blockingDuration ?? 0 });
      });
      try {
        loafObs.observe({ type: 'long-animation-frame', buffered: false });
      } catch {
        /* not in this browser */
      }
      // Clicks: Event Timing entries by interaction, and when a frame first shows the clicked queue's inspector.
      const interactions = new Map<number, { start: number; duration: number }>();
      const eventObs = new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
          if (!e.interactionId) continue;
          const i = interactions.get(e.interactionId) ?? { start: e.startTime, duration: 0 };
          i.start = Math.min(i.start, e.startTime);
          i.duration = Math.max(i.duration, e.duration);
          interactions.set(e.interactionId, i);
        }
      });
      eventObs.observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
      const clicks: { queue: string; down: number; painted: number }[] = [];
      let pending: { queue: string; down: number; painted: number } | null = null;
      const onDown = (e: PointerEvent) => {
        const queue = (e.target as Element | null)?.closest('.react-flow__node')?.querySelector<HTMLElement>('[data-kind="queue"]')?.dataset.name;
        if (!queue) return;
        pending = { queue, down: e.timeStamp, painted: -1 };
        clicks.push(pending);
      };
      window.addEventListener('pointerdown', onDown, true);
      const shown = (queue: string) => document.querySelector('[data-testid="inspector"] [data-inspector="queue"] h2')?.textContent === queue;
      const frames: number[] = [];
      const inFlight: number[] = [];
      const parked: number[] = [];
      const read = () => ({ t: Number(canvas.dataset.t), w: performance.now() });
      const bins = () => (canvas.dataset.frameBins ?? '').split(',').map(Number);
      const bins0 = bins();
      const stalled0 = Number(canvas.dataset.stalled ?? 0);
      const start = read();
      let events0 = Number(canvas.dataset.events ?? 0);
      await new Promise<void>((done) => {
        let last = 0;
        let sampled = 0;
        const end = performance.now() + ms;
        const loop = (now: number) => {
          // The clicked queue's inspector is in the DOM at this frame: the frame ends after its paint.
          if (pending && shown(pending.queue)) {
            const c = pending;
            pending = null;
            setTimeout(() => (c.painted = performance.now() - c.down), 0);
          }
          if (last) frames.push(now - last);
          last = now;
          if (now - sampled >= 200) {
            sampled = now;
            inFlight.push(Number(canvas.dataset.inFlight));
            parked.push(Number(canvas.dataset.parked ?? 0));
          }
          if (now < end) requestAnimationFrame(loop);
          else done();
        };
        requestAnimationFrame(loop);
      });
      const stop = read();
      const renderBins = bins().map((n, i) => n - (bins0[i] ?? 0));
      const stalled = Number(canvas.dataset.stalled ?? 0) - stalled0;
      events0 = Number(canvas.dataset.events ?? 0) - events0;
      // Let the observer deliver what the last frames produced.
      await new Promise((r) => setTimeout(r, 100));
      obs.disconnect();
      loafObs.disconnect();
      eventObs.disconnect();
      window.removeEventListener('pointerdown', onDown, true);
      const timed = clicks.map((c) => {
        let eventMs = 0;
        for (const i of interactions.values()) if (Math.abs(i.start - c.down) < 2) eventMs = Math.max(eventMs, i.duration);
        return { queue: c.queue, eventMs, paintedMs: c.painted < 0 ? -1 : Math.round(c.painted) };
      });
      return {
        clicks: timed,
        loafs,
        frames,
        long,
        inFlight,
        parked,
        achieved: (stop.t - start.t) / (stop.w - start.w),
        events: events0,
        wall: stop.w - start.w,
        renderBins,
        stalled,
        offMainThread: canvas.dataset.offMainThread === 'true',
      };
    }, seconds * 1000);
    // Clicks spread over the window, while it records: a person picking queues as the run plays.
    for (let k = 0; k < targets.length; k++) {
      await page.waitForTimeout((seconds * 1000) / (targets.length + 1));
      await page.mouse.click(targets[k].x, targets[k].y);
    }
    const rec = await recording;
    const loadAfter = loadavg();
    if (opts.screenshot) await page.screenshot({ path: opts.screenshot });
    if (cdp && opts.profile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(opts.profile, JSON.stringify(profile));
      log(`ui: CPU profile of the main thread written to ${opts.profile}`);
    }
    if (opts.trace) {
      await browser.stopTracing();
      log(`ui: trace written to ${opts.trace}`);
      const { threads, mainTaskCpuMax, mainTasksOver50Cpu } = threadCpu(opts.trace);
      log(`ui: CPU ms per second (wall ms): ${threads.map((t) => `${t.thread} ${Math.round(t.cpuPerSecond)} (${Math.round(t.wallPerSecond)})`).join(', ')}`);
      // Load-independent figures: CPU per drawn frame on the main thread, per virtual second in the worker.
      const main = threads.find((t) => t.thread === 'CrRendererMain');
      const worker = threads.find((t) => t.thread.startsWith('DedicatedWorker'));
      const framesPerSecond = rec.frames.length / (rec.wall / 1000);
      log(
        `ui: main thread ${((main?.cpuPerSecond ?? 0) / framesPerSecond).toFixed(2)} ms CPU per frame; ` +
          `worker ${((worker?.cpuPerSecond ?? 0) / rec.achieved).toFixed(1)} ms CPU per virtual second ` +
          `(10× needs ≤ 100; ${Math.round(rec.events / (rec.achieved * rec.wall / 1000))} events per virtual second); ` +
          `longest main-thread task ${mainTaskCpuMax.toFixed(1)} ms of CPU, ${mainTasksOver50Cpu} over 50 ms of CPU`,
      );
    }
    if (pageErrors.length) log(`ui: page errors: ${pageErrors.join(' | ')}`);
    const render = binStats(rec.renderBins);
    const framesP50 = pct(rec.frames, 0.5);
    const framesP95 = pct(rec.frames, 0.95);
    const framesMax = Math.max(...rec.frames);
    const inFlightMedian = pct(rec.inFlight, 0.5);
    const clickMaxMs = rec.clicks.reduce((m, c) => Math.max(m, c.eventMs, c.paintedMs < 0 ? Infinity : c.paintedMs), 0);
    if (rec.clicks.length < targets.length) log(`ui: ${targets.length - rec.clicks.length} of ${targets.length} clicks did not reach a queue`);
    return {
      scenario: scenarioName,
      scenarioLabel: scenario.label,
      clicks: rec.clicks,
      clickMaxMs: rec.clicks.length === targets.length ? clickMaxMs : Infinity,
      loafs: rec.loafs.length,
      loafMaxMs: rec.loafs.reduce((m, l) => Math.max(m, l.duration), 0),
      loafMaxBlockingMs: rec.loafs.reduce((m, l) => Math.max(m, l.blocking), 0),
      frameP50Ms: round1(framesP50),
      frameP95Ms: round1(framesP95),
      frameMaxMs: round1(framesMax),
      inFlight: inFlightMedian,
      framesP50,
      framesP95,
      framesMax,
      frames: rec.frames.length,
      longTasks: rec.long.length,
      longestTaskMs: rec.long.length ? Math.max(...rec.long) : 0,
      inFlightMedian,
      inFlightMin: Math.min(...rec.inFlight),
      parkedMedian: pct(rec.parked, 0.5),
      nodes,
      speed,
      achievedSpeed: rec.achieved,
      eventsPerSecond: (rec.events / rec.wall) * 1000,
      renderFrames: render.frames,
      renderP50Ms: render.p50,
      renderP95Ms: render.p95,
      renderMaxMs: render.max,
      renderOffMainThread: rec.offMainThread,
      renderStalled: rec.stalled,
      jsInitialGzipKb: js.initial,
      jsWorkerGzipKb: js.worker,
      loadAvg: loadBefore.map((l, i) => Math.max(l, loadAfter[i])),
      cpus: cpus().length,
      cpuThrottle: opts.cpuThrottle,
      workerThrottle: throttle || 1,
    };
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.httpServer.close(() => ok()));
  }
}

/**
 * The message layer holds 60 fps when its frames do (p95) and its marks move in all but a few of
 * them (a frame that repeats the last picture is a dropped frame to the eye); no frames at all is
 * a failure to measure, not a pass.
 */
export function renderMeets(r: UiResult): boolean {
  return r.renderFrames > 0 && r.renderP95Ms <= UI_BUDGETS.frameP95Ms && r.renderStalled <= r.renderFrames * 0.05;
}

/** Every budget of one run: the page's frames, the message layer's, long tasks, clicks to the inspector. */
export function uiMeets(r: UiResult): boolean {
  return r.framesP95 <= UI_BUDGETS.frameP95Ms && renderMeets(r) && r.longestTaskMs <= UI_BUDGETS.longestTaskMs && r.clickMaxMs <= UI_BUDGETS.clickToInspectorMs;
}

/** Lines for the report, each figure against its budget. */
export function formatUi(r: UiResult): string[] {
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'OVER');
  const f1 = (x: number) => x.toFixed(1);
  const clicks = r.clicks.map((c) => `${c.queue} ${c.eventMs ? `${c.eventMs}` : '<16'}/${c.paintedMs < 0 ? 'never' : c.paintedMs}`).join(', ');
  return [
    `UI ${r.scenario}: ${r.scenarioLabel}`,
    `  ${r.nodes} nodes, ${r.speed}× speed, headless Chromium 1280×800, ${r.cpus} cores, load ${r.loadAvg.map((l) => l.toFixed(2)).join(' ')}; ` +
      (r.cpuThrottle && r.cpuThrottle > 1
        ? `CPU slowed ${r.cpuThrottle}×: page main thread by CDP Emulation.setCPUThrottlingRate, ` +
          ((r.workerThrottle ?? r.cpuThrottle) > 1
            ? `engine and render workers by stretching each task ${r.workerThrottle ?? r.cpuThrottle}× (src/worker/slowdown.ts; CDP refuses workers)`
            : 'workers NOT slowed (--worker-throttle 1)')
        : 'CPU not slowed'),
    `  ${mark(r.framesP95 <= UI_BUDGETS.frameP95Ms)} page frames (main thread) p50 ${f1(r.framesP50)} ms, p95 ${f1(r.framesP95)} ms (budget ≤ ${UI_BUDGETS.frameP95Ms}), max ${f1(r.framesMax)} ms over ${r.frames} frames`,
    `  ${mark(renderMeets(r))} message layer frames (${r.renderOffMainThread ? 'render worker' : 'main thread'}) p50 ${r.renderP50Ms} ms, p95 ${r.renderP95Ms} ms, max ${r.renderMaxMs} ms over ${r.renderFrames} frames; marks stood still in ${r.renderStalled}`,
    `  ${mark(r.longestTaskMs <= UI_BUDGETS.longestTaskMs)} long tasks ${r.longTasks}, longest ${f1(r.longestTaskMs)} ms (budget: none over ${UI_BUDGETS.longestTaskMs}); long animation frames ${r.loafs}, longest ${f1(r.loafMaxMs)} ms (blocking ${f1(r.loafMaxBlockingMs)})`,
    `  ${r.clicks.length ? mark(r.clickMaxMs <= UI_BUDGETS.clickToInspectorMs) : 'n/a '} click to inspector: slowest ${Number.isFinite(r.clickMaxMs) ? `${Math.round(r.clickMaxMs)} ms` : 'never shown'} (budget ≤ ${UI_BUDGETS.clickToInspectorMs}); per queue Event Timing / painted ms: ${clicks || 'no clicks'}`,
    `  ${mark(r.inFlightMedian >= UI_BUDGETS.inFlight * 0.9)} in flight median ${r.inFlightMedian}, min ${r.inFlightMin} (target ~${UI_BUDGETS.inFlight}); parked at consumers ${r.parkedMedian}; ${Math.round(r.eventsPerSecond).toLocaleString('en')} trace events/s`,
    `  ${mark(r.achievedSpeed >= r.speed * 0.95)} worker achieved ${f1(r.achievedSpeed)}× (asked ${r.speed}×)`,
    `  ${mark(r.jsInitialGzipKb <= UI_BUDGETS.jsInitialGzipKb)} initial JS ${f1(r.jsInitialGzipKb)} kB gzipped (budget ≤ ${UI_BUDGETS.jsInitialGzipKb}); worker chunks ${f1(r.jsWorkerGzipKb)} kB`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const val = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const num = (name: string) => (val(name) === undefined ? undefined : Number(val(name)));
  const result = await measureUi({
    seconds: num('seconds'),
    warmup: num('warmup'),
    rate: num('rate'),
    speed: num('speed'),
    reuse: args.includes('--reuse'),
    noMinify: args.includes('--no-minify'),
    profile: val('profile'),
    trace: val('trace'),
    screenshot: val('screenshot'),
    cpuThrottle: num('cpu-throttle'),
    workerThrottle: num('worker-throttle'),
    scenario: val('scenario') as UiScenarioName | undefined,
    clicks: !args.includes('--no-clicks'),
  });
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  for (const line of formatUi(result)) console.log(line);
}
