/**
 * What `require('amqplib')`, `require('amqplib/callback_api')` and `import amqp from 'amqplib'`
 * give a program: the engine's amqplib modules (engine/amqplib/), bound to the program's view of
 * the open scenario's broker (runtime.ts: its connections are tracked and guarded, and its
 * callbacks are its own turns). The one place that knows where those modules come from.
 */
import { amqplibCallbackModule, amqplibModule, type Broker } from '../../engine';

/** `require(name)` for a program whose broker is `broker`. */
export function requireModule(name: string, broker: Broker): unknown {
  if (name === 'amqplib') return Object.freeze(amqplibModule(broker));
  if (name === 'amqplib/callback_api') return Object.freeze(amqplibCallbackModule(broker));
  throw new Error(`Cannot find module '${name}': Warren programs can require 'amqplib' and 'amqplib/callback_api'`);
}
