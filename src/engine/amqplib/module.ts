/**
 * `require('amqplib')` bound to a simulated broker: the same `connect(url, socketOptions)`,
 * `credentials` and `IllegalOperationError`, so a program written for amqplib runs unchanged
 * against the engine (the Code playground and the tutorial programs use it).
 */
import type { Broker } from '../broker';
import type { Connection } from '../client/connection';
import { IllegalOperationError } from '../amqp/errors';
import { connectOptionsOf, credentials, type Credentials, type UrlObject } from './url';

export interface AmqplibModule {
  connect(url?: string | UrlObject, socketOptions?: { credentials?: Credentials; [k: string]: unknown }): Promise<Connection>;
  credentials: typeof credentials;
  IllegalOperationError: typeof IllegalOperationError;
}

/** amqplib's promise API (`require('amqplib')`) on this broker. */
export function amqplibModule(broker: Broker): AmqplibModule {
  return {
    connect(url, socketOptions) {
      try {
        return broker.connect(connectOptionsOf(url, socketOptions));
      } catch (e) {
        return Promise.reject(e);
      }
    },
    credentials,
    IllegalOperationError,
  };
}
