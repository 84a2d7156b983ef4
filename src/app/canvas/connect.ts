/** Connecting nodes by dragging handles: the document decides, through canConnect. */
import type { Connection, FinalConnectionState } from '@xyflow/react';
import i18n from '../i18n';
import { canConnect, type ConnectionVerdict } from '../../scenario/connections';
import { uniqueId } from '../../scenario/factory';
import type { ScenarioDocument, ScenarioEdge } from '../../scenario/schema';
import { dispatch, getDoc } from '../../store/document';
import { notify, select } from '../../store/ui';

/** The refusal in the interface language; canConnect's English text is the fallback. */
export function refusalText(doc: ScenarioDocument, source: string, target: string, verdict: Extract<ConnectionVerdict, { ok: false }>): string {
  const s = doc.nodes.find((n) => n.id === source);
  const tg = doc.nodes.find((n) => n.id === target);
  if (!s || !tg) return verdict.reason;
  let key = `refusal.${s.kind}>${tg.kind}`;
  if (s.id === tg.id) key = 'refusal.self';
  else if (s.kind === 'consumer') key = 'refusal.consumer>*';
  else if (s.kind === 'note' || tg.kind === 'note') key = 'refusal.note';
  else if (s.kind === 'producer' && (tg.kind === 'exchange' || tg.kind === 'queue')) key = 'refusal.alreadyPublishes';
  else if (s.kind === 'queue' && tg.kind === 'consumer') key = 'refusal.alreadyConsumes';
  const name = (n: typeof s) => (n.kind === 'note' ? '' : n.config.name);
  return i18n.t(`editor:${key}`, { defaultValue: verdict.reason, source: name(s), target: name(tg) });
}

function newEdge(doc: ScenarioDocument, kind: ScenarioEdge['kind'], source: string, target: string): ScenarioEdge {
  const id = uniqueId(doc, 'e');
  if (kind !== 'binding') return { id, kind, source, target };
  const exchange = doc.nodes.find((n) => n.id === source);
  const headers = exchange?.kind === 'exchange' && exchange.config.type === 'headers';
  return { id, kind, source, target, bindingKey: '', arguments: headers ? { 'x-match': 'all' } : {} };
}

/** Try to connect; on refusal tell the user why. Returns the id of the edge added, or null. */
export function connectNodes(source: string, target: string): string | null {
  const doc = getDoc();
  const verdict = canConnect(doc, source, target);
  if (!verdict.ok) {
    notify('error', refusalText(doc, source, target, verdict));
    return null;
  }
  const edge = newEdge(doc, verdict.kind, source, target);
  dispatch({ type: 'add-edge', edge });
  select([], [edge.id]);
  return edge.id;
}

export const isValidConnection = (c: Connection | { source: string; target: string }): boolean =>
  canConnect(getDoc(), c.source, c.target).ok;

export const onConnect = (c: Connection): void => void connectNodes(c.source, c.target);

/**
 * A drag that ended anywhere but on a valid handle: if it ended over a node, connect to it (a node's
 * body is a big target) or explain why not. Dropping on empty canvas just cancels.
 */
export function onConnectEnd(event: MouseEvent | TouchEvent, state: FinalConnectionState): void {
  if (state.isValid || !state.fromNode) return;
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  const under = point ? document.elementFromPoint(point.clientX, point.clientY) : null;
  const toId = state.toNode?.id ?? under?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
  if (!toId) return;
  const fromTarget = state.fromHandle?.type === 'target';
  const [source, target] = fromTarget ? [toId, state.fromNode.id] : [state.fromNode.id, toId];
  connectNodes(source, target);
}
