import { describe, expect, it } from 'vitest';
import { queueConfig } from '../../../scenario/schema';
import { queueFeatures } from './queueFeatures';

describe('queueFeatures', () => {
  it('shows D for a default (durable) queue', () => {
    expect(queueFeatures(queueConfig.parse({ name: 'q' })).map((f) => f.abbr)).toEqual(['D']);
  });

  it('lists every argument in management-UI order with its value', () => {
    const config = queueConfig.parse({
      name: 'q',
      durable: false,
      autoDelete: true,
      exclusive: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-message-ttl': 5000,
        'x-expires': 60000,
        'x-max-length': 10,
        'x-max-length-bytes': 1024,
        'x-overflow': 'reject-publish',
        'x-dead-letter-exchange': 'dlx',
        'x-dead-letter-routing-key': 'retry',
        'x-max-priority': 5,
        'x-single-active-consumer': true,
      },
    });
    const f = queueFeatures(config);
    expect(f.map((x) => x.abbr)).toEqual(['quorum', 'AD', 'Excl', 'TTL', 'Exp', 'Lim', 'Lim B', 'Ovfl', 'DLX', 'DLK', 'Pri', 'SAC']);
    expect(f.find((x) => x.abbr === 'TTL')).toEqual({ abbr: 'TTL', arg: 'x-message-ttl', value: '5000' });
  });
});
