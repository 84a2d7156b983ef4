/**
 * Turns a learner's program (CommonJS or an ES module, as they would run it with `node`) into the
 * body of one async function the sandbox can call:
 * - `import amqp from 'amqplib'` (and named or namespace imports) become `const … = require(…)`;
 * - `export` is dropped (a program has no importer);
 * - every loop body starts with `__loop(line)`, which ends a turn that ran past its wall-time budget
 *   and says on which line (sandbox.ts);
 * - `import()` is refused: a program loads nothing.
 * Every edit keeps the program's lines where they were, so stack positions map back one to one.
 */
import { parse, type Node } from 'acorn';

export interface CompiledProgram {
  /** The function body: strict mode, then the program inside an async arrow, on the program's first line. */
  body: string;
  /** Characters added before the program on its first line (to correct columns there). */
  prefix: number;
}

/** A syntax error, or a construct programs may not use, at a 1-based line and column. */
export class ProgramSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** Names the compiled body refers to, passed in by the sandbox. */
export const LOOP_GUARD = '__loop';

const PREFIX = '"use strict";return (async () => {';

interface Edit {
  start: number;
  end: number;
  text: string;
}

type AnyNode = Node & Record<string, unknown>;

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

export function compileProgram(source: string): CompiledProgram {
  let ast: Node;
  try {
    ast = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowAwaitOutsideFunction: true,
      allowReturnOutsideFunction: true,
      allowHashBang: true,
      locations: true,
    });
  } catch (e) {
    const err = e as SyntaxError & { loc?: { line: number; column: number } };
    const message = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new ProgramSyntaxError(message, err.loc?.line ?? 1, (err.loc?.column ?? 0) + 1);
  }
  const edits: Edit[] = [];
  walk(ast as AnyNode, (node) => visit(node, source, edits));
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  out = out.replace(/^#!/, '//'); // a hashbang line, as node allows
  // A trailing line comment must not swallow the closing of the wrapper.
  return { body: `${PREFIX}${out}\n})();`, prefix: PREFIX.length };
}

function visit(node: AnyNode, source: string, edits: Edit[]): void {
  const line = (n: Node) => n.loc?.start.line ?? 0;
  if (node.type === 'ImportExpression') {
    throw new ProgramSyntaxError('import() is not available in Warren programs: use require() or a static import of amqplib', line(node), (node.loc?.start.column ?? 0) + 1);
  }
  if (node.type === 'ImportDeclaration') {
    edits.push({ start: node.start, end: node.end, text: keepLines(importAsRequire(node), source.slice(node.start, node.end)) });
    return;
  }
  if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') {
    const decl = node.declaration as AnyNode | null;
    if (decl) {
      const isExpression = node.type === 'ExportDefaultDeclaration' && !/Declaration$/.test(decl.type);
      edits.push({ start: node.start, end: decl.start, text: isExpression ? 'void ' : '' });
    } else {
      edits.push({ start: node.start, end: node.end, text: keepLines('', source.slice(node.start, node.end)) });
    }
    return;
  }
  if (LOOPS.has(node.type)) {
    const body = node.body as AnyNode;
    const guard = `${LOOP_GUARD}(${line(node)});`;
    if (body.type === 'BlockStatement') edits.push({ start: body.start + 1, end: body.start + 1, text: guard });
    else {
      edits.push({ start: body.start, end: body.start, text: `{${guard}` });
      edits.push({ start: body.end, end: body.end, text: '}' });
    }
  }
}

function importAsRequire(node: AnyNode): string {
  const from = JSON.stringify((node.source as AnyNode).value);
  const specifiers = node.specifiers as AnyNode[];
  if (!specifiers.length) return `require(${from});`;
  const parts: string[] = [];
  const named: string[] = [];
  for (const s of specifiers) {
    const local = (s.local as AnyNode).name as string;
    if (s.type === 'ImportDefaultSpecifier' || s.type === 'ImportNamespaceSpecifier') parts.push(`const ${local} = require(${from});`);
    else {
      const imported = s.imported as AnyNode;
      const name = (imported.name ?? imported.value) as string;
      named.push(name === local ? local : `${JSON.stringify(name)}: ${local}`);
    }
  }
  if (named.length) parts.push(`const { ${named.join(', ')} } = require(${from});`);
  return parts.join(' ');
}

/** Pads a replacement with the newlines the replaced text had, so later lines keep their numbers. */
function keepLines(text: string, replaced: string): string {
  const lines = replaced.split('\n').length - 1;
  return text + '\n'.repeat(lines);
}

function walk(node: AnyNode, fn: (n: AnyNode) => void): void {
  fn(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const v = node[key];
    if (Array.isArray(v)) {
      for (const c of v) if (c && typeof c === 'object' && typeof (c as AnyNode).type === 'string') walk(c as AnyNode, fn);
    } else if (v && typeof v === 'object' && typeof (v as AnyNode).type === 'string') walk(v as AnyNode, fn);
  }
}
