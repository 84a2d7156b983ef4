import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import path from 'node:path';
import rule from './engine-boundary.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const root = process.cwd();
const inEngine = path.join(root, 'src/engine/routing/topic.ts');

tester.run('engine-boundary', rule, {
  valid: [
    { code: "import { x } from './trie';", filename: inEngine },
    { code: "import { x } from '../trace';", filename: inEngine },
    { code: "export * from '../queue';", filename: inEngine },
  ],
  invalid: [
    { code: "import React from 'react';", filename: inEngine, errors: [{ messageId: 'outside' }] },
    { code: "import fs from 'node:fs';", filename: inEngine, errors: [{ messageId: 'outside' }] },
    { code: "import { doc } from '../../scenario/schema';", filename: inEngine, errors: [{ messageId: 'outside' }] },
    { code: "export { a } from '../../app/x';", filename: inEngine, errors: [{ messageId: 'outside' }] },
    { code: 'const m = import(name);', filename: inEngine, errors: [{ messageId: 'outside' }] },
  ],
});
