/** The scenario's `code` section: programs travel in the share hash and in JSON, and hostile ones are refused. */
import { describe, expect, it } from 'vitest';
import { emptyScenario } from './factory';
import { restoreScenario } from './restore';
import { decodeShareHash, encodeShareHash } from './url';
import { LIMITS } from './schema';

const withCode = () => ({
  ...emptyScenario(),
  code: { example: 'rpc', programs: [{ id: 'send', name: 'send.js', source: "const amqp = require('amqplib');\n", args: 'a "b c"' }] },
});

describe('code section', () => {
  it('goes through the share hash and back unchanged', () => {
    const doc = withCode();
    const back = decodeShareHash(encodeShareHash(doc));
    expect(back.ok && back.doc.code).toEqual(doc.code);
  });

  it('refuses a bad program id, too many programs and an oversized program, naming the problem', () => {
    const bad = (code: unknown) => restoreScenario({ ...emptyScenario(), code });
    const p = withCode().code.programs[0];
    const r1 = bad({ programs: [{ ...p, id: '../x' }] });
    expect(r1.ok || r1.error).toMatch(/program id/);
    const r2 = bad({ programs: Array.from({ length: LIMITS.programs + 1 }, (_, i) => ({ ...p, id: `p${i}` })) });
    expect(r2.ok || r2.error).toMatch(/code.programs: must have at most 8 item/);
    const r3 = bad({ programs: [{ ...p, source: 'x'.repeat(LIMITS.programLength + 1) }] });
    expect(r3.ok || r3.error).toMatch(/source: must have at most 20000 character/);
  });
});
