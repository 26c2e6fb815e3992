# Shared by the benchmark scripts: synthetic workspaces and facts in the databases of fresh_databases.
. scripts/lib/databases.sh

bench_workspaces() { # N: workspaces bws-0.. in N/10 organizations (at least one) across four time zones
  "${PSQL[@]}" -d "$DATABASE" <<SQL
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
        [ -n "$statement" ] && "${CH_CLIENT[@]}" -d "$DATABASE" --query "${statement%;}"
      done
  echo "facts: $("${CH_CLIENT[@]}" -d "$DATABASE" --query \
    "SELECT sum(rows) FROM system.parts WHERE database = '$DATABASE' AND active AND table != 'meta_error_catalogue'") rows in $(since "$start") s"
}
