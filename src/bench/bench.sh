#!/usr/bin/env bash
# Benchmark: the same page bytes served by nginx (gzip_static) and by the app, measured with wrk in
# the same run, so the ratio is what counts (absolute numbers drift ±20% between runs).
#   mvn -Pbench verify          (or: src/bench/bench.sh after mvn -DskipTests package)
#   BENCH_ONLY=scale src/bench/bench.sh   runs only the scale-out part (it has its own reference)
#   BENCH_ONLY=startup src/bench/bench.sh runs only the start-up part (likewise)
#   BENCH_ONLY=slow src/bench/bench.sh    runs only the slow-clients part (its reference: the same
#                                         requests without the slow clients, in the same run)
#   BENCH_ONLY=term src/bench/bench.sh    runs only the term page (English and Thai) against nginx
#   BENCH_ONLY=search src/bench/bench.sh  runs only the search pages against nginx (bundled terms
#                                         and 10,000 generated ones; broad and narrow queries)
#   BENCH_ONLY=inquiries src/bench/bench.sh runs only the inquiry part
#   BENCH_ONLY=backup src/bench/bench.sh  runs only backup and restore of 100,000 leads (its reference:
#                                         gzip and cp of the same database file, in the same run)
#   BENCH_ONLY=admin src/bench/bench.sh   runs only the admin inbox part (100,000 generated leads)
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
# BENCH_PORT moves all four ports (default 18080-18083), so two benchmarks on one machine stay apart.
APP_PORT=${BENCH_PORT:-18080}
NGINX_PORT=$((APP_PORT + 1))
PROXY_PORT=$((APP_PORT + 2))
APP2_PORT=$((APP_PORT + 3))
work=$(mktemp -d /tmp/glossary-bench.XXXXXX)
chmod 755 "$work" # nginx workers run as an unprivileged user
pids=()
pg_db=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pidfile in "$work/nginx.pid" "$work/proxy.pid"; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  [ -n "$pg_db" ] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" || true
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v psql >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -f target/glossary.jar ] || mvn -q -DskipTests package

start_app() { # $1 = content dir or empty
  local data="$work/data-$RANDOM"
  app_data="$data"
  GLOSSARY_PORT=$APP_PORT GLOSSARY_DATA_DIR="$data" GLOSSARY_CONTENT_DIR="$1" \
    GLOSSARY_FORM_MIN_SECONDS=0 GLOSSARY_TRUSTED_PROXIES=127.0.0.1 \
    java -Xmx1g -jar target/glossary.jar > "$work/app.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/" && return 0
    sleep 0.2
  done
  echo "app did not start"; cat "$work/app.log"; exit 1
}

stop_app() {
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
}

# Starts an nginx of our own: $1 names its config, pid and log files, $2 is its http block.
run_nginx() {
  cat > "$work/$1.conf" <<CONF
worker_processes auto;
pid $work/$1.pid;
error_log $work/$1-error.log;
daemon on;
events { worker_connections 4096; }
http { access_log off; $2 }
CONF
  "$NGINX" -c "$work/$1.conf" -p "$work"
}

start_nginx() {
  mkdir -p "$work/www"
  run_nginx nginx "sendfile on; tcp_nopush on; keepalive_requests 1000000; gzip_static on; default_type text/html;
    server { listen 127.0.0.1:$NGINX_PORT; root $work/www; }"
}

# Copies what the app sends for a path (plain and gzip) into nginx's root under $2.
mirror() {
  curl -fs "http://127.0.0.1:$APP_PORT$1" -o "$work/www/$2"
  curl -fs -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$1" -o "$work/www/$2.gz"
}

# Prints "requests/s p50 p99" for a URL.
measure() {
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$1")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx responses from $1:" >&2; echo "$out" >&2; exit 1; fi
  echo "$rps $p50 $p99"
}

report() { # name app-line nginx-line
  read -r a_rps a_p50 a_p99 <<<"$2"
  read -r n_rps n_p50 n_p99 <<<"$3"
  printf '%-34s app %9.0f req/s  p50 %-8s p99 %-8s | nginx %9.0f req/s  p50 %-8s p99 %-8s | ratio %.2f\n' \
    "$1" "$a_rps" "$a_p50" "$a_p99" "$n_rps" "$n_p50" "$n_p99" "$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN { print a / n }')"
}

