// Minimal scripts found by `npm run conformance:fuzz` where the engine and RabbitMQ disagreed, kept as
// conformance cases (expected files recorded on the real broker). See fuzz/interpret.mjs for the format.
import { scriptScenario } from './fuzz/interpret.mjs';

const found = [
  ["fuzz-quorum-delete-if-empty","found by conformance:fuzz: queue.delete with if-empty on a quorum queue is a 540 NOT_IMPLEMENTED connection error in RabbitMQ 3.10 (the engine deletes the queue)",{"exchanges":[],"queues":[{"quorum":true}],"bindings":[],"ops":[{"op":"deleteQueue","q":0,"ifEmpty":true,"ifUnused":false}]}],
];

export const scenarios = found.map(([name, desc, script]) => scriptScenario(script, { name, desc, prefix: `${name}.` }));
