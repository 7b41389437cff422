#!/usr/bin/env bash
# Fuzzes the two-group partial-state decoder with libFuzzer.
#
#   test/fuzz/run.sh [SECONDS]     (default 20; run from anywhere)
#
# Builds test/fuzz/fuzz_state_decode with clang-14 (libFuzzer, ASan, UBSan),
# regenerates the committed seed corpus test/fuzz/corpus/ with gen_corpus.c
# (deterministic: the files only change if the format does), then fuzzes for
# SECONDS into the scratch corpus test/fuzz/corpus-work/ (gitignored; kept
# between runs).  A crash leaves its input in test/fuzz/corpus-work/crash-*
# (or leak-*, oom-*, timeout-*);
# reproduce with test/fuzz/fuzz_state_decode FILE.  Such a file stays in the
# work corpus, so later runs fail on it until the bug is fixed (or the file
# removed).
#
# The last line is "fuzz: 1 passed, 0 failed", or "fuzz: 0 passed, 1 failed"
# with a non-zero exit status on a crash or a build failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

FUZZ_SECONDS=${1:-20}
CC_FUZZ=${CC_FUZZ:-clang-14}
DIR=test/fuzz
CORE="extension/segregation/state_codec.c extension/segregation/indices.c"
# -fno-sanitize-recover: undefined behaviour must abort (a crash), not just print.
CFLAGS="-g -O1 -fno-sanitize-recover=undefined -Iextension/segregation"

fail() {
	echo "run.sh: $1" >&2
	echo "fuzz: 0 passed, 1 failed"
	exit 1
}

[[ "$FUZZ_SECONDS" =~ ^[0-9]+$ ]] || fail "usage: test/fuzz/run.sh [SECONDS]"
command -v "$CC_FUZZ" >/dev/null || fail "$CC_FUZZ not found (scripts/install-deps.sh installs it)"

"$CC_FUZZ" $CFLAGS -fsanitize=fuzzer,address,undefined \
	-o "$DIR/fuzz_state_decode" "$DIR/fuzz_state_decode.c" $CORE \
	|| fail "building the fuzz target failed"

tmp=$(mktemp -d) || fail "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
"$CC_FUZZ" $CFLAGS -fsanitize=address,undefined \
	-o "$tmp/gen_corpus" "$DIR/gen_corpus.c" $CORE \
	|| fail "building the corpus generator failed"
mkdir -p "$DIR/corpus" "$DIR/corpus-work" || fail "cannot create the corpus directories"
"$tmp/gen_corpus" "$DIR/corpus" || fail "writing the seed corpus failed"

# New inputs go to corpus-work (the first directory); corpus is only read.
"$DIR/fuzz_state_decode" \
	-max_total_time="$FUZZ_SECONDS" \
	-artifact_prefix="$DIR/corpus-work/" \
	-print_final_stats=1 \
	"$DIR/corpus-work" "$DIR/corpus"
status=$?

if [ "$status" -ne 0 ]; then
	echo "run.sh: the fuzzer exited with status $status; crash inputs:" >&2
	ls -1 "$DIR"/corpus-work/{crash,leak,oom,timeout}-* >&2 2>/dev/null
	echo "fuzz: 0 passed, 1 failed"
	exit 1
fi
echo "fuzz: 1 passed, 0 failed"
