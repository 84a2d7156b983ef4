/**
 * The publish form's state → the management API's publish request, checked as the management UI
 * checks it before sending (a header's number, a priority); the broker checks the rest.
 */
import type { HeaderRow, PublishProperties } from '../../worker/management-protocol';

/** Text properties the form offers, by their AMQP names (as the management UI lists them). */
export const TEXT_PROPERTIES = ['content_type', 'content_encoding', 'correlation_id', 'reply_to', 'expiration', 'message_id', 'type', 'user_id', 'app_id'] as const;
export type TextProperty = (typeof TEXT_PROPERTIES)[number];

export interface PublishDraft {
  deliveryMode: 1 | 2;
  text: Partial<Record<TextProperty, string>>;
  priority: string;
  timestamp: string;
  headers: HeaderRow[];
}

export const emptyDraft = (): PublishDraft => ({ deliveryMode: 1, text: {}, priority: '', timestamp: '', headers: [{ key: '', value: '', type: 'string' }] });

/** What is wrong with the draft, as a key of the `management` namespace and its values. */
export type DraftProblem = { key: 'headerNumber' | 'headerBoolean' | 'priority' | 'timestamp'; name?: string };

export function propertiesOf(d: PublishDraft): { ok: true; properties: PublishProperties } | { ok: false; problem: DraftProblem } {
  const p: PublishProperties = { delivery_mode: d.deliveryMode };
  for (const name of TEXT_PROPERTIES) {
    const v = d.text[name]?.trim();
    if (v) p[name] = v;
  }
  if (d.priority.trim()) {
    const n = Number(d.priority);
    if (!Number.isInteger(n) || n < 0 || n > 255) return { ok: false, problem: { key: 'priority' } };
    p.priority = n;
  }
  if (d.timestamp.trim()) {
    const n = Number(d.timestamp);
    if (!Number.isInteger(n) || n < 0) return { ok: false, problem: { key: 'timestamp' } };
    p.timestamp = n;
  }
  const headers: Record<string, string | number | boolean> = {};
  for (const h of d.headers) {
    const key = h.key.trim();
    if (!key) continue;
    if (h.type === 'number') {
      const n = Number(h.value);
      if (h.value.trim() === '' || !Number.isFinite(n)) return { ok: false, problem: { key: 'headerNumber', name: key } };
      headers[key] = n;
    } else if (h.type === 'boolean') {
      if (h.value !== 'true' && h.value !== 'false') return { ok: false, problem: { key: 'headerBoolean', name: key } };
      headers[key] = h.value === 'true';
    } else headers[key] = h.value;
  }
  if (Object.keys(headers).length) p.headers = headers;
  return { ok: true, properties: p };
}
