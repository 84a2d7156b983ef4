/**
 * Sentences for why a binding did or did not match, in the reader's language. Pure: the caller
 * passes `t` (bound to the `simulation` namespace). Names and keys come out in backticks, which
 * the UI renders as code.
 */
import type { TFunction } from 'i18next';
import type { BindingExplanation, MatchReason } from '../../engine';

type T = TFunction<'simulation'>;

/** A header value as a person would write it: strings bare, everything else as JSON. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '—';
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

const codeList = (keys: string[], t: T): string => keys.map((k) => `\`${k}\``).join(t('match.and'));

/**
 * One binding's verdict. `key` is the routing key the exchange saw; `isDefault` tells a
 * default-exchange "binding" (one per queue) from a direct binding.
 */
export function formatReason(reason: MatchReason, t: T, ctx: { key: string; pattern?: string; isDefault?: boolean }): string {
  const pattern = ctx.pattern ?? '';
  switch (reason.kind) {
    case 'direct-key-equal':
      return t('match.directEqual', { pattern: pattern || reason.key, key: reason.key });
    case 'direct-key-mismatch':
      return t(ctx.isDefault ? 'match.defaultMismatch' : 'match.directMismatch', { expected: reason.expected, actual: reason.actual });
    case 'fanout':
      return t('match.fanout');
    case 'default-exchange':
      return t('match.defaultExchange', { queue: reason.queue });
    case 'topic-match':
      return t('match.topicMatch', { pattern: reason.pattern, key: ctx.key });
    case 'topic-word-mismatch':
      return t(reason.position === 0 ? 'match.topicFirstWord' : 'match.topicWord', {
        pattern,
        n: reason.position + 1,
        actual: reason.actual,
        expected: reason.expected,
      });
    case 'topic-key-too-short':
      return t('match.topicTooShort', { pattern, key: ctx.key, n: reason.position + 1, expected: reason.expected });
    case 'topic-key-too-long':
      return t('match.topicTooLong', { pattern, key: ctx.key, extra: reason.extra });
    case 'topic-no-match':
      return t('match.topicNoMatch', { pattern: reason.pattern, key: ctx.key });
    case 'headers-match':
      return reason.keys.length
        ? t('match.headersMatch', { mode: reason.mode, keys: codeList(reason.keys, t) })
        : t('match.headersMatchEmpty', { mode: reason.mode });
    case 'headers-missing':
      return t('match.headersMissing', { mode: reason.mode, key: reason.key });
    case 'headers-value-mismatch':
      return t('match.headersValue', { mode: reason.mode, key: reason.key, actual: showValue(reason.actual), expected: showValue(reason.expected) });
    case 'headers-none-matched':
      return t('match.headersNone', { mode: reason.mode, keys: codeList(reason.keys, t) });
    case 'headers-empty-any':
      return t('match.headersEmptyAny', { mode: reason.mode });
  }
}

/** The verdict for one binding of a route explanation. */
export function formatBinding(b: BindingExplanation, key: string, t: T): string {
  return formatReason(b.reason, t, { key, pattern: b.binding.routingKey, isDefault: b.binding.source === '' });
}
