#!/usr/bin/env bash
# Fuzzes the partial-state decoders with libFuzzer.
#
#   test/fuzz/run.sh [SECONDS]     (default 20 in total; run from anywhere)
#
# Targets, one per state format (test/fuzz/fuzz_<name>_decode.c):
#   state  two-group states "MS"        extension/segregation/state_codec.c
#   mg     multigroup states "MG"       extension/segregation/multigroup_codec.c
#   lf     long-form states "ML"        extension/segregation/longform.c
#   md     decomposition states "MD"    extension/segregation/decomposition.c
#   status residence_status text input  extension/status/parse.c (seeds committed
#          by hand in corpus/status/, not written by gen_corpus.c)
#   country country codes               extension/background/country.c (seeds
#          committed by hand in corpus/country/)
#   ck     ckm_count states "MK"        extension/disclosure/cellkey.c
#   pt     perturbation tables          extension/disclosure/ptable.c
#
# Builds every target with clang-14 (libFuzzer, ASan, UBSan) into
# test/fuzz/fuzz_<name>_decode, regenerates the committed seed corpora
# test/fuzz/corpus/<name>/ with gen_corpus.c (deterministic: the files only
# change if a format does), then fuzzes the targets one after another, each
# for its share of SECONDS (SECONDS / 8, the remainder to the first ones, at
# least 1 second), into the scratch corpora test/fuzz/corpus-work/<name>/
# (gitignored; kept between runs).  A crash leaves its input in
# test/fuzz/corpus-work/<name>/crash-* (or leak-*, oom-*, timeout-*);
# reproduce with test/fuzz/fuzz_<name>_decode FILE.  Such a file stays in the
# work corpus, so later runs fail on it until the bug is fixed (or the file
# removed).
#
# The last line is "fuzz: N passed, M failed" (N targets that built and ran
# clean, M that did not build or crashed), with a non-zero exit status when
# M > 0.
set -uo pipefail

TARGETS=(state mg lf md status country ck pt)
passed=0
failed=0

# Setup failures fail every target.
fail_all() {
	echo "run.sh: $1" >&2
	echo "fuzz: 0 passed, ${#TARGETS[@]} failed"
	exit 1
}

cd "$(dirname "$0")/../.." || fail_all "cannot change to the repository root"

FUZZ_SECONDS=${1:-20}
CC_FUZZ=${CC_FUZZ:-clang-14}
DIR=test/fuzz
CORE="extension/segregation/state_codec.c extension/segregation/indices.c
	extension/segregation/multigroup.c extension/segregation/multigroup_codec.c
	extension/segregation/longform.c extension/common/keymap.c
	extension/segregation/decomposition.c extension/status/parse.c extension/common/edit_distance.c
	extension/status/catalogue_data.c extension/disclosure/cellkey.c
	extension/disclosure/ptable.c extension/common/siphash.c
	extension/background/country.c extension/background/country_data.c
	extension/background/country_suggest.c"
# -fno-sanitize-recover: undefined behaviour must abort (a crash), not just print.
CFLAGS="-g -O1 -fno-sanitize-recover=undefined -Iextension/segregation -Iextension/disclosure -Iextension/common -Iextension/status -Iextension/background"


[[ "$FUZZ_SECONDS" =~ ^[0-9]+$ ]] || fail_all "usage: test/fuzz/run.sh [SECONDS]"
command -v "$CC_FUZZ" >/dev/null || fail_all "$CC_FUZZ not found (scripts/install-deps.sh installs it)"

tmp=$(mktemp -d) || fail_all "mktemp failed"
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
"$CC_FUZZ" $CFLAGS -fsanitize=address,undefined \
	-o "$tmp/gen_corpus" "$DIR/gen_corpus.c" $CORE -lm \
	|| fail_all "building the corpus generator failed"
for name in "${TARGETS[@]}"; do
	mkdir -p "$DIR/corpus/$name" "$DIR/corpus-work/$name" \
		|| fail_all "cannot create the corpus directories of $name"
done
"$tmp/gen_corpus" "$DIR/corpus" || fail_all "writing the seed corpora failed"

n=${#TARGETS[@]}
for i in "${!TARGETS[@]}"; do
	name=${TARGETS[$i]}
	bin="$DIR/fuzz_${name}_decode"
	work="$DIR/corpus-work/$name"
	# libFuzzer treats -max_total_time=0 as "no limit": at least 1 second
	seconds=$(( FUZZ_SECONDS / n + (i < FUZZ_SECONDS % n ? 1 : 0) ))
	(( seconds > 0 )) || seconds=1

	# shellcheck disable=SC2086
	if ! "$CC_FUZZ" $CFLAGS -fsanitize=fuzzer,address,undefined \
		-o "$bin" "$bin.c" $CORE -lm; then
		echo "run.sh: building $bin failed" >&2
		failed=$((failed + 1))
		continue
	fi

	echo "run.sh: fuzzing $name for ${seconds}s" >&2
	# New inputs go to the work corpus (the first directory); corpus/ is only read.
	"$bin" \
		-max_total_time="$seconds" \
		-artifact_prefix="$work/" \
		-print_final_stats=1 \
		"$work" "$DIR/corpus/$name"
	status=$?
	if [ "$status" -ne 0 ]; then
		echo "run.sh: $name: the fuzzer exited with status $status; crash inputs:" >&2
		ls -1 "$work"/{crash,leak,oom,timeout}-* >&2 2>/dev/null
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