[ "${BENCH_ONLY:-}" = startup ] || [ "${BENCH_ONLY:-}" = slow ] ||
  echo "wrk -t2 -c$CONNECTIONS -d$DURATION, Accept-Encoding: gzip; $(nproc) cores; $(java -version 2>&1 | head -1)"

TERM=/glossary/retrieval-augmented-generation
cat > "$work/inquiry.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
local body = "&website=&name=Bench+Mark&email=bench%40example.com&company=Load+Pte+Ltd&country=SG&message=Benchmark+inquiry+about+RAG+please&consent=yes"
-- A token is good for one inquiry: each request sends its own, from TOKENS (two wrk threads take
-- every other line). Many clients behind one trusted proxy, as with nginx in front.
local count = 0
function setup(thread)
  thread:set("id", count)
  count = count + 1
end
function init(args)
  tokens = {}
  for line in io.lines("TOKENS") do tokens[#tokens + 1] = line end
  n = id + tonumber(args[1] or 0) -- where in the file this run starts: never a token used before
end
request = function()
  n = n + 2
  wrk.headers["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format(nil, nil, nil, "token=" .. tokens[(n % #tokens) + 1] .. body)
end
LUA
sed -i "s|TOKENS|$work/tokens.txt|" "$work/inquiry.lua"

inquiry_script() { # $1 = base URL; fetches enough fresh form tokens for a warm-up and a measurement
  java src/bench/FetchTokens.java "$1" "${BENCH_TOKENS:-120000}" "$work/tokens.txt"
}

if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = term ]; then
# 1. A term page with the bundled content.
start_nginx
start_app ""
mirror "$TERM" term.html
echo "term page: $(stat -c %s "$work/www/term.html") bytes, $(stat -c %s "$work/www/term.html.gz") gzipped"
wrk -t2 -c"$CONNECTIONS" -d15s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$TERM" >/dev/null # warm-up
app_line=$(measure "http://127.0.0.1:$APP_PORT$TERM")
nginx_line=$(measure "http://127.0.0.1:$NGINX_PORT/term.html")
report "term page (cached bytes)" "$app_line" "$nginx_line"
# The same page in Thai: a translation, laid over the English entry, cached the same way.
THAI=/th$TERM
mirror "$THAI" term-th.html
echo "Thai term page: $(stat -c %s "$work/www/term-th.html") bytes, $(stat -c %s "$work/www/term-th.html.gz") gzipped"
wrk -t2 -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$THAI" >/dev/null # warm-up
app_line=$(measure "http://127.0.0.1:$APP_PORT$THAI")
nginx_line=$(measure "http://127.0.0.1:$NGINX_PORT/term-th.html")
report "Thai term page (cached bytes)" "$app_line" "$nginx_line"
stop_app
[ "${BENCH_ONLY:-}" = term ] && exit 0

fi
# 2. Search results pages: broad queries ("model" and "ai" match most terms), a narrow one and a
#    free-text one, with the bundled glossary and with 10,000 generated terms loaded. Each against
#    nginx serving the same bytes as a static file.
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = search ]; then
[ -f "$work/nginx.pid" ] || start_nginx
search_row() { # label query file
  mirror "$2" "$3"
  wrk -t2 -c"$CONNECTIONS" -d15s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$2" >/dev/null # warm-up
  local app_line nginx_line
  app_line=$(measure "http://127.0.0.1:$APP_PORT$2")
  nginx_line=$(measure "http://127.0.0.1:$NGINX_PORT/$3")
  report "$1 ($(stat -c %s "$work/www/$3.gz") B)" "$app_line" "$nginx_line"
}
start_app ""
search_row "search ?q=model (169 terms)" "/search?q=model" search-model-169.html
search_row "search ?q=ai (169 terms)" "/search?q=ai" search-ai-169.html
stop_app
java src/bench/GenerateTerms.java "$work/terms" 10000
start_app "$work/terms"
echo "with 10,000 terms: $(curl -fs "http://127.0.0.1:$APP_PORT/search?q=model" | grep -o '<h1>[^<]*</h1>'), $(curl -fs "http://127.0.0.1:$APP_PORT/search?q=ai" | grep -o '<h1>[^<]*</h1>')"
search_row "search ?q=model (10,000 terms)" "/search?q=model" search-model.html
search_row "search ?q=ai (10,000 terms)" "/search?q=ai" search-ai.html
search_row "search ?q=ledger17 (10,000 terms)" "/search?q=ledger17" search-ledger17.html
# Free text is not kept (only a query that is one word of the catalog is): rendered per request.
search_row "search ?q=ai+model (10,000 terms)" "/search?q=ai+model" search-ai-model.html
stop_app
[ "${BENCH_ONLY:-}" = search ] && exit 0
fi

