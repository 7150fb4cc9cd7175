# Sourced by .ci/run (and by hand: `source .ci/services.sh` before `npm test`): the real servers the
# backup specs use, on loopback, as a user would run them. PostgreSQL from Debian's packages (a
# cluster of our own, initdb as the postgres user, a password made for this run and never written to
# the repository) and s3rver, an S3-compatible server from the npm registry (a devDependency).
# Exports PLINTO_E2E_PG_URL and PLINTO_E2E_S3_ENDPOINT; both stop when the shell that sourced this exits.

plinto_pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$plinto_pg_bin" ] || [ ! -x "$plinto_pg_bin/postgres" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  plinto_pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
plinto_services=$(mktemp -d /tmp/plinto-services.XXXXXX)
chmod 755 "$plinto_services"
mkdir -p "$plinto_services/pg" "$plinto_services/s3"
chown postgres "$plinto_services/pg"
plinto_pg_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
printf '%s\n' "$plinto_pg_password" > "$plinto_services/pg/pw" && chown postgres "$plinto_services/pg/pw" && chmod 600 "$plinto_services/pg/pw"
runuser -u postgres -- "$plinto_pg_bin/initdb" -D "$plinto_services/pg/data" -U postgres --auth=scram-sha-256 --pwfile="$plinto_services/pg/pw" >/dev/null
rm -f "$plinto_services/pg/pw"
plinto_pg_port=${PLINTO_PG_PORT:-55432}
runuser -u postgres -- "$plinto_pg_bin/pg_ctl" -D "$plinto_services/pg/data" -l "$plinto_services/pg/log" -w \
  -o "-p $plinto_pg_port -k $plinto_services/pg -c listen_addresses=127.0.0.1" start >/dev/null
plinto_s3_port=${PLINTO_S3_PORT:-54569}
node node_modules/s3rver/bin/s3rver.js --address 127.0.0.1 --port "$plinto_s3_port" --directory "$plinto_services/s3" --silent &
plinto_s3_pid=$!
plinto_stop_services() {
  kill "$plinto_s3_pid" 2>/dev/null || true
  runuser -u postgres -- "$plinto_pg_bin/pg_ctl" -D "$plinto_services/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$plinto_services"
}
trap plinto_stop_services EXIT
for _ in $(seq 1 50); do (exec 3<>/dev/tcp/127.0.0.1/"$plinto_s3_port") 2>/dev/null && break; sleep 0.2; done
export PLINTO_E2E_PG_URL="postgres://postgres:${plinto_pg_password}@127.0.0.1:${plinto_pg_port}/postgres"
export PLINTO_E2E_S3_ENDPOINT="http://127.0.0.1:${plinto_s3_port}"
export PLINTO_E2E_PG_BIN="$plinto_pg_bin"
