#!/usr/bin/env node
// npm run conformance:refresh: copies ../shared/conformance (cases recorded on a real RabbitMQ 3.10.8,
// with ops/, cluster/, recorder/ and expected/) into conformance/rabbitmq-3.10/, replacing what was there.
// The project's own cases live in conformance/warren/ and are not touched.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.resolve(ROOT, '..', 'shared', 'conformance');
const DEST = path.join(ROOT, 'conformance', 'rabbitmq-3.10');

if (!fs.existsSync(SRC)) {
  console.error(`no ${SRC}: nothing to refresh (the copy in ${path.relative(ROOT, DEST)} is kept)`);
  process.exit(1);
}
fs.rmSync(DEST, { recursive: true, force: true });
fs.cpSync(SRC, DEST, { recursive: true });
let n = 0;
const count = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) count(path.join(d, e.name));
    else n++;
  }
};
count(DEST);
console.log(`copied ${n} files from ${SRC} to ${path.relative(ROOT, DEST)}`);
