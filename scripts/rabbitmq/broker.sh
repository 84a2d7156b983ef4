#!/bin/sh
# Start/stop a private, loopback-only RabbitMQ node for conformance:real and the benchmark.
# Usage: ./broker.sh start | stop | status | ctl ARGS | plugins ARGS | diag ARGS
# It is the recorder's own script (conformance/rabbitmq-3.10/recorder/broker.sh, node oracle@localhost)
# with Warren's folder and port: all state under $WARREN_RMQ_DIR (default /tmp/warren-rabbitmq), AMQP
# on 127.0.0.1:$WARREN_RMQ_PORT (default 5672); nothing in /var/lib/rabbitmq is touched.
set -e
export RMQ_ORACLE_DIR="${WARREN_RMQ_DIR:-/tmp/warren-rabbitmq}"
export RMQ_ORACLE_PORT="${WARREN_RMQ_PORT:-5672}"
exec sh "$(dirname "$0")/../../conformance/rabbitmq-3.10/recorder/broker.sh" "$@"
