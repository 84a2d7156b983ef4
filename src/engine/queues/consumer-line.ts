import type { Consumer } from './consumer';

/**
 * A queue's consumers in the order deliveries go to them: by priority (highest first), round-robin
 * within a priority, and in registration order for single-active-consumer.
 */
export class ConsumerLine {
  /** By priority (highest first), round-robin within a priority. */
  readonly list: Consumer[] = [];
  /** In registration order (single-active-consumer picks the first). */
  private registered: Consumer[] = [];

  /** The consumer the next delivery goes to (moved behind its priority's others), or null when none has credit. */
  pick(singleActive: boolean): Consumer | null {
    const cs = this.list;
    if (cs.length === 0) return null;
    if (singleActive) {
      const c = this.registered[0];
      return c.canTake() ? c : null;
    }
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c.canTake()) {
        if (cs.length > 1) this.rotate(i);
        return c;
      }
      // tried while at its limit: RabbitMQ moves it out of the line until it is ready again
      c.blocked = true;
    }
    return null;
  }

  /** A consumer found at its prefetch limit can take messages again: it goes to the back of the line. */
  unblocked(c: Consumer, singleActive: boolean): void {
    c.blocked = false;
    if (singleActive || this.list.length < 2) return;
    const i = this.list.indexOf(c);
    if (i >= 0) this.rotate(i);
  }

  /** Moves consumer i behind the others of its priority (round-robin). */
  private rotate(i: number): void {
    const cs = this.list;
    const c = cs[i];
    let j = i;
    while (j + 1 < cs.length && cs[j + 1].priority === c.priority) {
      cs[j] = cs[j + 1];
      j++;
    }
    cs[j] = c;
  }

  /** Adds a consumer behind those of its priority and higher. */
  add(c: Consumer): void {
    const cs = this.list;
    let i = cs.length;
    while (i > 0 && cs[i - 1].priority < c.priority) i--;
    cs.splice(i, 0, c);
    this.registered.push(c);
  }

  /** Removes a consumer; whether it was in the line. */
  remove(c: Consumer): boolean {
    const i = this.list.indexOf(c);
    if (i < 0) return false;
    this.list.splice(i, 1);
    this.registered.splice(this.registered.indexOf(c), 1);
    return true;
  }
}
