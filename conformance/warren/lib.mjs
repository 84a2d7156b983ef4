// The project's cases use the shared conformance helpers unchanged (conformance/rabbitmq-3.10/lib.mjs,
// kept in the repository by `npm run conformance:refresh`), so both sets read observations alike.
export * from '../rabbitmq-3.10/lib.mjs';
