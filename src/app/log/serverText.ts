/**
 * RabbitMQ's reply texts ("ACCESS_REFUSED - access to queue 'q' in vhost '/' refused for user
 * 'u'") in the reader's language. The English locale spells each one exactly as RabbitMQ does, so
 * English readers see the broker's own words; other languages translate the sentence and keep the
 * constant and the names. A text not in this table is shown as RabbitMQ wrote it.
 */
import type { Translate } from '../text';

const RS = `(queue|exchange) '(.*)' in vhost '(.*)'`;

/** Pattern → key under `server.` and the names of its captured values. */
const TEXTS: readonly [RegExp, string, readonly string[]][] = [
  [new RegExp(`^NOT_FOUND - no ${RS}$`), 'notFound', ['kind', 'name', 'vhost']],
  [new RegExp(`^NOT_FOUND - home node '(.*)' of durable queue '(.*)' in vhost '(.*)' is down or inaccessible$`), 'homeNodeDown', ['node', 'name', 'vhost']],
  [/^ACCESS_REFUSED - operation not permitted on the default exchange$/, 'defaultExchange', []],
  [new RegExp(`^ACCESS_REFUSED - access to ${RS} refused for user '(.*)'$`), 'accessRefused', ['kind', 'name', 'vhost', 'user']],
  [new RegExp(`^ACCESS_REFUSED - cannot publish to internal exchange '(.*)' in vhost '(.*)'$`), 'internal', ['name', 'vhost']],
  [new RegExp(`^ACCESS_REFUSED - ${RS} in exclusive use$`), 'exclusiveUse', ['kind', 'name', 'vhost']],
  [/^RESOURCE_LOCKED - cannot obtain exclusive access to locked queue '(.*)' in vhost '(.*)'\..*$/, 'locked', ['name', 'vhost']],
  [new RegExp(`^PRECONDITION_FAILED - inequivalent arg '(.*)' for ${RS}: received (.*) but current is (.*)$`), 'inequivalent', ['arg', 'kind', 'name', 'vhost', 'received', 'current']],
  [new RegExp(`^PRECONDITION_FAILED - ${RS} in use$`), 'inUse', ['kind', 'name', 'vhost']],
  [new RegExp(`^PRECONDITION_FAILED - ${RS} not empty$`), 'notEmpty', ['kind', 'name', 'vhost']],
  [/^PRECONDITION_FAILED - unknown delivery tag (\d+)$/, 'unknownDeliveryTag', ['tag']],
  [/^NOT_ALLOWED - access to vhost '(.*)' refused for user '(.*)'$/, 'vhostRefused', ['vhost', 'user']],
  [/^NOT_ALLOWED - vhost (.*) not found$/, 'vhostNotFound', ['vhost']],
  [/^CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'$/, 'shutdown', []],
  [/^CONNECTION_FORCED - vhost '(.*)' is deleted$/, 'vhostDeleted', ['vhost']],
  [/^CONNECTION_FORCED - user '(.*)' is deleted$/, 'userDeleted', ['user']],
];

/** RabbitMQ's reply text in the reader's language (`t` reads the `simulation` namespace). */
export function serverText(text: string, t: Translate): string {
  for (const [pattern, key, names] of TEXTS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => (vars[name] = m[i + 1]));
    if (vars.kind) vars.kind = t(`server.kind.${vars.kind}`);
    return t(`server.${key}`, vars);
  }
  return text;
}
