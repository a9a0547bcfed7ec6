#!/usr/bin/env bash
# The parse stage of a refresh, alone (issue 9): the refresh benchmark's corpus (300 feeds × 50
# items from ../shared/bench/gen_feeds.py, seed 42) read from disk and parsed, in release mode,
# several rounds; prints the best and the median. Run it on a quiet machine, and compare two
# builds in the same sitting.
#
# To time another build (the parser before issue 9 is commit 8fbfe6b): check it out in a scratch
# worktree outside the repository (git worktree add --detach /tmp/old 8fbfe6b), copy
# tests/bench/parse_time.rs and its [[example]] entry from Cargo.toml into it, build it in
# release, and run both binaries on the same corpus, alternating.
#
# Usage: tests/bench/parse_time.sh [FEEDS] [ITEMS] [ROUNDS]     (needs python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
feeds=${1:-300}
items=${2:-50}
rounds=${3:-7}
shared=${SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --example parse_time
python3 "$shared/bench/gen_feeds.py" --feeds "$feeds" --items "$items" --seed 42 --out "$work/corpus" --port 18765 --quiet
target/release/examples/parse_time "$work/corpus/feeds" "$rounds"
