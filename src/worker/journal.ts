/**
 * What the user did to a run, and when: the commands that change what the broker does (a manual
 * publish, a consumer paused, a node stopped, a program run, a management operation…), each with the virtual instant it
 * was applied at. With the document and its seed they are the whole input of a run, so replaying
 * them rebuilds any instant of it exactly (time-travel.ts).
 */
import type { Command } from './protocol';

export type InputCommand = Extract<Command, { type: 'publish' | 'producer' | 'consumer' | 'purge' | 'broker' | 'cluster' | 'program' | 'management' | 'edit' }>;

const INPUTS = new Set<Command['type']>(['publish', 'producer', 'consumer', 'purge', 'broker', 'cluster', 'program', 'management', 'edit']);

export const isInput = (cmd: Command): cmd is InputCommand => INPUTS.has(cmd.type);

export interface JournalEntry {
  /** Virtual ms at which it was applied: every event due at or before it had run. */
  t: number;
  cmd: InputCommand;
}

export class Journal {
  entries: JournalEntry[] = [];
  /** How many entries the current run has applied; the rest are its future, applied as time reaches them. */
  applied = 0;

  /** The next entry the run has yet to apply. */
  next(): JournalEntry | undefined {
    return this.entries[this.applied];
  }

  /**
   * A new input at `t`. Entries not yet applied belong to a future this input replaces (a new
   * branch): they are dropped, and returned.
   */
  record(t: number, cmd: InputCommand): JournalEntry[] {
    const dropped = this.entries.splice(this.applied);
    this.entries.push({ t, cmd });
    this.applied = this.entries.length;
    return dropped;
  }

  clear(): void {
    this.entries = [];
    this.applied = 0;
  }
}
