# CPU accounting of the benchmark scripts (source it): seconds of CPU used by processes, read from /proc.

cpu_seconds() { # PID...: user+system CPU seconds of the processes, their live children and their waited-for children
  local total=0 pid
  for pid in "$@" $(for p in "$@"; do pgrep -P "$p" 2>/dev/null; done); do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(awk -v t="$total" -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print t + ($12 + $13 + $14 + $15) / hz }' "/proc/$pid/stat")
  done
  echo "$total"
}

services_pids() { # the Postgres postmaster and ClickHouse server of this checkout's .services
  head -n 1 .services/postgres/data/postmaster.pid 2>/dev/null || true
  cat .services/clickhouse/clickhouse.pid 2>/dev/null || true
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

median_min_max() { # one number a line on stdin: prints "median M (min A, max B, n N)"
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "no runs"; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %.2f (min %.2f, max %.2f, n %d)\n", m, v[1], v[NR], NR }'
}
