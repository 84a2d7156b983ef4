/**
 * Warren's engine: a deterministic discrete-event simulation of a RabbitMQ 3.10.8 broker with an
 * amqplib-shaped promise API. Pure TypeScript: no DOM, timers, clocks or randomness from outside.
 */
export { createBroker, Broker } from './broker';
export type { BrokerOptions, ConnectOptions, Latency } from './broker';
export { Connection } from './client/connection';
export { Channel } from './client/channel';
export type { AssertQueueOptions, AssertExchangeOptions, ConsumeOptions } from './client/channel';
export type { ConfirmCallback } from './client/outbox';
export type { ConsumeCallback } from './queues/consumer';
export type { ConsumeMessage, MessageFields, MessageProperties, PublishOptions } from './amqp/message';
export type { TraceEvent, TraceEventType, BindingRef, DropReason, DeadLetterReason, QueueDeleteReason, ConsumerCancelReason } from './kernel/trace';
export { TraceLog } from './kernel/trace';
export type { StatsSnapshot, CountersSnapshot } from './kernel/stats';
export type { BrokerSnapshot, QueueInfo, ExchangeInfo, ConsumerInfo, ChannelInfo, ConnectionInfo } from './views/snapshot';
export type { RouteExplanation, BindingExplanation, MatchReason } from './views/explain';
export type { QueueContents, HeldMessage } from './views/peek';
export type { PrngState } from './kernel/prng';
export { Admin } from './server/admin';
export type { ClusterQueueInfo, PolicyOptions } from './server/admin';
export type { ResourcesView } from './server/alarms';
export type { ResourceSettings } from './server/resources';
export type { UserInfo, PermissionInfo, Permission } from './server/auth';
export type { PolicyInfo, ApplyTo } from './queues/policies';
export type { NodeInfo } from './server/cluster';
export { Prng } from './kernel/prng';
export { copyGraph, NotCopyable, relocatable, shareable, COPY, type CopyResult, type CustomCopy } from './kernel/copy';
export { Emitter } from './kernel/emitter';
export { ERRORS, IllegalOperationError } from './amqp/errors';
export type { Timer } from './kernel/clock';
export type { Message, StoredProps } from './amqp/message';
export { amqplibModule } from './amqplib/module';
export type { AmqplibModule } from './amqplib/module';
export { amqplibCallbackModule, CallbackChannel, CallbackConnection } from './amqplib/callback';
export type { AmqplibCallbackModule } from './amqplib/callback';
export { credentials } from './amqplib/url';
// For the worker and the scenario tools (code outside src/engine imports only this file).
export { ConsumerAgent, type ConsumerOptions } from './agents/consumer';
export { ProducerAgent, type ProducerOptions } from './agents/producer';
export type { AgentChannel, AgentHost } from './agents/host';
export { bestPolicy, makePolicy } from './queues/policies';
export type { Policy } from './queues/policies';
export { compileRegex } from './server/regex';
export { DEFAULT_RESOURCES } from './server/resources';
export { explainHeaders } from './routing/headers';
export { explainTopic } from './routing/topic';
export type { Credentials, UrlObject } from './amqplib/url';
