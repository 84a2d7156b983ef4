import { describe, expect, it } from 'vitest';
import type { MatchReason } from '../../engine';
import { explainHeaders, explainTopic } from '../../engine';
import { simulationT } from '../testing/i18n';
import { formatReason } from './reasons';

const CASES: { reason: MatchReason; ctx: { key: string; pattern?: string; isDefault?: boolean }; en: string; zh: string }[] = [
  { reason: { kind: 'direct-key-equal', key: 'error' }, ctx: { key: 'error', pattern: 'error' }, en: 'direct binding `error` equals the routing key `error`', zh: 'direct 绑定 `error` 与路由键 `error` 相同' },
  { reason: { kind: 'direct-key-mismatch', expected: 'info', actual: 'error' }, ctx: { key: 'error', pattern: 'info' }, en: '`info` did not: the routing key is `error`', zh: '`info` 不匹配：路由键是 `error`' },
  { reason: { kind: 'direct-key-mismatch', expected: 'q1', actual: 'q2' }, ctx: { key: 'q2', isDefault: true }, en: 'queue `q1` did not: the routing key names `q2`', zh: '队列 `q1` 不匹配：路由键指向 `q2`' },
  { reason: { kind: 'fanout' }, ctx: { key: '' }, en: 'fanout binding: every bound queue gets a copy, whatever the key', zh: 'fanout 绑定：不看路由键，每个绑定的队列都得到一份' },
  { reason: { kind: 'default-exchange', queue: 'hello' }, ctx: { key: 'hello' }, en: 'the default exchange delivers to the queue named by the routing key, `hello`', zh: '默认交换机把消息投给与路由键同名的队列 `hello`' },
  { reason: { kind: 'topic-match', pattern: '*.orange.*' }, ctx: { key: 'quick.orange.rabbit', pattern: '*.orange.*' }, en: 'topic binding `*.orange.*` matched `quick.orange.rabbit`', zh: 'topic 绑定 `*.orange.*` 匹配了 `quick.orange.rabbit`' },
  { reason: { kind: 'topic-word-mismatch', position: 0, expected: 'lazy', actual: 'quick' }, ctx: { key: 'quick.orange.rabbit', pattern: 'lazy.#' }, en: '`lazy.#` did not: first word `quick`, the pattern wants `lazy`', zh: '`lazy.#` 不匹配：第一个词是 `quick`，模式要求 `lazy`' },
  { reason: { kind: 'topic-word-mismatch', position: 2, expected: 'rabbit', actual: 'fox' }, ctx: { key: 'quick.brown.fox', pattern: '*.*.rabbit' }, en: '`*.*.rabbit` did not: word 3 is `fox`, the pattern wants `rabbit`', zh: '`*.*.rabbit` 不匹配：第 3 个词是 `fox`，模式要求 `rabbit`' },
  { reason: { kind: 'topic-key-too-short', position: 2, expected: '*' }, ctx: { key: 'quick.orange', pattern: '*.orange.*' }, en: '`*.orange.*` did not: `quick.orange` ends before word 3 (`*`)', zh: '`*.orange.*` 不匹配：`quick.orange` 在第 3 个词（`*`）之前就结束了' },
  { reason: { kind: 'topic-key-too-long', position: 3, extra: 'fox' }, ctx: { key: 'quick.orange.rabbit.fox', pattern: '*.orange.*' }, en: '`*.orange.*` did not: `quick.orange.rabbit.fox` has an extra word `fox`; only `#` matches more words', zh: '`*.orange.*` 不匹配：`quick.orange.rabbit.fox` 多出一个词 `fox`；只有 `#` 能匹配多个词' },
  { reason: { kind: 'topic-no-match', pattern: '#.error.x' }, ctx: { key: 'a.b', pattern: '#.error.x' }, en: '`#.error.x` did not match `a.b`', zh: '`#.error.x` 不匹配 `a.b`' },
  { reason: { kind: 'headers-match', mode: 'all', keys: ['format', 'type'] }, ctx: { key: '' }, en: 'headers binding (x-match=all) matched on `format`, `type`', zh: 'headers 绑定（x-match=all）在 `format`、`type` 上匹配' },
  { reason: { kind: 'headers-match', mode: 'all', keys: [] }, ctx: { key: '' }, en: 'headers binding (x-match=all) with no arguments matches every message', zh: '没有参数的 headers 绑定（x-match=all）匹配所有消息' },
  { reason: { kind: 'headers-missing', mode: 'all', key: 'format' }, ctx: { key: '' }, en: 'headers binding (x-match=all) did not: the message has no `format` header', zh: 'headers 绑定（x-match=all）不匹配：消息没有 `format` 头' },
  { reason: { kind: 'headers-value-mismatch', mode: 'all', key: 'format', expected: 'pdf', actual: 'zip' }, ctx: { key: '' }, en: 'headers binding (x-match=all) did not: `format` is `zip`, the binding wants `pdf`', zh: 'headers 绑定（x-match=all）不匹配：`format` 是 `zip`，绑定要求 `pdf`' },
  { reason: { kind: 'headers-none-matched', mode: 'any', keys: ['a', 'b'] }, ctx: { key: '' }, en: 'headers binding (x-match=any) did not: none of `a`, `b` matched', zh: 'headers 绑定（x-match=any）不匹配：`a`、`b` 一个都没对上' },
  { reason: { kind: 'headers-empty-any', mode: 'any' }, ctx: { key: '' }, en: 'headers binding (x-match=any) with no arguments never matches', zh: '没有参数的 headers 绑定（x-match=any）永远不匹配' },
];

describe('formatReason', () => {
  it('has a sentence for every MatchReason kind, in English and Chinese', async () => {
    const en = await simulationT('en');
    const zh = await simulationT('zh');
    for (const c of CASES) {
      expect(formatReason(c.reason, en, c.ctx)).toBe(c.en);
      expect(formatReason(c.reason, zh, c.ctx)).toBe(c.zh);
    }
    const kinds = new Set(CASES.map((c) => c.reason.kind));
    expect(kinds.size).toBe(14);
  });

  it('explains what the engine reports for the tutorial topic bindings', async () => {
    const en = await simulationT('en');
    const say = (pattern: string, key: string) => formatReason(explainTopic(pattern, key).reason, en, { key, pattern });
    expect(say('*.orange.*', 'quick.orange.rabbit')).toBe('topic binding `*.orange.*` matched `quick.orange.rabbit`');
    expect(say('lazy.#', 'quick.orange.rabbit')).toMatch(/^`lazy\.#` did not: first word `quick`/);
    expect(say('*.*.rabbit', 'quick.orange.fox')).toMatch(/word 3 is `fox`/);
  });

  it('shows non-string header values as JSON', async () => {
    const en = await simulationT('en');
    const r = explainHeaders({ mode: 'all', pairs: [['n', 1]] } as never, { n: 2 }).reason;
    expect(formatReason(r, en, { key: '' })).toBe('headers binding (x-match=all) did not: `n` is `2`, the binding wants `1`');
  });
});
