/**
 * amqplib's connect arguments (lib/connect.js) read as the engine needs them: user, password and
 * vhost from an `amqp://` URL or an options object, or from `socketOptions.credentials`. Host and
 * port name the one simulated broker, so they are checked only for the protocol.
 */
import type { ConnectOptions } from '../broker';

/** amqplib's `credentials` (lib/credentials.js): the SASL mechanism and what it sends. */
export interface Credentials {
  mechanism: string;
  response: () => Uint8Array;
  username?: string;
  password?: string;
}

const enc = new TextEncoder();

export const credentials = {
  plain: (user: string, passwd: string): Credentials => ({
    mechanism: 'PLAIN',
    response: () => enc.encode(['', user, passwd].join('\u0000')),
    username: user,
    password: passwd,
  }),
  amqplain: (user: string, passwd: string): Credentials => ({
    mechanism: 'AMQPLAIN',
    response: () => enc.encode(`LOGIN${user}PASSWORD${passwd}`),
    username: user,
    password: passwd,
  }),
  external: (): Credentials => ({ mechanism: 'EXTERNAL', response: () => new Uint8Array(0) }),
};

/** amqplib's URL object form. */
export interface UrlObject {
  protocol?: string;
  hostname?: string;
  port?: number;
  username?: string;
  password?: string;
  vhost?: string;
  [k: string]: unknown;
}

/** `unescape` as amqplib applies it to URL user and password (percent-escapes only). */
function unescapePart(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function decodeVhost(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The connect options amqplib would open the connection with; throws amqplib's error for another protocol. */
export function connectOptionsOf(url?: string | UrlObject | null, socketOptions?: { credentials?: Credentials } | null): ConnectOptions {
  const fromCreds = socketOptions?.credentials;
  let user = 'guest';
  let password = 'guest';
  let vhost: string | null;
  let protocol: string;
  const u = url || 'amqp://localhost';
  if (typeof u === 'object') {
    protocol = `${u.protocol || 'amqp'}:`;
    if (u.username !== undefined || u.password !== undefined) {
      user = u.username || '';
      password = u.password || '';
    }
    vhost = u.vhost ?? null;
  } else {
    let parts: URL | null;
    try {
      parts = new URL(u);
    } catch {
      parts = null;
    }
    protocol = parts?.protocol ?? '';
    if (parts && (parts.username !== '' || parts.password !== '')) {
      user = parts.username ? unescapePart(parts.username) : '';
      password = parts.password ? unescapePart(parts.password) : '';
    }
    vhost = parts && parts.pathname ? parts.pathname.slice(1) : null;
  }
  if (protocol !== 'amqp:' && protocol !== 'amqps:') throw new Error(`Expected amqp: or amqps: as the protocol; got ${protocol}`);
  if (fromCreds) {
    user = fromCreds.username ?? '';
    password = fromCreds.password ?? '';
  }
  return { user, password, vhost: vhost ? decodeVhost(vhost) : '/' };
}
