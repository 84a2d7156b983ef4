// How the tutorial programs in programs/ are run, as a reader of RabbitMQ's tutorials runs them in
// terminals: consumers first (in the background, until stopped), then the producers one after
// another. Each play's console output, per program, is recorded on a real RabbitMQ 3.10.8
// (`npm run conformance:real -- --tutorials --record`) and compared with the engine's in `npm test`.
//
// Steps: { start: id, program, args }  start a program (it runs until it exits or the play ends)
//        { until: id, line, count? }   wait until the program printed `count` (default 1) lines containing `line`
//        { exit: id }                  wait until the program has exited
//        { sleep: ms }                 let time pass
// Server-named queues in the output read `amq.gen-*`.

/** What the plays declare, deleted before and after each play on the real broker. */
export const cleanup = { queues: ['hello', 'task_queue', 'rpc_queue'], exchanges: ['logs', 'direct_logs', 'topic_logs'] };

export const plays = [
  {
    name: 'hello-world',
    steps: [
      { start: 'receive', program: 'receive.cjs', args: [] },
      { until: 'receive', line: 'Waiting' },
      { start: 'send', program: 'send.cjs', args: [] },
      { exit: 'send' },
      { until: 'receive', line: 'Received' },
    ],
  },
  {
    name: 'work-queues',
    steps: [
      { start: 'worker1', program: 'worker.cjs', args: [] },
      { until: 'worker1', line: 'Waiting' },
      { start: 'worker2', program: 'worker.cjs', args: [] },
      { until: 'worker2', line: 'Waiting' },
      { start: 'task1', program: 'new_task.cjs', args: ['First', 'task....'] },
      { exit: 'task1' },
      { start: 'task2', program: 'new_task.cjs', args: ['Second', 'task.'] },
      { exit: 'task2' },
      { start: 'task3', program: 'new_task.cjs', args: ['Third', 'task.'] },
      { exit: 'task3' },
      { start: 'task4', program: 'new_task.cjs', args: ['Fourth', 'task.'] },
      { exit: 'task4' },
      { until: 'worker2', line: 'Done', count: 3 },
      { until: 'worker1', line: 'Done' },
    ],
  },
  {
    name: 'publish-subscribe',
    steps: [
      { start: 'logs1', program: 'receive_logs.cjs', args: [] },
      { until: 'logs1', line: 'Waiting' },
      { start: 'logs2', program: 'receive_logs.cjs', args: [] },
      { until: 'logs2', line: 'Waiting' },
      { sleep: 300 },
      { start: 'emit', program: 'emit_log.cjs', args: ['info:', 'the', 'build', 'passed'] },
      { exit: 'emit' },
      { until: 'logs1', line: 'build' },
      { until: 'logs2', line: 'build' },
    ],
  },
  {
    name: 'routing',
    steps: [
      { start: 'problems', program: 'receive_logs_direct.cjs', args: ['warning', 'error'] },
      { until: 'problems', line: 'Waiting' },
      { start: 'everything', program: 'receive_logs_direct.cjs', args: ['info', 'warning', 'error'] },
      { until: 'everything', line: 'Waiting' },
      { sleep: 300 },
      { start: 'e1', program: 'emit_log_direct.cjs', args: ['error', 'Run.', 'Run.', 'Or', 'it', 'will', 'explode.'] },
      { exit: 'e1' },
      { start: 'e2', program: 'emit_log_direct.cjs', args: ['info', 'all', 'good'] },
      { exit: 'e2' },
      { start: 'e3', program: 'emit_log_direct.cjs', args: ['debug', 'nobody', 'listens'] },
      { exit: 'e3' },
      { start: 'e4', program: 'emit_log_direct.cjs', args: ['warning', 'disk', 'almost', 'full'] },
      { exit: 'e4' },
      { until: 'everything', line: 'disk' },
      { until: 'problems', line: 'disk' },
    ],
  },
  {
    name: 'topics',
    steps: [
      { start: 'all', program: 'receive_logs_topic.cjs', args: ['#'] },
      { until: 'all', line: 'Waiting' },
      { start: 'kern', program: 'receive_logs_topic.cjs', args: ['kern.*'] },
      { until: 'kern', line: 'Waiting' },
      { start: 'critical', program: 'receive_logs_topic.cjs', args: ['*.critical', 'cron.#'] },
      { until: 'critical', line: 'Waiting' },
      { sleep: 300 },
      { start: 'e1', program: 'emit_log_topic.cjs', args: ['kern.critical', 'A', 'critical', 'kernel', 'error'] },
      { exit: 'e1' },
      { start: 'e2', program: 'emit_log_topic.cjs', args: ['kern.info.extra', 'three', 'words'] },
      { exit: 'e2' },
      { start: 'e3', program: 'emit_log_topic.cjs', args: ['cron', 'no', 'dot'] },
      { exit: 'e3' },
      { start: 'e4', program: 'emit_log_topic.cjs', args: ['auth.critical', 'last'] },
      { exit: 'e4' },
      { until: 'all', line: 'last' },
      { until: 'critical', line: 'last' },
      { sleep: 300 },
    ],
  },
  {
    name: 'rpc',
    steps: [
      { start: 'server', program: 'rpc_server.cjs', args: [] },
      { until: 'server', line: 'Awaiting' },
      { sleep: 300 },
      { start: 'client1', program: 'rpc_client.cjs', args: ['10'] },
      { exit: 'client1' },
      { start: 'client2', program: 'rpc_client.cjs', args: ['25'] },
      { exit: 'client2' },
    ],
  },
];
