// The project's broker-level cases use the shared ops helpers unchanged.
export * from '../../rabbitmq-3.10/ops/lib.mjs';