# 3. Inquiries accepted per second on H2 (inquiry + two outbox rows in one transaction), 32 clients.
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = inquiries ]; then
start_app ""
inquiry_script "http://127.0.0.1:$APP_PORT"
wrk -t2 -c32 -d10s -s "$work/inquiry.lua" "http://127.0.0.1:$APP_PORT/contact" -- 0 >/dev/null # warm-up
out=$(wrk -t2 -c32 -d"$DURATION" --latency -s "$work/inquiry.lua" "http://127.0.0.1:$APP_PORT/contact" -- 60000)
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; exit 1; fi
stop_app
# Counted in the database: the asynchronous log drops INFO lines under this load.
stored=$(java -cp target/glossary.jar org.h2.tools.Shell -user sa \
  -url "jdbc:h2:file:$app_data/glossary;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
  -sql "SELECT status || ':' || COUNT(*) FROM inquiry GROUP BY status" | grep -o '^[a-z]*:[0-9]*' | tr '\n' ' ')
printf '%-34s app %9.0f req/s  p50 %-8s p99 %-8s (32 connections; inquiries stored, warm-up included: %s)\n' "inquiries accepted (H2)" "$rps" "$p50" "$p99" "$stored"
fi
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = admin ]; then

# 4. The admin inbox with 100,000 generated leads on H2: p99 per page, and the CSV export of all.
admin_data="$work/admin-data"
GLOSSARY_PORT=$APP_PORT GLOSSARY_DATA_DIR="$admin_data" java -jar target/glossary.jar > "$work/migrate.log" 2>&1 &
migrate_pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/robots.txt" && break; sleep 0.2; done
kill "$migrate_pid"; wait "$migrate_pid" 2>/dev/null || true
java -cp target/glossary.jar src/bench/GenerateLeads.java "$admin_data" 100000
GLOSSARY_PORT=$APP_PORT GLOSSARY_DATA_DIR="$admin_data" GLOSSARY_ADMIN_EMAIL=bench@firm.example \
  GLOSSARY_ADMIN_PASSWORD='benchmark passphrase 2026' java -Xmx256m -jar target/glossary.jar > "$work/admin.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/robots.txt" && break; sleep 0.2; done
