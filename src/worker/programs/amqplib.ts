/**
 * What `require('amqplib')`, `require('amqplib/callback_api')` and `import amqp from 'amqplib'`
 * give a program: amqplib's module, bound to the open scenario's broker. The one place that knows
 * where that module comes from, so moving to the engine's own amqplib facade is a change here only.
 */
import { IllegalOperationError, type Broker, type ConnectOptions } from '../../engine';

/** Module names a program may require. */
export const MODULES = ['amqplib', 'amqplib/callback_api'] as const;
export type ModuleName = (typeof MODULES)[number];

/**
 * Reads amqplib's connection URL (`amqp://user:pass@host:port/vhost`) or object form into the
 * broker's connect options. Host and port do not matter: every address reaches the simulated broker.
 */
export function connectOptions(url: unknown): ConnectOptions {
  if (url === undefined || url === null) return {};
  if (typeof url === 'object') {
    const o = url as { username?: unknown; password?: unknown; vhost?: unknown };
    return {
      ...(typeof o.username === 'string' ? { user: o.username } : {}),
      ...(typeof o.password === 'string' ? { password: o.password } : {}),
      ...(typeof o.vhost === 'string' ? { vhost: o.vhost } : {}),
    };
  }
  if (typeof url !== 'string') throw new TypeError('connect(url): the URL must be a string or an object');
  const m = /^amqps?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?[^/?#]*(?:\/([^?#]*))?/.exec(url);
  if (!m) throw new TypeError(`connect(url): "${url}" is not an amqp:// URL`);
  const out: ConnectOptions = {};
  if (m[1]) out.user = decodeURIComponent(m[1]);
  if (m[2] !== undefined) out.password = decodeURIComponent(m[2]);
  // As amqplib: no path is vhost '/', and '/' itself must be written %2F.
  if (m[3]) out.vhost = decodeURIComponent(m[3]);
  return out;
}

/** The connection port a program's module uses: the runtime tracks what it opens (runtime.ts). */
export type Connector = (options: ConnectOptions) => ReturnType<Broker['connect']>;

/** `require(name)` for a program whose connections go through `connect`. */
export function amqplibModule(name: string, connect: Connector): unknown {
  if (name === 'amqplib') {
    return Object.freeze({
      connect: (url?: unknown, _socketOptions?: unknown) => {
        let options: ConnectOptions;
        try {
          options = connectOptions(url);
        } catch (e) {
          return Promise.reject(e);
        }
        return connect(options);
      },
      credentials: Object.freeze({
        plain: (username: string, password: string) => ({ mechanism: 'PLAIN', username, password }),
        amqplain: (username: string, password: string) => ({ mechanism: 'AMQPLAIN', username, password }),
        external: () => ({ mechanism: 'EXTERNAL' }),
      }),
      IllegalOperationError,
    });
  }
  if (name === 'amqplib/callback_api') {
    throw new Error("amqplib's callback API is not available in Warren yet: use require('amqplib') and promises");
  }
  throw new Error(`Cannot find module '${name}': Warren programs can require 'amqplib' and 'amqplib/callback_api'`);
}
