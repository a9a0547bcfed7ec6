#!/usr/bin/env bash
# Newsfeed scale benchmark (issue 3): 2000 feeds × 50 items from ../shared/bench/gen_feeds.py,
# refreshed from loopback (../shared/bench/serve.py) into a fresh database of 100,000 items;
# then tests/bench/tui_scale.rs measures the first frame, a full scroll and peak memory of the
# real binary in a pseudo-terminal, and filter keystroke latency with the real worker.
#
# Usage: tests/bench/tui_scale.sh [FEEDS] [ITEMS]     (needs python3; builds in release mode)
set -euo pipefail
cd "$(dirname "$0")/../.."
feeds=${1:-2000}
items=${2:-50}
shared=${SHARED:-../shared}
port=${PORT:-18766}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

cargo build --release --quiet --bin rounds --example tui_scale
python3 "$shared/bench/gen_feeds.py" --feeds "$feeds" --items "$items" --seed 42 --out "$work/corpus" --port "$port" --quiet
# Spread over 4 loopback hosts, as real subscriptions are spread over many publishers.
awk -v port="$port" '{ n = NR % 4 + 1; sub("127.0.0.1:" port, "127.0.0." n ":" port); print }' \
  "$work/corpus/urls.txt" >"$work/urls.txt"
for host in 127.0.0.1 127.0.0.2 127.0.0.3 127.0.0.4; do
  python3 "$shared/bench/serve.py" --dir "$work/corpus" --bind "$host" --port "$port" --max-seconds 900 &
  pids+=($!)
done
for host in 127.0.0.1 127.0.0.2 127.0.0.3 127.0.0.4; do
  until curl -sf "http://$host:$port/stats" >/dev/null; do sleep 0.05; done
done

db=${KEEP_DB:-$work/rounds.db}   # KEEP_DB=path keeps the database for a closer look
rm -f "$db" "$db-wal" "$db-shm"
target/release/rounds --db "$db" import "$work/urls.txt" >/dev/null
/usr/bin/time -f "refresh of $feeds feeds: %e s, %M KB peak" target/release/rounds --db "$db" refresh --jobs 8 | tail -n 1
target/release/examples/tui_scale "$db" target/release/rounds
