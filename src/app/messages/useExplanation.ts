/**
 * The worker's explanation of one message, refreshed while the message still has things
 * happening to it (new events in the log), at most a few times a second.
 */
import { useEffect, useState } from 'react';
import { simulationStore } from '../../store/simulation';
import type { Explanation } from '../../worker/protocol';
import { simulation } from '../sim/bridge';

const REFRESH_MS = 400;

export function useExplanation(id: number | null): Explanation | null {
  const [exp, setExp] = useState<Explanation | null>(null);
  useEffect(() => {
    if (id === null) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let known = new Set<number>([id]);
    const ask = () => {
      timer = undefined;
      void simulation()
        .explain(id)
        .then((e) => {
          if (!alive) return;
          known = new Set([id, ...e.events.map((x) => ('id' in x ? x.id : -1))]);
          setExp(e);
        });
    };
    setExp(null);
    ask();
    const lastOf = (log: { seq: number }[]) => (log.length ? log[log.length - 1].seq : -1);
    let seen = lastOf(simulationStore.getState().log);
    const off = simulationStore.subscribe((s, prev) => {
      if (s.log === prev.log) return;
      // Only when something new happened to this message or one of its dead-lettered copies.
      let fresh = false;
      for (let i = s.log.length - 1; i >= 0 && s.log[i].seq > seen; i--) {
        const e = s.log[i];
        if ('id' in e && known.has(e.id)) fresh = true;
      }
      seen = lastOf(s.log);
      if (fresh && !timer) timer = setTimeout(ask, REFRESH_MS);
    });
    return () => {
      alive = false;
      off();
      if (timer) clearTimeout(timer);
    };
  }, [id]);
  return exp;
}
