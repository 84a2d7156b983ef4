import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../engine';
import { simulationT } from '../testing/i18n';
import { serverText } from './serverText';

const CJK = /[\u4e00-\u9fff]/;

/** The engine's own texts for the errors the table knows (as the app receives them). */
const TEXTS = [
  ERRORS.noQueue('orders', '/')[1],
  ERRORS.noExchange('logs', 'shop')[1],
  ERRORS.homeNodeDown('q', '/', 'rabbit@r2')[1],
  ERRORS.defaultExchange()[1],
  ERRORS.accessRefused('queue', 'orders.new', '/', 'shop')[1],
  ERRORS.internalPublish('x', '/')[1],
  ERRORS.exclusiveUse('q', '/')[1],
  ERRORS.locked('q', '/')[1],
  ERRORS.inequivalent('queue', 'q', '/', 'x-message-ttl', "'signedint' 1000", "'signedint' 3000")[1],
  ERRORS.inUse('exchange', 'x', '/')[1],
  ERRORS.notEmpty('q', '/')[1],
  ERRORS.unknownDeliveryTag(7)[1],
  ERRORS.vhostRefused('/', 'guest')[1],
  ERRORS.vhostNotFound('nope')[1],
  ERRORS.shutdown()[1],
  ERRORS.userDeleted('shop')[1],
  ERRORS.vhostDeleted('v')[1],
];

describe('serverText', () => {
  it('is RabbitMQ’s own text in English', async () => {
    const en = await simulationT('en');
    for (const text of TEXTS) expect(serverText(text, en)).toBe(text);
  });

  it('is Chinese for every text it knows, keeping the constant and the names', async () => {
    const zh = await simulationT('zh');
    for (const text of TEXTS) {
      const said = serverText(text, zh);
      expect(said, text).toMatch(CJK);
      expect(said.startsWith(text.split(' - ')[0])).toBe(true);
    }
    expect(serverText(ERRORS.accessRefused('queue', 'orders.new', '/', 'shop')[1], zh)).toBe("ACCESS_REFUSED：用户 'shop' 无权访问 vhost '/' 里的队列 'orders.new'");
  });

  it('leaves a text it does not know as RabbitMQ wrote it', async () => {
    const zh = await simulationT('zh');
    expect(serverText('NO_ROUTE', zh)).toBe('NO_ROUTE');
  });
});
