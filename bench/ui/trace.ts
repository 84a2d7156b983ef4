/**
 * CPU time per thread from a Chrome trace (the `tdur` of top-level tasks), so a measurement on a
 * loaded, shared machine still says how much work each thread did, not only how late it ran.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface ThreadCpu {
  thread: string;
  /** CPU ms per wall second of the trace. */
  cpuPerSecond: number;
  /** Wall ms per wall second (includes time preempted by other processes). */
  wallPerSecond: number;
}

export function threadCpu(path: string): { seconds: number; threads: ThreadCpu[]; mainTaskCpuMax: number; mainTasksOver50Cpu: number } {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(data) ? data : (data.traceEvents ?? []);
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  let t0 = Infinity;
  let t1 = 0;
  const cpu = new Map<string, { cpu: number; wall: number }>();
  let mainTaskCpuMax = 0;
  let mainTasksOver50Cpu = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    t0 = Math.min(t0, e.ts);
    t1 = Math.max(t1, e.ts + (e.dur ?? 0));
    const thread = names.get(`${e.pid}:${e.tid}`) ?? String(e.tid);
    const a = cpu.get(thread) ?? { cpu: 0, wall: 0 };
    a.cpu += e.tdur ?? 0;
    if (thread === 'CrRendererMain') {
      const ms = (e.tdur ?? 0) / 1000;
      mainTaskCpuMax = Math.max(mainTaskCpuMax, ms);
      if (ms > 50) mainTasksOver50Cpu++;
    }
    a.wall += e.dur ?? 0;
    cpu.set(thread, a);
  }
  const seconds = (t1 - t0) / 1e6;
  const threads = [...cpu]
    .map(([thread, a]) => ({ thread, cpuPerSecond: a.cpu / 1000 / seconds, wallPerSecond: a.wall / 1000 / seconds }))
    .filter((t) => t.cpuPerSecond >= 5)
    .sort((a, b) => b.cpuPerSecond - a.cpuPerSecond);
  return { seconds, threads, mainTaskCpuMax, mainTasksOver50Cpu };
}
