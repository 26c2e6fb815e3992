# The ClickHouse cluster of `scripts/services up --cluster` (sourced by scripts/services): ZooKeeper and four
# clickhouse-server processes on loopback, two shards of two replicas, named `wapi` in remote_servers, with the
# macros {shard} and {replica} and distributed DDL. Settings go to .services/env:
#   WAPI_CLUSTER_CH_URL   JDBC URL of node 1 (shard 1, replica 1): the entry point of the product's connections
#   WAPI_CLUSTER_NAME     the cluster's name (give it to the product as WAPI_CH_CLUSTER)
#   CLUSTER_NODES         host:http port of each node, shard by shard: s1r1,s1r2,s2r1,s2r2
#   CLUSTER_PORTS         http,tcp,interserver ports of each node, / between nodes (the file is sourced: no ; or space)
#   ZK_PORT               ZooKeeper's client port
CLUSTER_DIR="$STATE/cluster"
CLUSTER_NAME=wapi

# ZooKeeper runs as the owner of .services (postgres when this runs as root), never as root.
as_state_owner() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then runuser -u postgres -- "$@"; else "$@"; fi
}

zk_running() {
  local port; port=$(read_state ZK_PORT)
  [ -n "$port" ] && [ -f "$CLUSTER_DIR/zookeeper/pid" ] && kill -0 "$(cat "$CLUSTER_DIR/zookeeper/pid")" 2>/dev/null \
    && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

zk_up() {
  [ -f /usr/share/java/zookeeper.jar ] || apt_install zookeeper
  if zk_running; then log "zookeeper already running on port $(read_state ZK_PORT)"; return; fi
  local dir="$CLUSTER_DIR/zookeeper" port
  mkdir -p "$dir/data" "$dir/log"
  port=$(free_port 52181)
  cat > "$dir/zoo.cfg" <<CFG
tickTime=2000
dataDir=$dir/data
clientPort=$port
clientPortAddress=127.0.0.1
maxClientCnxns=200
admin.enableServer=false
4lw.commands.whitelist=ruok,stat
CFG
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then chown -R postgres "$CLUSTER_DIR"; fi
  as_state_owner setsid nohup java -Xmx256m -cp /usr/share/java/zookeeper.jar \
      org.apache.zookeeper.server.ZooKeeperServerMain "$dir/zoo.cfg" > "$dir/log/stdout.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "zookeeper did not start; see $dir/log/"
  # the JVM's own pid (runuser stands between it and this shell), found by its configuration file
  pgrep -f -- "ZooKeeperServerMain $dir/zoo.cfg" | head -n 1 > "$dir/pid"
  set_state ZK_PORT "$port"
  log "zookeeper running on 127.0.0.1:$port"
}

# node_config DIR SHARD REPLICA HTTP TCP INTER: config.xml of one node (users.xml: the single server's, same password)
cluster_node_config() {
  local dir=$1 shard=$2 replica=$3 http=$4 tcp=$5 inter=$6
  local servers="" s r
  for s in 1 2; do
    servers+="<shard><internal_replication>true</internal_replication>"
    for r in 1 2; do
      servers+="<replica><host>127.0.0.1</host><port>${CLUSTER_TCP[$(( (s - 1) * 2 + r - 1 ))]}</port>"
      servers+="<user>default</user><password>$(read_state WAPI_CH_PASSWORD)</password></replica>"
    done
    servers+="</shard>"
  done
  cat > "$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><size>50M</size><count>2</count></logger>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <interserver_http_port>$inter</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <listen_host>127.0.0.1</listen_host>
  <max_connections>512</max_connections>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$CH_DIR/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <max_table_size_to_drop>0</max_table_size_to_drop>
  <max_partition_size_to_drop>0</max_partition_size_to_drop>
  <zookeeper><node><host>127.0.0.1</host><port>$(read_state ZK_PORT)</port></node><session_timeout_ms>30000</session_timeout_ms></zookeeper>
  <macros><shard>$shard</shard><replica>r$replica</replica></macros>
  <remote_servers><$CLUSTER_NAME>$servers</$CLUSTER_NAME></remote_servers>
  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
</yandex>
XML
}

cluster_node_running() { # INDEX (0..3)
  local dir="$CLUSTER_DIR/ch$1" port
  port=$(read_state CLUSTER_NODES | cut -d, -f$(($1 + 1)) | cut -d: -f2)
  [ -n "$port" ] && [ -f "$dir/clickhouse.pid" ] && kill -0 "$(cat "$dir/clickhouse.pid")" 2>/dev/null \
    && curl -fsS "http://127.0.0.1:$port/ping" >/dev/null 2>&1
}

cluster_running() {
  local i
  zk_running || return 1
  for i in 0 1 2 3; do cluster_node_running "$i" || return 1; done
}

# Starts the nodes not running, on the ports recorded before (a node killed in a test comes back where it was).
cluster_up() {
  external_ch && die "WAPI_CH_URL is set: the cluster runs beside the private single server only" 2
  zk_up
  if cluster_running; then log "clickhouse cluster already running ($(read_state CLUSTER_NODES))"; return; fi
  local i port=58300 nodes="" ports; ports=$(read_state CLUSTER_PORTS | tr ";" /)
  CLUSTER_HTTP=() CLUSTER_TCP=() CLUSTER_INTER=()
  for i in 0 1 2 3; do
    if [ -n "$ports" ]; then
      IFS=, read -r CLUSTER_HTTP[i] CLUSTER_TCP[i] CLUSTER_INTER[i] <<< "$(echo "$ports" | cut -d/ -f$((i + 1)))"
    else
      port=$(free_port "$port"); CLUSTER_HTTP[i]=$port; port=$((port + 1))
      port=$(free_port "$port"); CLUSTER_TCP[i]=$port; port=$((port + 1))
      port=$(free_port "$port"); CLUSTER_INTER[i]=$port; port=$((port + 1))
    fi
  done
  ports=""
  for i in 0 1 2 3; do
    ports+="${ports:+/}${CLUSTER_HTTP[i]},${CLUSTER_TCP[i]},${CLUSTER_INTER[i]}"
    nodes+="${nodes:+,}127.0.0.1:${CLUSTER_HTTP[i]}"
  done
  set_state CLUSTER_PORTS "$ports"
  set_state CLUSTER_NODES "$nodes"
  for i in 0 1 2 3; do
    cluster_node_running "$i" && continue
    local dir="$CLUSTER_DIR/ch$i"
    mkdir -p "$dir"/{data,tmp,user_files,format_schemas,log}
    cluster_node_config "$dir" $((i / 2 + 1)) $((i % 2 + 1)) "${CLUSTER_HTTP[i]}" "${CLUSTER_TCP[i]}" "${CLUSTER_INTER[i]}"
    (cd "$dir" && exec setsid nohup clickhouse-server --config-file="$dir/config.xml" \
        > "$dir/log/stdout.log" 2>&1 < /dev/null) &
    echo $! > "$dir/clickhouse.pid"
  done
  for i in 0 1 2 3; do
    for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:${CLUSTER_HTTP[i]}/ping" >/dev/null 2>&1 && break; sleep 0.5; done
    curl -fsS "http://127.0.0.1:${CLUSTER_HTTP[i]}/ping" >/dev/null 2>&1 || die "clickhouse node $i did not start; see $CLUSTER_DIR/ch$i/log/"
  done
  set_state WAPI_CLUSTER_NAME "$CLUSTER_NAME"
  set_state WAPI_CLUSTER_CH_URL "jdbc:clickhouse://127.0.0.1:${CLUSTER_HTTP[0]}/wapi"
  log "clickhouse cluster $CLUSTER_NAME running: $nodes (shard 1: nodes 1-2, shard 2: nodes 3-4)"
}

cluster_down_nodes() {
  local i
  for i in 0 1 2 3; do
    local pidfile="$CLUSTER_DIR/ch$i/clickhouse.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      local pid; pid=$(cat "$pidfile")
      kill "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$pidfile"
  done
}

cluster_down() {
  [ -d "$CLUSTER_DIR" ] || return 0
  cluster_down_nodes
  local pidfile="$CLUSTER_DIR/zookeeper/pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")"
    rm -f "$pidfile"
  fi
  log "clickhouse cluster and zookeeper stopped"
}

cluster_status() {
  if cluster_running; then echo "clickhouse cluster: running ($(read_state CLUSTER_NODES), zookeeper on $(read_state ZK_PORT))"
  else echo "clickhouse cluster: stopped"; fi
}
