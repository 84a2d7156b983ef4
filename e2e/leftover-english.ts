/**
 * Finds English left in a page shown in Chinese: every Latin word in visible text and in the
 * aria-label, title, placeholder and alt of the page, less the words a Chinese learner reads in
 * English too (AMQP's own terms, the scenario's names, units).
 */
import type { Page } from '@playwright/test';
import type { ScenarioDocument } from '../src/scenario/schema';

/**
 * AMQP and RabbitMQ terms that stay as they are in Chinese docs and in the seed notes: exchange
 * types, argument and property names, the management UI's feature letters, and the product names.
 * Kept short on purpose: each entry is a word a Chinese RabbitMQ text prints in Latin letters.
 */
export const AMQP_TERMS = [
  // products and protocol
  'RabbitMQ', 'AMQP', 'Warren', 'amqplib', 'JSON', 'PNG', 'SVG', 'URL', 'definitions', 'json', 'rabbitmqctl', 'Erlang',
  // exchange types and predeclared exchanges
  'direct', 'fanout', 'topic', 'headers', 'amq', 'match', 'all', 'any',
  // x-arguments and message properties (split into words at "-")
  'x', 'message', 'ttl', 'TTL', 'dead', 'letter', 'exchange', 'routing', 'key', 'max', 'length', 'bytes', 'overflow',
  'drop', 'head', 'reject', 'publish', 'dlx', 'priority', 'single', 'active', 'consumer', 'queue', 'type', 'expires',
  'delivery', 'limit', 'death', 'first', 'reason', 'count', 'expiration', 'persistent', 'deliveryMode', 'correlationId',
  'replyTo', 'reply', 'to', 'correlation', 'id', 'mandatory', 'quorum', 'classic', 'mirrored', 'ha', 'mode', 'nodes',
  'sync', 'automatic', 'exactly', 'durable', 'exclusive', 'auto', 'delete', 'noAck', 'prefetch', 'requeue', 'nack', 'ack',
  'rejected', 'expired', 'maxlen', 'consume', 'content', 'encoding', 'basic', 'return', 'confirm', 'text', 'plain', 'application',
  'internal', 'alternate', 'arguments', 'vm_memory_high_watermark', 'disk_free_limit', 'PDF', 'ZIP',
  // the management UI's feature letters on a queue
  'D', 'AD', 'Excl', 'Exp', 'Lim', 'B', 'Ovfl', 'DLX', 'DLK', 'Pri', 'SAC', 'HA',
  // user tags and permission names, as rabbitmqctl prints them
  'administrator', 'monitoring', 'policymaker', 'management', 'impersonator', 'none', 'configure', 'write', 'read', 'guest',
  // channel error names (406 PRECONDITION_FAILED and the like) and units
  'NOT_FOUND', 'ACCESS_REFUSED', 'RESOURCE_LOCKED', 'PRECONDITION_FAILED', 'NO_ROUTE', 'ms', 's', 'kB', 'MB', 'GB', 'B', 'msg',
  // keyboard keys named on hints
  'Space', 'Shift', 'Ctrl', 'Alt', 'Esc', 'Enter', 'Tab', 'P', 'Del', 'Delete', 'PgUp', 'PgDn',
  // RabbitMQ words Chinese texts (the seed notes among them) write in Latin letters
  'broker', 'vhost', 'leader', 'policy', 'Policy', 'RPC', 'AE', 'DL', 'reply_to', 'correlation_id', 'true', 'false',
  'stop_app', 'start_app', 'CONNECTION_FORCED', 'Admin',
  // AMQP message properties by the names the management UI's publish form and Get messages print
  'content_type', 'content_encoding', 'message_id', 'user_id', 'app_id', 'timestamp', 'delivery_mode', 'cluster_id', 'Base64', 'base64', 'string',
  // RabbitMQ's name for replies sent straight to a channel (its Chinese docs keep it: Direct Reply-to)
  'Direct', 'Reply',
  // the default broker node, rabbit@localhost (a node name, like the scenario's own)
  'rabbit', 'localhost',
];

/** Every word of the document's own names and values (node names, keys, bodies, vhosts, users...). */
export function scenarioWords(doc: ScenarioDocument): string[] {
  const words = new Set<string>();
  const visit = (v: unknown, key: string): void => {
    if (['title', 'description', 'lesson', 'text'].includes(key)) return; // prose the app translates
    const add = (s: string) => s.match(/[A-Za-z][A-Za-z0-9_]*/g)?.forEach((w) => words.add(w));
    if (typeof v === 'string') add(v);
    else if (Array.isArray(v)) v.forEach((x) => visit(x, ''));
    else if (v && typeof v === 'object') {
      // Header and argument names are the scenario's too (`format`, `type` on a headers binding).
      if (['arguments', 'headers'].includes(key)) Object.keys(v).forEach(add);
      for (const [k, x] of Object.entries(v)) visit(x, k);
    }
  };
  visit(doc, '');
  return [...words];
}

export type Leftover = { where: string; text: string; words: string[] };

/** The visible texts and labels of the page that still hold words outside `allowed`. */
export async function leftoverEnglish(page: Page, allowed: Iterable<string>): Promise<Leftover[]> {
  return page.evaluate((allow) => {
    const ok = new Set(allow);
    const found: { where: string; text: string; words: string[] }[] = [];
    const visible = (el: Element | null): boolean => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const describe = (el: Element): string => {
      const tag = el.tagName.toLowerCase();
      const attrs = ['data-kind', 'data-name', 'data-testid', 'class'].map((a) => el.getAttribute(a)).find(Boolean) ?? '';
      return `${tag}${attrs ? `[${attrs.slice(0, 60)}]` : ''}`;
    };
    // Text marked as English on purpose: the language switch's "EN", RabbitMQ's reply text quoted.
    const english = (el: Element): boolean => (el.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('en');
    const check = (full: string, where: string): void => {
      // A word in quotes is a name or a key the text talks about ("retry", "anything"), as lessons write them.
      const text = full.replace(/"[^"]*"|“[^”]*”|`[^`]*`/g, ' ');
      // Words of two letters or more (single letters are keys, units and feature letters), with
      // dotted names, keys and file names taken as one word; any x-argument is AMQP's own.
      const words = (text.match(/[A-Za-z][A-Za-z0-9_.@/{}#*-]*/g) ?? [])
        .flatMap((w) => (ok.has(w) || /^x-[a-z-]+$/.test(w) ? [] : w.split(/[.@/{}#*-]+/).filter(Boolean)))
        .filter((w) => /[A-Za-z]{2}/.test(w) && !ok.has(w) && !ok.has(w.replace(/\d+$/, '')));
      if (words.length) found.push({ where, text: full.trim().slice(0, 120), words });
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!n.textContent?.trim() || !parent || ['SCRIPT', 'STYLE', 'KBD'].includes(parent.tagName)) continue;
      if (english(parent) || !visible(parent)) continue;
      check(n.textContent, describe(parent));
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]')) {
      if (english(el)) continue;
      // aria labels count even on hidden landmarks: a screen reader reads them.
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const v = el.getAttribute(a);
        if (v) check(v, `${describe(el)} @${a}`);
      }
    }
    return found;
  }, [...allowed]);
}
