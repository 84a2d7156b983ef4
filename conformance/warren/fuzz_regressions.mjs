// Minimal scripts found by `npm run conformance:fuzz` where the engine and RabbitMQ disagreed, kept as
// conformance cases (expected files recorded on the real broker). See fuzz/interpret.mjs for the format.
import { scriptScenario } from './fuzz/interpret.mjs';

const found = [
  ["fuzz-quorum-delete-if-empty","found by conformance:fuzz: queue.delete with if-empty on a quorum queue is a 540 NOT_IMPLEMENTED connection error in RabbitMQ 3.10 (the engine deletes the queue)",{"exchanges":[],"queues":[{"quorum":true}],"bindings":[],"ops":[{"op":"deleteQueue","q":0,"ifEmpty":true,"ifUnused":false}]}],
  ["fuzz-ttl0-deadletter-order","found by conformance:fuzz: a message routed to q0 (x-message-ttl 0, DLX back to the same exchange) and q1; q1 gets the original copy first and the dead-lettered copy second (the engine enqueues the dead-lettered copy first)",{"exchanges":[{"type":"direct"}],"queues":[{"messageTtl":0,"dlx":{"ex":0}},{}],"bindings":[{"src":0,"toQueue":true,"dest":0,"key":"a"},{"src":0,"toQueue":true,"dest":1,"key":"a"}],"ops":[{"op":"publish","ex":0,"key":"a","props":{}},{"op":"nack","h":0,"i":0,"multiple":false,"requeue":false}]}],
  ["fuzz-quorum-global-qos","found by conformance:fuzz: basic.consume on a quorum queue from a channel with a global prefetch is a 540 NOT_IMPLEMENTED connection error (queue ... does not support global qos); the engine accepted the consumer",{"exchanges":[],"queues":[{"quorum":true}],"bindings":[],"ops":[{"op":"consume","q":0,"prefetch":1,"noAck":false,"global":true}]}],
];

export const scenarios = found.map(([name, desc, script]) => scriptScenario(script, { name, desc, prefix: `${name}.` }));