login_token=$(curl -fs "http://127.0.0.1:$APP_PORT/admin/login" | grep -o 'name="token" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fs -c "$work/cookies" -o /dev/null --data-urlencode "token=$login_token" --data-urlencode "email=bench@firm.example" \
  --data-urlencode "password=benchmark passphrase 2026" "http://127.0.0.1:$APP_PORT/admin/login"
cookie="glossary_admin=$(awk '$6 == "glossary_admin" {print $7}' "$work/cookies")"
# "/admin/leads" is the default order: needs-reply first, longest waiting first.
for page in "/admin/leads" "/admin/leads?after=1050000" "/admin/leads?sort=newest" \
    "/admin/leads?status=won&category=generative-ai-and-large-language-models" \
    "/admin/leads?before=1001500" "/admin/leads?q=company+4242+pte"; do
  curl -s -o /dev/null -w "%{http_code} $page\n" -H "Cookie: $cookie" "http://127.0.0.1:$APP_PORT$page"
  wrk -t1 -c4 -d5s -H "Cookie: $cookie" "http://127.0.0.1:$APP_PORT$page" >/dev/null # warm-up
  out=$(wrk -t1 -c4 -d"$DURATION" --latency -H "Cookie: $cookie" "http://127.0.0.1:$APP_PORT$page")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; exit 1; fi
  printf '%-70s %7.0f req/s  p50 %-8s p99 %s\n' "inbox $page (100,000 leads, 4 connections)" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")"
done
curl -fs -H "Cookie: $cookie" -o "$work/all.csv" -w 'CSV export of all leads but spam: %{size_download} bytes in %{time_total} s' \
  "http://127.0.0.1:$APP_PORT/admin/leads.csv"
echo " ($(($(wc -l < "$work/all.csv") - 1)) rows; the app runs with -Xmx256m, so the export streams)"
stop_app
fi

# 5. Scale-out: term page and inquiries through nginx (src/deploy/nginx.conf, as deployed), two
#    instances on PostgreSQL (127.0.0.1:5432, a fresh database), next to one instance on H2 measured
#    directly and through the same nginx. All on this one machine's cores, wrk and PostgreSQL included.
start_proxy() { # $1 $2 = the two upstream ports
  sed -e "s/listen 80;/listen 127.0.0.1:$PROXY_PORT;/" -e "s/127.0.0.1:7071/127.0.0.1:$1/" -e "s/127.0.0.1:7072/127.0.0.1:$2/" \
    src/deploy/nginx.conf > "$work/glossary-site.conf"
  run_nginx proxy "include $work/glossary-site.conf;"
}
stop_proxy() { kill "$(cat "$work/proxy.pid")"; sleep 0.5; }


scale_row() { # name url-of-term url-of-contact
  wrk -t2 -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "$2" >/dev/null # warm-up
  local term inq
  term=$(measure "$2")
  inquiry_script "${3%/contact}"
  wrk -t2 -c32 -d5s -s "$work/inquiry.lua" "$3" -- 0 >/dev/null # warm-up
  out=$(wrk -t2 -c32 -d"$DURATION" --latency -s "$work/inquiry.lua" "$3" -- 60000)
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; exit 1; fi
  inq="$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
  read -r t_rps t_p50 t_p99 <<<"$term"
  read -r i_rps i_p50 i_p99 <<<"$inq"
  printf '%-40s term page %9.0f req/s  p99 %-8s | inquiries %6.0f /s  p99 %-8s\n' "$1" "$t_rps" "$t_p99" "$i_rps" "$i_p99" >&2
  echo "$t_rps $i_rps"
}

if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = scale ]; then
echo "scale-out (term page: $CONNECTIONS connections; inquiries: 32 connections)"
start_app ""
h2_direct=$(scale_row "1 instance, H2, direct" "http://127.0.0.1:$APP_PORT$TERM" "http://127.0.0.1:$APP_PORT/contact")
start_proxy "$APP_PORT" "$APP_PORT"
h2_proxy=$(scale_row "1 instance, H2, through nginx" "http://127.0.0.1:$PROXY_PORT$TERM" "http://127.0.0.1:$PROXY_PORT/contact")
stop_proxy
stop_app

pg_db="glossary_bench_$RANDOM$RANDOM"
psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE DATABASE $pg_db"
for port in $APP_PORT $APP2_PORT; do
  GLOSSARY_PORT=$port GLOSSARY_DATA_DIR="$work/pg-$port" GLOSSARY_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$pg_db" \
    GLOSSARY_DATABASE_USER=postgres GLOSSARY_DATABASE_PASSWORD= GLOSSARY_FORM_MIN_SECONDS=0 GLOSSARY_TRUSTED_PROXIES=127.0.0.1 \
    java -Xmx1g -jar target/glossary.jar > "$work/app-$port.log" 2>&1 &
  pids+=($!)
