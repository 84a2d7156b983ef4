import { describe, expect, it } from 'vitest';
import { switchDistribution } from './ConsumerInspector';
import { withArgument } from './QueueArguments';
import { argumentsForType } from './QueueInspector';
import { switchMode } from './RoutingKeyFields';

describe('queue helpers', () => {
  it('remove a cleared argument instead of storing undefined', () => {
    expect(withArgument({ 'x-message-ttl': 5 }, 'x-message-ttl', undefined)).toEqual({});
    expect(withArgument({}, 'x-max-length', 10)).toEqual({ 'x-max-length': 10 });
  });

  it('drop what the new queue type refuses', () => {
    expect(argumentsForType({ 'x-max-priority': 5, 'x-overflow': 'reject-publish-dlx', 'x-message-ttl': 1 }, 'quorum')).toEqual({
      'x-queue-type': 'quorum',
      'x-message-ttl': 1,
    });
    expect(argumentsForType({ 'x-queue-type': 'quorum', 'x-delivery-limit': 3 }, 'classic')).toEqual({});
  });
});

describe('routing key modes', () => {
  it('carry keys across modes', () => {
    expect(switchMode({ mode: 'fixed', key: 'a' }, 'cycle')).toEqual({ mode: 'cycle', keys: ['a'] });
    expect(switchMode({ mode: 'random', keys: ['b', 'c'] }, 'fixed')).toEqual({ mode: 'fixed', key: 'b' });
    expect(switchMode({ mode: 'fixed', key: 'a' }, 'template')).toEqual({ mode: 'template', template: 'order.{n}', keys: [] });
    expect(switchMode({ mode: 'template', template: 't.{n}', keys: [] }, 'cycle')).toEqual({ mode: 'cycle', keys: [''] });
  });
});

describe('processing time distributions', () => {
  it('keep a typical time when switching', () => {
    expect(switchDistribution({ dist: 'fixed', ms: 400 }, 'exponential')).toEqual({ dist: 'exponential', mean: 400 });
    expect(switchDistribution({ dist: 'fixed', ms: 400 }, 'uniform')).toEqual({ dist: 'uniform', min: 200, max: 800 });
    expect(switchDistribution({ dist: 'uniform', min: 100, max: 300 }, 'fixed')).toEqual({ dist: 'fixed', ms: 200 });
  });
});
