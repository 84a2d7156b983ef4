import { describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '.';
import { restoreScenario } from '../restore';
import type { ScenarioDocument } from '../schema';

const CJK = /[\u4e00-\u9fff]/;

/**
 * An independent model of RabbitMQ routing, written differently from src/scenario/routing.ts on
 * purpose (regular expressions for topics, a worklist for exchange-to-exchange bindings), so lesson
 * answers are checked against a second opinion rather than against themselves.
 */
function topicRegex(pattern: string): RegExp {
  if (pattern === '') return /^$/;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Every word is written with its own leading dot, so `#` matching zero words needs no special case.
  const body = pattern.split('.').map((w) => (w === '#' ? '(?:\\.[^.]*)*' : w === '*' ? '\\.[^.]*' : '\\.' + escape(w)));
  return new RegExp('^' + body.join('') + '$');
}
const topicMatch = (pattern: string, key: string) => topicRegex(pattern).test(key === '' ? '' : '.' + key);

function headersMatch(args: Record<string, unknown>, headers: Record<string, unknown>): boolean {
  const pairs = Object.entries(args).filter(([k]) => !k.startsWith('x-'));
  const hits = pairs.filter(([k, v]) => k in headers && (v === null || headers[k] === v)).length;
  return args['x-match'] === 'any' ? hits > 0 : hits === pairs.length;
}

function independentRoute(doc: ScenarioDocument, producerId: string, key: string): string[] {
  const producer = doc.nodes.find((n) => n.id === producerId);
  if (producer?.kind !== 'producer') throw new Error('not a producer');
  const start = doc.edges.find((e) => e.kind === 'publish' && e.source === producerId)!.target;
  const node = (id: string) => doc.nodes.find((n) => n.id === id)!;
  if (node(start).kind === 'queue') return [start];
  const found = new Set<string>();
  const work = [start];
  const done = new Set<string>();
  while (work.length) {
    const id = work.pop()!;
    if (done.has(id)) continue;
    done.add(id);
    const x = node(id);
    if (x.kind !== 'exchange') continue;
    let matched = 0;
    for (const e of doc.edges) {
      if (e.kind !== 'binding' || e.source !== id) continue;
      const ok =
        x.config.type === 'fanout' ||
        (x.config.type === 'direct' && e.bindingKey === key) ||
        (x.config.type === 'topic' && topicMatch(e.bindingKey, key)) ||
        (x.config.type === 'headers' && headersMatch(e.arguments, producer.config.properties.headers));
      if (!ok) continue;
      matched++;
      if (node(e.target).kind === 'queue') found.add(e.target);
      else work.push(e.target);
    }
    const ae = x.config.alternateExchange;
    if (!matched && ae) work.push(doc.nodes.find((n) => n.kind === 'exchange' && n.config.name === ae)!.id);
  }
  return [...found].sort();
}

describe('presets', () => {
  it('have unique ids and are found by id', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(presetById(id)?.id).toBe(id);
    expect(presetById('nope')).toBeUndefined();
  });

  describe.each(PRESETS.map((p) => [p.id, p] as const))('%s', (_, preset) => {
    it('passes restoreScenario unchanged', () => {
      expect(restoreScenario(JSON.parse(JSON.stringify(preset.doc)))).toEqual({ ok: true, doc: preset.doc });
    });

    it('has a title and summary in both languages', () => {
      for (const t of [preset.title, preset.summary]) {
        expect(t.en.trim()).not.toBe('');
        expect(t.zh).toMatch(CJK);
      }
    });

    it('has a lesson of 3 to 6 steps, each with English and Chinese text', () => {
      const steps = preset.doc.lesson?.steps ?? [];
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(steps.length).toBeLessThanOrEqual(6);
      for (const s of steps) {
        for (const t of [s.title, s.body]) {
          expect(t.en.trim()).not.toBe('');
          expect(t.en).not.toMatch(CJK);
          expect(t.zh).toMatch(CJK);
        }
      }
    });

    it('has checks that point at real nodes, with answers an independent router agrees with', () => {
      const ids = new Set(preset.doc.nodes.map((n) => n.id));
      for (const s of preset.doc.lesson?.steps ?? []) {
        const check = s.check;
        if (!check) continue;
        if (check.kind === 'counter') {
          expect(ids.has(check.node)).toBe(true);
          continue;
        }
        expect(check.producer).toBeDefined();
        for (const q of check.answer) expect(preset.doc.nodes.find((n) => n.id === q)?.kind).toBe('queue');
        expect([...check.answer].sort()).toEqual(independentRoute(preset.doc, check.producer!, check.routingKey));
      }
    });

    it('moves visibly: producers publish 0.5 to 10 messages a second', () => {
      for (const n of preset.doc.nodes) if (n.kind === 'producer') expect(n.config.rate).toBeGreaterThanOrEqual(0.5);
      for (const n of preset.doc.nodes) if (n.kind === 'producer') expect(n.config.rate).toBeLessThanOrEqual(10);
    });
  });

  it('asks the questions the tutorials ask, with the tutorial answers', () => {
    const answer = (id: string, key: string) => {
      const doc = presetById(id)!.doc;
      const check = doc.lesson!.steps.find((s) => s.check?.kind === 'select-queues' && s.check.routingKey === key)?.check;
      if (check?.kind !== 'select-queues') throw new Error(`${id} asks nothing about ${key}`);
      return check.answer.map((q) => doc.nodes.find((n) => n.id === q)!).map((n) => (n.kind === 'queue' ? n.config.name : '')).sort();
    };
    expect(answer('topics', 'lazy.pink.rabbit')).toEqual(['Q2']);
    expect(answer('topics', 'quick.orange.rabbit')).toEqual(['Q1', 'Q2']);
    expect(answer('topics', 'quick.brown.fox')).toEqual([]);
    expect(answer('topics', 'lazy.orange.male.rabbit')).toEqual(['Q2']);
    expect(answer('routing', 'warning')).toEqual(['all_logs']);
    expect(answer('routing', 'error')).toEqual(['all_logs', 'errors']);
    expect(answer('alternate-exchange', 'asia')).toEqual(['unrouted']);
    expect(answer('publish-subscribe', 'anything')).toEqual(['logs.disk', 'logs.screen']);
    const headers = presetById('headers')!.doc.lesson!.steps.filter((s) => s.check?.kind === 'select-queues').map((s) => s.check);
    expect(headers.map((c) => (c?.kind === 'select-queues' ? c.answer.length : -1))).toEqual([2, 1, 0]);
  });

  it('topic matcher agrees with the tutorial table', () => {
    expect(topicMatch('*.orange.*', 'quick.orange.rabbit')).toBe(true);
    expect(topicMatch('lazy.#', 'lazy')).toBe(true);
    expect(topicMatch('*.*.rabbit', 'quick.orange.male.rabbit')).toBe(false);
    expect(topicMatch('#', '')).toBe(true);
    expect(topicMatch('*', '')).toBe(false);
  });
});