done
for port in $APP_PORT $APP2_PORT; do
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/ready" && break; sleep 0.2; done
done
start_proxy "$APP_PORT" "$APP2_PORT"
pg_proxy=$(scale_row "2 instances, PostgreSQL, through nginx" "http://127.0.0.1:$PROXY_PORT$TERM" "http://127.0.0.1:$PROXY_PORT/contact")
stop_proxy
kill "${pids[-1]}" "${pids[-2]}"; wait "${pids[-1]}" "${pids[-2]}" 2>/dev/null || true
psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE $pg_db WITH (FORCE)"
pg_db=""
read -r d_t d_i <<<"$h2_direct"; read -r p_t p_i <<<"$h2_proxy"; read -r s_t s_i <<<"$pg_proxy"
awk -v dt="$d_t" -v di="$d_i" -v pt="$p_t" -v pi="$p_i" -v st="$s_t" -v si="$s_i" 'BEGIN {
  printf "ratios to 1 instance on H2, direct: through nginx %.2f (term) %.2f (inquiries); 2 instances on PostgreSQL through nginx %.2f (term) %.2f (inquiries)\n", pt/dt, pi/di, st/dt, si/di }'
fi

# 6. Start-up: from launching the jar to the first 200 on /, with the bundled glossary and with 1,000
#    generated terms, on an empty data directory (first start) and again on the same one (restart).
#    The reference, measured in turn with them: a Javalin hello-world started from the same jar, the
#    least any app on this JVM and Jetty pays. Medians of BENCH_STARTUP_RUNS runs of each.
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = startup ]; then
RUNS=${BENCH_STARTUP_RUNS:-5}

