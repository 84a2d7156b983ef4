#!/bin/sh
# Start/stop a private, loopback-only RabbitMQ node for conformance:real and the benchmark.
# Usage: ./broker.sh start | stop | status | mgmt
# All state lives under $WARREN_RMQ_DIR (default /tmp/warren-rabbitmq); nothing in /var/lib/rabbitmq is touched.
set -e
D="${WARREN_RMQ_DIR:-/tmp/warren-rabbitmq}"
export HOME="$D/home"                      # holds .erlang.cookie shared by server and CLI tools
export RABBITMQ_NODENAME="warren@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1  # AMQP listener on loopback only
export RABBITMQ_NODE_PORT="${WARREN_RMQ_PORT:-5672}"
export RABBITMQ_DIST_PORT=25672
export ERL_EPMD_ADDRESS=127.0.0.1          # epmd on loopback only
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_MNESIA_BASE="$D/mnesia"
export RABBITMQ_LOG_BASE="$D/log"
export RABBITMQ_PID_FILE="$D/beam.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$D/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$D/rabbitmq"   # -> $D/rabbitmq.conf
export RABBITMQ_ADVANCED_CONFIG_FILE="$D/advanced.config"
BIN=/usr/lib/rabbitmq/bin

case "$1" in
start)
  mkdir -p "$HOME" "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
  [ -f "$HOME/.erlang.cookie" ] || { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$HOME/.erlang.cookie"; chmod 400 "$HOME/.erlang.cookie"; }
  [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  cat > "$D/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$RABBITMQ_NODE_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
loopback_users.guest = true
log.console = false
log.file.level = info
CONF
  [ -f "$RABBITMQ_ADVANCED_CONFIG_FILE" ] || echo "[]." > "$RABBITMQ_ADVANCED_CONFIG_FILE"
  epmd_before=$(pgrep -x epmd || true)
  t0=$(date +%s.%N)
  # foreground-mode wrapper (sh with TERM trap) in the background; its PID is recorded
  nohup setsid "$BIN/rabbitmq-server" > "$D/log/stdout.log" 2> "$D/log/stderr.log" < /dev/null &
  echo $! > "$D/wrapper.pid"
  "$BIN/rabbitmqctl" -q wait --timeout 120 "$RABBITMQ_PID_FILE" >/dev/null
  until "$BIN/rabbitmq-diagnostics" -q ping >/dev/null 2>&1; do sleep 0.2; done
  t1=$(date +%s.%N)
  # record the epmd daemon this start spawned (only if none was running before)
  [ -z "$epmd_before" ] && { pgrep -x epmd > "$D/epmd.pid" || rm -f "$D/epmd.pid"; }
  echo "started: wrapper pid $(cat "$D/wrapper.pid"), beam pid $(cat "$RABBITMQ_PID_FILE"), $(echo "$t1 - $t0" | bc) s"
  ;;
stop)
  if [ -f "$D/wrapper.pid" ]; then
    "$BIN/rabbitmqctl" -q stop "$RABBITMQ_PID_FILE" || kill -TERM "$(cat "$D/wrapper.pid")" 2>/dev/null || true
    # epmd was spawned by this node's VM; stop it by PID (it is ours: recorded at start)
    if [ -f "$D/epmd.pid" ]; then kill -TERM "$(cat "$D/epmd.pid")" 2>/dev/null || true; rm -f "$D/epmd.pid"; fi
    rm -f "$D/wrapper.pid"
    echo stopped
  else echo "not started by this script"; fi
  ;;
status)
  "$BIN/rabbitmq-diagnostics" -q ping && "$BIN/rabbitmqctl" -q status | head -20 ;;
ctl) shift; "$BIN/rabbitmqctl" "$@" ;;
plugins) shift; "$BIN/rabbitmq-plugins" "$@" ;;
diag) shift; "$BIN/rabbitmq-diagnostics" "$@" ;;
*) echo "usage: $0 start|stop|status|ctl ARGS|plugins ARGS|diag ARGS"; exit 2 ;;
esac
