/** Canvas names for the log and the message inspector: channel → producer/consumer name. */
import { useMemo } from 'react';
import { useDocument } from '../../store/document';
import { useSimulation } from '../../store/simulation';
import type { Names } from './describe';

export function useNodeNames(): Map<string, string> {
  const nodes = useDocument((s) => s.doc.nodes);
  return useMemo(() => new Map(nodes.flatMap((n) => (n.kind === 'note' ? [] : [[n.id, n.config.name] as const]))), [nodes]);
}

export function useNames(): Names {
  const byId = useNodeNames();
  const channels = useSimulation((s) => s.map.channels);
  return useMemo(() => ({ channel: (ch: number) => byId.get(channels[ch] ?? '') }), [byId, channels]);
}
