import fs from 'node:fs';
import { PRESETS } from '/work/wt/h15b/src/scenario/presets/index.ts';
import { CLIENT_LANGUAGES } from '/work/wt/h15b/src/scenario/codegen/index.ts';
import { planOf } from '/work/wt/h15b/src/scenario/codegen/plan.ts';
const lang = process.argv[2]; const dir = process.argv[3];
fs.mkdirSync(dir, { recursive: true });
const l = CLIENT_LANGUAGES.find((x) => x.id === lang)!;
for (const p of PRESETS) { const d = `${dir}/${p.id}`; fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(`${d}/${l.fileName}`, l.render(planOf(p.doc))); }
