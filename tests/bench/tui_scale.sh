#!/usr/bin/env bash
# Newsfeed scale benchmark (issue 3): 2000 feeds × 50 items from ../shared/bench/gen_feeds.py,
# refreshed from loopback (../shared/bench/serve.py) into a fresh database of 100,000 items;
# then tests/bench/tui_scale.rs measures the first frame, a full scroll and peak memory of the
# real binary in a pseudo-terminal, and filter keystroke latency with the real worker.
#
# Stories (issue 7): STORIES=20 (the default) rewrites the corpus's DOIs so that about that
# percentage of all items share a DOI with items of other feeds (stories of 2 to ~6 versions);
# STORIES=0 keeps the corpus as generated (where a few DOIs collide by chance).
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
# About 35% of generated items cite a DOI. Map a share of those DOIs onto a pool small enough
# that each pooled DOI is cited by ~3 items of different feeds: STORIES% of all items end up in
# stories. The mapping depends only on the DOI, so both places an item names it agree.
python3 - "$work/corpus/feeds" "${STORIES:-20}" <<'PY'
import hashlib, os, re, sys
folder, percent = sys.argv[1], int(sys.argv[2])
files = sorted(os.listdir(folder))
doi = re.compile(r"10\.\d{4}/[A-Za-z0-9.()\-]+?(?=[\s\"'<&\\]|&quot;|$)")
total = sum(len(re.findall(r"<item>|<entry>|\"id\":", open(os.path.join(folder, f), encoding="utf-8").read())) for f in files)
cited_share = 0.35
pool = max(1, int(total * percent / 100 / 3))
def pooled(match):
    digest = int(hashlib.sha1(match.group(0).encode()).hexdigest(), 16)
    if percent == 0 or (digest % 10_000) >= percent / cited_share * 100:
        return match.group(0)
    return "10.5555/story.%d" % (digest // 10_000 % pool)
for name in files:
    path = os.path.join(folder, name)
    text = open(path, encoding="utf-8").read()
    open(path, "w", encoding="utf-8").write(doi.sub(pooled, text))
PY
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
