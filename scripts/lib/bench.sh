# Shared by the benchmark scripts: a dedicated, re-created database pair and synthetic facts.
# Source it from a script whose working directory is the checkout root.

bench_database() { # NAME: drops and re-creates NAME in Postgres and ClickHouse, points WAPI_* at it, migrates
  scripts/services up >/dev/null
  set -a; . .services/env; set +a
  PG_PORT=$(grep '^PG_PORT=' .services/env | cut -d= -f2)
  CH_HTTP=$(grep '^CH_HTTP_PORT=' .services/env | cut -d= -f2)
  CH_TCP=$(grep '^CH_TCP_PORT=' .services/env | cut -d= -f2)
  export PGPASSWORD="$WAPI_PG_PASSWORD"
  PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U "$WAPI_PG_USER" -v ON_ERROR_STOP=1 -qAt)
  BENCH_DB=$1
  echo "== bench database $BENCH_DB (re-created)"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB" 2>/dev/null
  curl -fsS "http://127.0.0.1:$CH_HTTP/" --data-binary "DROP DATABASE IF EXISTS $BENCH_DB"
  export WAPI_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB"
  export WAPI_CH_URL="jdbc:clickhouse://127.0.0.1:$CH_HTTP/$BENCH_DB"
  scripts/wapi migrate >/dev/null
}

bench_workspaces() { # N: workspaces bws-0.. in N/10 organizations (at least one) across four time zones
  "${PSQL[@]}" -d "$BENCH_DB" <<SQL
INSERT INTO organizations (id, name, time_zone, owner_email)
SELECT 'borg-' || o, 'Bench ' || o, (ARRAY['Asia/Kolkata', 'America/New_York', 'Europe/Berlin', 'UTC'])[o % 4 + 1],
       'owner-' || o || '@bench.test'
  FROM generate_series(0, greatest($1 / 10, 1) - 1) o;
INSERT INTO workspaces (id, organization_id, name)
SELECT 'bws-' || w, 'borg-' || (w / 10), 'Workspace ' || w FROM generate_series(0, $1 - 1) w;
SQL
}

bench_facts() { # MESSAGES WORKSPACES: scripts/sql/synthetic-facts.sql into the bench database
  local start; start=$(date +%s.%N)
  sed -e "s/{messages}/$1/g" -e "s/{workspaces}/$2/g" -e "s/{conversations}/$(($1 / 20))/g" \
      -e "s/{clicks}/$(($1 / 20))/g" -e "s/{conversions}/$(($1 / 200))/g" scripts/sql/synthetic-facts.sql \
    | grep -v '^--' | while IFS= read -r statement; do
        [ -n "$statement" ] && clickhouse-client --port "$CH_TCP" -d "$BENCH_DB" --query "${statement%;}"
      done
  echo "facts: $(clickhouse-client --port "$CH_TCP" -d "$BENCH_DB" --query \
    "SELECT sum(rows) FROM system.parts WHERE database = '$BENCH_DB' AND active AND table != 'meta_error_catalogue'") rows in $(bench_since "$start") s"
}

bench_since() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN{printf "%.1f", a-b}'; }
