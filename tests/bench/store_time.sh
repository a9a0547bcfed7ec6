#!/usr/bin/env bash
# The writer's share of a cold refresh (issues 7 and 9): the refresh benchmark's corpus (300 feeds
# × 50 items, seed 42) parsed first, then stored into a fresh database one feed per transaction,
# as a refresh stores them; only the storing is timed. Story maintenance and the watches run in
# those transactions. Compare two builds in the same sitting, as parse_time.sh says.
#
# Usage: tests/bench/store_time.sh [FEEDS] [ITEMS] [ROUNDS]     (needs python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
feeds=${1:-300}
items=${2:-50}
rounds=${3:-3}
shared=${SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --example store_time
python3 "$shared/bench/gen_feeds.py" --feeds "$feeds" --items "$items" --seed 42 --out "$work/corpus" --port 18765 --quiet
target/release/examples/store_time "$work/corpus/feeds" "$rounds"
