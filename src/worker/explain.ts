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
  const headers = details?.properties.headers as Record<string, unknown> | undefined;
  for (const e of events) {
    if (e.type !== 'routed') continue;
    const published = events.find((p) => p.type === 'published' && p.id === e.id);
    const key = published?.type === 'published' ? published.routingKey : '';
    routes[e.seq] = sim.broker.explainRoute(e.vhost, e.exchange, key, headers);
  }
  return {
    type: 'explanation',
    requestId,
    messageId,
    events,
    routes,
    ...(details ? { details } : {}),
    truncated: !events.some((e) => e.type === 'published'),
  };
}
