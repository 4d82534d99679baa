# Shared by the benchmark scripts (source it after setting jar, port and work): starts and stops one Kindred on
# 127.0.0.1, bounded waits, and kills it on exit. Extra environment for the server goes in the array server_env.
pid=
server_env=(${server_env[@]+"${server_env[@]}"})
cleanup() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" || true; fi; rm -rf "$work"; }
trap cleanup EXIT

start() {
  env ${server_env[@]+"${server_env[@]}"} KINDRED_ADMIN_EMAIL=admin@bench.test KINDRED_ADMIN_PASSWORD=bench-password-1 \
    java ${JAVA_OPTS:-} -jar "$jar" --port "$port" --data "$work/data" >>"$work/kindred.log" 2>&1 &
  pid=$!
  for i in $(seq 1 600); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/healthz" && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$work/kindred.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "no answer within 60 s" >&2; exit 1
}
stop() { kill -TERM "$pid"; for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; pid=; }
