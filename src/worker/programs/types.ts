/** What crosses from the program runtime to the Code panel (plain data, structured-clone safe). */

/** A program as the Code panel holds it: a file name, its text and the arguments after `node file.js`. */
export interface ProgramSpec {
  id: string;
  name: string;
  source: string;
  args?: string[];
}

export type ProgramState = 'running' | 'finished' | 'exited' | 'failed' | 'stopped';

/** Where and what went wrong, in the program's own lines (1-based). */
export interface ProgramError {
  message: string;
  note?: RuntimeNote;
  line?: number;
  column?: number;
}

export interface ProgramStatus {
  state: ProgramState;
  /** process.exit's code. */
  code?: number;
  error?: ProgramError;
}

/** One console write, stamped with the virtual time it happened at. */
export interface ConsoleLine {
  program: string;
  t: number;
  stream: 'out' | 'err';
  /** In English; `note` lets the panel say Warren's own messages in the reader's language. */
  text: string;
  note?: RuntimeNote;
}

/** Warren's own messages about a program (the Code panel's `runtime.<key>` text). */
export interface RuntimeNote {
  key: 'loop' | 'timers';
  line?: number;
  seconds: number;
}

/** What programs did since the previous frame. */
export interface ProgramReport {
  output: ConsoleLine[];
  /** Programs whose state changed, by id. */
  status: Record<string, ProgramStatus>;
  /** The canvas's picture of what programs declared and opened, when it changed. */
  view?: CodeView;
}

/** Exchanges, queues and bindings programs declared that the document does not have, and the programs' clients. */
export interface CodeView {
  nodes: CodeNode[];
  edges: CodeEdge[];
}

export interface CodeNode {
  id: string;
  kind: 'exchange' | 'queue' | 'program';
  name: string;
  /** exchange type */
  type?: string;
  /** program: it publishes, it consumes (both for an RPC client or server). */
  publishes?: boolean;
  consumes?: boolean;
}

export interface CodeEdge {
  id: string;
  source: string;
  target: string;
  kind: 'publish' | 'binding' | 'consume';
  label?: string;
}

/** Canvas node id of a program's client. */
export const programNodeId = (id: string): string => `code:${id}`;
