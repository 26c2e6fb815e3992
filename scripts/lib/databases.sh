# Shared by the scripts that work on their own databases (demo, benchmarks, load test). Source it from a script
# whose working directory is the checkout root; it sets PSQL, CH_CLIENT, PG_PORT, CH_HTTP, CH_TCP and DATABASE.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

fresh_databases() { # NAME: drops and re-creates NAME in Postgres and ClickHouse, points WAPI_* at it, migrates
  service_clients "$1"
  echo "== databases $DATABASE (re-created)"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE" 2>/dev/null
  ch_http "DROP DATABASE IF EXISTS $DATABASE"
  use_databases
}

reuse_databases() { # NAME MESSAGES WORKSPACES: as fresh_databases, keeping NAME when it holds that many of each
  service_clients "$1"
  [ "$(ch_http "SELECT uniqExact(message_key) FROM outbound_messages" "$1" 2>/dev/null)" = "$2" ] || return 1
  [ "$("${PSQL[@]}" -d "$1" -c "SELECT count(*) FROM workspaces" 2>/dev/null)" = "$3" ] || return 1
  use_databases
}

service_clients() { # NAME: starts the services, sets the clients' variables and DATABASE
  scripts/services up >/dev/null
  set -a; . .services/env; set +a
  PG_PORT=$(grep '^PG_PORT=' .services/env | cut -d= -f2)
  CH_HTTP=$(grep '^CH_HTTP_PORT=' .services/env | cut -d= -f2)
  CH_TCP=$(grep '^CH_TCP_PORT=' .services/env | cut -d= -f2)
  export PGPASSWORD="$WAPI_PG_PASSWORD"
  PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U "$WAPI_PG_USER" -v ON_ERROR_STOP=1 -qAt)
  CH_CLIENT=(clickhouse-client --port "$CH_TCP" --user "$WAPI_CH_USER" --password "$WAPI_CH_PASSWORD")
  DATABASE=$1
}

use_databases() { # points WAPI_* at DATABASE and migrates it
  export WAPI_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DATABASE"
  export WAPI_CH_URL="jdbc:clickhouse://127.0.0.1:$CH_HTTP/$DATABASE"
  scripts/wapi migrate >/dev/null
}

ch_http() { # QUERY [DATABASE]: one statement through ClickHouse's HTTP interface, with the recorded user
  curl -fsS -u "$WAPI_CH_USER:$WAPI_CH_PASSWORD" "http://127.0.0.1:$CH_HTTP/?database=${2:-default}" --data-binary "$1"
}

since() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN{printf "%.1f", a-b}'; }