# Prints the milliseconds from launching the command to the first 200 on /, then stops it. Runs in
# a command substitution, so it stops the command itself when it fails.
time_to_200() {
  local start pid
  start=$(date +%s%N)
  "$@" > "$work/startup.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    if curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/"; then
      echo $((($(date +%s%N) - start) / 1000000))
      kill "$pid"; wait "$pid" 2>/dev/null || true
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  echo "no 200 on / from: $*" >&2; cat "$work/startup.log" >&2; exit 1
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

mkdir -p "$work/hello"
javac -cp target/glossary.jar -d "$work/hello" src/bench/HelloJavalin.java
java src/bench/GenerateTerms.java "$work/terms-1000" 1000
declare -A startup=()
for run in $(seq 1 "$RUNS"); do
  startup[reference]+="$(time_to_200 java -Xmx1g -cp "target/glossary.jar:$work/hello" HelloJavalin "$APP_PORT") "
  for content in bundled 1000; do
    dir=""; [ "$content" = 1000 ] && dir="$work/terms-1000"
    # env, not a shell function, so that the pid time_to_200 stops is the JVM's.
    app=(env GLOSSARY_PORT="$APP_PORT" GLOSSARY_DATA_DIR="$work/startup-$content-$run" GLOSSARY_CONTENT_DIR="$dir"
      java -Xmx1g -jar target/glossary.jar)
    startup[$content-first]+="$(time_to_200 "${app[@]}") "
    startup[$content-restart]+="$(time_to_200 "${app[@]}") "
  done
done
echo "start to first 200 on /, median of $RUNS runs each; $(nproc) cores; $(java -version 2>&1 | head -1)"
reference=$(median <<<"${startup[reference]}")
for row in "reference:Javalin hello-world, same jar" "bundled-first:bundled glossary, first start" \
    "bundled-restart:bundled glossary, restart" "1000-first:1,000 generated terms, first start" \
    "1000-restart:1,000 generated terms, restart"; do
  key=${row%%:*}
  ms=$(median <<<"${startup[$key]}")
  printf '%-40s %6d ms  %5.2f x reference  (runs: %s)\n' "${row#*:}" "$ms" \
    "$(awk -v a="$ms" -v r="$reference" 'BEGIN { print a / r }')" "${startup[$key]% }"
done
fi

# 7. Slow clients: term pages and search (16 connections) with and without 200 connections that
#    trickle a form body at one byte a second, then an honest inquiry among them.
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = slow ]; then
start_app ""
slow_line() { # $1 = label; prints req/s, p50, p99 of the term page and of a search
  local term search
  term=$(wrk -t2 -c16 -d"$DURATION" --latency "http://127.0.0.1:$APP_PORT$TERM")
  search=$(wrk -t2 -c16 -d"$DURATION" --latency "http://127.0.0.1:$APP_PORT/search?q=agent")
  printf '%-34s term page %7.0f req/s p50 %-8s p99 %-8s | search %7.0f req/s p50 %-8s p99 %-8s
' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$term")" "$(awk '$1=="50%" {print $2}' <<<"$term")" \
    "$(awk '$1=="99%" {print $2}' <<<"$term")" "$(awk '/Requests\/sec/ {print $2}' <<<"$search")" \
    "$(awk '$1=="50%" {print $2}' <<<"$search")" "$(awk '$1=="99%" {print $2}' <<<"$search")"
}
wrk -t2 -c16 -d5s "http://127.0.0.1:$APP_PORT$TERM" >/dev/null # warm-up
slow_line "without slow clients"
java src/bench/Trickle.java "$APP_PORT" 200 &
trickle_pid=$!
pids+=("$trickle_pid")
sleep 3
slow_line "with 200 trickling bodies"
token=$(curl -fs "http://127.0.0.1:$APP_PORT/contact" | grep -o 'name="token" value="[^"]*"' | sed 's/.*value="//; s/"$//')
honest=$(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' --data-urlencode "token=$token" \
  --data 'website=&name=Honest+Person&email=honest%40example.com&company=Real+Pte+Ltd&country=SG&message=A+real+question+about+RAG&consent=yes' \
  "http://127.0.0.1:$APP_PORT/contact")
echo "honest inquiry among them: $honest (303 is the thank-you redirect)"
kill "$trickle_pid"; wait "$trickle_pid" 2>/dev/null || true
unset 'pids[-1]'
stop_app
fi

# 8. Backup and restore with 100,000 leads on H2: `backup` while the app serves pages, `restore`
# into an empty directory; references: gzip -6 (the level of H2's zip, under the same load) and cp
# of the same file.
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = backup ]; then
backup_data="$work/backup-data"
GLOSSARY_PORT=$APP_PORT GLOSSARY_DATA_DIR="$backup_data" java -jar target/glossary.jar > "$work/migrate.log" 2>&1 &
migrate_pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/robots.txt" && break; sleep 0.2; done
kill "$migrate_pid"; wait "$migrate_pid" 2>/dev/null || true
java -cp target/glossary.jar src/bench/GenerateLeads.java "$backup_data" 100000
GLOSSARY_PORT=$APP_PORT GLOSSARY_DATA_DIR="$backup_data" java -Xmx256m -jar target/glossary.jar > "$work/backup-app.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/ready" && break; sleep 0.2; done
db_file="$backup_data/glossary.mv.db"
echo "database file with 100,000 leads: $(stat -c %s "$db_file") bytes"
# Both under the same load: 4 connections on term pages for as long as they take.
wrk -t1 -c4 -d300s "http://127.0.0.1:$APP_PORT/glossary/retrieval-augmented-generation" > /dev/null &
load_pid=$!
start=$(date +%s.%N)
gzip -6 -c "$db_file" > "$work/reference.gz"
gzip_s=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
GLOSSARY_DATA_DIR="$backup_data" java -jar target/glossary.jar backup "$work/backup.zip"
backup_s=$(echo "$(date +%s.%N) - $start" | bc)
kill "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true
printf 'backup while serving pages: %s bytes in %.1f s; gzip -6 of the file: %s bytes in %.1f s (ratio %.2f)\n' \
  "$(stat -c %s "$work/backup.zip")" "$backup_s" "$(stat -c %s "$work/reference.gz")" "$gzip_s" "$(echo "$backup_s / $gzip_s" | bc -l)"
stop_app
start=$(date +%s.%N)
cp "$db_file" "$work/reference.mv.db"
cp_s=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
GLOSSARY_DATA_DIR="$work/restored" java -jar target/glossary.jar restore "$work/backup.zip" | grep -v ' INFO '
restore_s=$(echo "$(date +%s.%N) - $start" | bc)
printf 'restore into an empty directory (checked and migrated): %.1f s; cp of the file: %.2f s\n' "$restore_s" "$cp_s"
fi
