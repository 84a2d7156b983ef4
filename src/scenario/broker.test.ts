import { describe, expect, it } from 'vitest';
import { brokerOf, effectiveArguments, policyFeatures, validateBroker } from './broker';
import { brokerConfig } from './schema';

const cfg = (raw: unknown) => brokerConfig.parse(raw);

describe('validateBroker', () => {
  it('accepts a fresh install and a sound section', () => {
    expect(validateBroker(brokerOf({}))).toEqual([]);
    expect(
      validateBroker(cfg({ vhosts: ['shop'], users: [{ name: 'app', tags: ['management'] }], permissions: [{ user: 'app', vhost: 'shop', read: '^orders' }], policies: [{ name: 'p', pattern: '^q', definition: { 'message-ttl': 1000 } }] })),
    ).toEqual([]);
  });

  it('names the problem in the engine\'s words, with where it is', () => {
    const problems = validateBroker(
      cfg({
        vhosts: ['shop', 'shop'],
        users: [{ name: 'app' }],
        permissions: [{ user: 'nobody', vhost: 'nowhere', read: '(' }],
        policies: [
          { name: 'p', pattern: '[', definition: { 'message-ttl': 1 } },
          { name: 'q', pattern: '.*', definition: { 'max-lenght': 5 } },
          { name: 'r', pattern: '.*', definition: { 'message-ttl': -1 } },
        ],
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(['vhosts.1', 'permissions.0.user', 'permissions.0.vhost', 'permissions.0.read', 'policies.0.pattern', 'policies.1.definition', 'policies.2.definition']);
    expect(problems[3].message).toMatch(/^invalid read regex '\('/);
    expect(problems[5].message).toBe("unknown policy key 'max-lenght'");
    expect(problems[6].message).toBe("policy key 'message-ttl' must be a non-negative integer, got -1");
  });

  it('refuses negative limits and a watermark above 1', () => {
    const raw = { nodes: ['rabbit@localhost'], users: [], vhosts: [], permissions: [], policies: [], resources: { memoryHighWatermark: 1.5, diskFreeLimit: -1 } };
    expect(validateBroker(raw as never).map((p) => p.message)).toEqual([
      'memory high watermark must be a fraction between 0 and 1, got 1.5',
      'diskFreeLimit must be a non-negative number, got -1',
    ]);
  });
});

describe('effectiveArguments', () => {
  const broker = cfg({ policies: [{ name: 'lim', pattern: '^orders\\.', applyTo: 'queues', definition: { 'message-ttl': 5000, 'max-length': 10, 'dead-letter-exchange': 'pol-dlx', 'ha-mode': 'all' } }] });

  it('lower wins for TTL and max-length, the argument wins for the DLX, other keys come from the policy', () => {
    const eff = effectiveArguments(broker, { name: 'orders.a', vhost: '/', arguments: { 'x-message-ttl': 20000, 'x-max-length': 3, 'x-dead-letter-exchange': 'arg-dlx' } });
    expect(eff.policy).toBe('lim');
    const by = Object.fromEntries(eff.args.map((a) => [a.key, a]));
    expect(by['x-message-ttl']).toMatchObject({ value: 5000, source: 'policy', overridden: { value: 20000, rule: 'lower' } });
    expect(by['x-max-length']).toMatchObject({ value: 3, source: 'argument', overridden: { value: 10 } });
    expect(by['x-dead-letter-exchange']).toMatchObject({ value: 'arg-dlx', source: 'argument', overridden: { value: 'pol-dlx', rule: 'argument' } });
    expect(by['ha-mode']).toMatchObject({ value: 'all', source: 'policy' });
  });

  it('a queue the pattern does not match, or another vhost, has only its arguments', () => {
    expect(effectiveArguments(broker, { name: 'audit', vhost: '/', arguments: {} })).toEqual({ policy: null, args: [] });
    expect(effectiveArguments(broker, { name: 'orders.a', vhost: 'other', arguments: {} }).policy).toBeNull();
  });

  it('policy letters show what the policy adds', () => {
    expect(policyFeatures(broker, { name: 'orders.a', vhost: '/', arguments: {} }).map((f) => f.abbr)).toEqual(['TTL', 'Lim', 'DLX', 'HA']);
  });

  it('the highest priority policy applies alone', () => {
    const two = cfg({ policies: [{ name: 'a', pattern: '.*', definition: { 'message-ttl': 1 } }, { name: 'b', pattern: '.*', priority: 5, definition: { 'max-length': 1 } }] });
    const eff = effectiveArguments(two, { name: 'q', vhost: '/', arguments: {} });
    expect(eff.policy).toBe('b');
    expect(eff.args.map((a) => a.key)).toEqual(['x-max-length']);
  });
});
