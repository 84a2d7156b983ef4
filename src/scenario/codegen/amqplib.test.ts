import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateAmqplib } from './amqplib';
import { PRESETS, presetById } from '../presets';
import { arbitraryScenario } from '../testing/arbitrary';

const dir = mkdtempSync(join(tmpdir(), 'warren-codegen-'));

/** Syntax-check generated scripts with Node itself (ES module, top-level await). */
function nodeCheck(sources: string[]): void {
  const files = sources.map((src, i) => {
    const file = join(dir, `s${i}.mjs`);
    writeFileSync(file, src);
    return file;
  });
  for (const file of files) execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
}

describe('generateAmqplib', () => {
  it('writes valid JavaScript for every preset', () => {
    nodeCheck(PRESETS.map((p) => generateAmqplib(p.doc)));
  });

  it('writes valid JavaScript whatever the names contain', () => {
    const samples = fc.sample(arbitraryScenario, { numRuns: 40, seed: 7 });
    nodeCheck(samples.map(generateAmqplib));
  }, 60_000);

  it('declares the topology and runs the agents as the simulation does', () => {
    const code = generateAmqplib(presetById('ttl-dlx')!.doc);
    expect(code).toContain("import amqp from 'amqplib';");
    expect(code).toContain('await setup1.assertExchange("work", "direct", {"durable":true,"autoDelete":false,"internal":false,"arguments":{}});');
    expect(code).toContain('await setup1.assertQueue("work.retry-3s", {"durable":true,"exclusive":false,"autoDelete":false,"arguments":{"x-message-ttl":3000,"x-dead-letter-exchange":"work"}});');
    expect(code).toContain('await setup1.bindQueue("work", "work", "task", {});');
    expect(code).toContain('await ch.prefetch(1);');
    // One message at a time, failures from the agent's seeded stream, never Math.random.
    expect(code).toContain('if (buffer.length === 1) processHead();');
    expect(code).toContain('if (random() < 0.3) {');
    expect(code).not.toContain('Math.random');
    expect(code).toContain('ch.publish("work", key, Buffer.from("job " + String(n))');
    expect(code).toContain('DURATION_MS');
  });

  it('uses confirm channels, reply-to and alternate exchanges where the scenario does', () => {
    expect(generateAmqplib(presetById('publisher-confirms')!.doc)).toContain('createConfirmChannel');
    const rpc = generateAmqplib(presetById('rpc')!.doc);
    expect(rpc).toContain('replyTo: "amq.rabbitmq.reply-to"');
    // Direct Reply-to: the client's channel consumes the pseudo-queue with no-ack before its first publish.
    const consume = rpc.indexOf('await ch.consume("amq.rabbitmq.reply-to", (msg) => {');
    expect(consume).toBeGreaterThan(rpc.indexOf('async function producer1()'));
    expect(consume).toBeLessThan(rpc.indexOf('ch.publish("", key'));
    expect(rpc.slice(consume)).toContain('}, { noAck: true });');
    expect(rpc).toContain('log("deliver \\"rpc-client\\" queue \\"amq.rabbitmq.reply-to\\" tag " + msg.fields.deliveryTag');
    expect(rpc).toContain('correlationId: "req-" + String(n)');
    expect(rpc).toContain("ch.publish('', msg.properties.replyTo");
    expect(generateAmqplib(presetById('alternate-exchange')!.doc)).toContain('"alternate-exchange":"unrouted"');
    expect(generateAmqplib(presetById('vhosts')!.doc)).toContain('Create these vhosts first');
  });

  it('keeps hostile names inside string literals', () => {
    const doc = presetById('hello-world')!.doc;
    const evil = '"); process.exit(1); //`${1}\n*/';
    const hostile = { ...doc, title: evil, nodes: doc.nodes.map((n) => (n.kind === 'queue' ? { ...n, config: { ...n.config, name: evil } } : n)) };
    const code = generateAmqplib(hostile);
    nodeCheck([code]);
    expect(code).toContain(JSON.stringify(evil));
  });
});
