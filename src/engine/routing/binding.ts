import { copyTable, fieldType, erlTerm, tableKeys } from '../amqp/types';
import type { BindingRef } from '../kernel/trace';
import { compileHeadersSpec, type HeadersSpec } from './headers';

/** What a binding can point at: a queue or an exchange. */
export interface BindingDestination {
  readonly kind: 'queue' | 'exchange';
  readonly name: string;
  /** Bindings for which this is the destination. */
  readonly inbound: Set<Binding>;
  /** Route dedupe marker (see routing/router.ts). */
  routeStamp: number;
}

/** One binding: source exchange → destination, with a routing key (pattern) and arguments. */
export class Binding {
  /** Route dedupe marker. */
  stamp = 0;
  readonly headersSpec: HeadersSpec | null;
  readonly signature: string;
  constructor(
    readonly sourceName: string,
    readonly destination: BindingDestination,
    readonly routingKey: string,
    readonly args: Record<string, unknown>,
    isHeaders: boolean,
  ) {
    this.headersSpec = isHeaders ? compileHeadersSpec(args) : null;
    this.signature = bindingSignature(destination, routingKey, args);
  }

  private cachedRef: BindingRef | null = null;

  /** A plain description (cached and frozen: bindings never change). */
  ref(): BindingRef {
    if (this.cachedRef) return this.cachedRef;
    const r: BindingRef = {
      source: this.sourceName,
      destination: this.destination.name,
      destinationType: this.destination.kind,
      routingKey: this.routingKey,
    };
    if (tableKeys(this.args).length) r.arguments = { ...this.args };
    return (this.cachedRef = Object.freeze(r));
  }
}

/** Identity of a binding within its source: destination, key and (typed) arguments. */
export function bindingSignature(dest: BindingDestination, key: string, args: Record<string, unknown>): string {
  const parts = tableKeys(args).map((k) => `${k}=${fieldType(args[k])}:${erlTerm(args[k])}`);
  return `${dest.kind}:${dest.name}\u0000${key}\u0000${parts.join('\u0001')}`;
}

/** Binding arguments as a plain own-property table (validates the type). */
export function bindingArgs(argt: unknown): Record<string, unknown> {
  if (argt === undefined || argt === null) return {};
  if (typeof argt !== 'object' || Array.isArray(argt)) throw new TypeError('binding arguments must be an object');
  const t = copyTable(argt as Record<string, unknown>);
  for (const k of Object.keys(t)) fieldType(t[k]); // throws TypeError on unencodable values
  return t;
}
