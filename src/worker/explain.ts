/**
 * Answers "why did this message go where it went": its events from the trace, with a route
 * explanation (every binding, matched or not, and why) for each time it passed an exchange.
 * Formatting into sentences is the UI's job, in the reader's language.
 */
import type { RouteExplanation } from '../engine';
import type { Explanation } from './protocol';
import type { Simulation } from './simulation';

export function explainMessage(sim: Simulation, requestId: number, messageId: number): Explanation {
  const events = sim.history.eventsOf(messageId);
  const routes: Record<number, RouteExplanation> = {};
  const details = sim.history.details(messageId);
  for (const e of events) {
    if (e.type !== 'routed') continue;
    // A published message routes by its key; a dead-lettered copy by the keys it was dead-lettered with.
    const published = events.find((p) => p.type === 'published' && p.id === e.id);
    const origin = sim.history.originOf(e.id);
    const key = published?.type === 'published' ? published.routingKey : (origin?.routingKeys[0] ?? '');
    const headers = sim.history.details(e.id)?.properties.headers as Record<string, unknown> | undefined;
    routes[e.seq] = sim.broker.explainRoute(e.vhost, e.exchange, key, headers);
  }
  return {
    type: 'explanation',
    requestId,
    messageId,
    events,
    routes,
    ...(details ? { details } : {}),
    // Its beginning is known when its publish, or the dead-lettering that made it, is still held.
    truncated: !events.some((e) => (e.type === 'published' && e.id === messageId) || (e.type === 'dead-lettered' && e.newId === messageId)),
  };
}
