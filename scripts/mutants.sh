#!/usr/bin/env bash
# Mutation check: applies each mutation of scripts/mutants.txt, one at a time, to a
# scratch copy of this checkout, runs the tests that matter for it
# (`swift test --filter`), and prints whether the tests killed it (and which test) or
# whether it survived. A survivor is a missing test. Not part of `swift test` or CI;
# see docs/testing.md.
#
#   scripts/mutants.sh                 every mutation of the table
#   scripts/mutants.sh NAME...         only these (names as in the table's first column)
#   scripts/mutants.sh --list          the table's names and behaviours
#
# Environment: MUTANTS_SCRATCH (default /tmp/pacte-mutants-$USER) is the scratch copy,
# kept between runs so that its .build is reused; MUTANTS_TIMEOUT (seconds, default
# 3600) bounds one mutant's build and tests.
set -u

repository=$(cd "$(dirname "$0")/.." && pwd)
table="$repository/scripts/mutants.txt"
scratch=${MUTANTS_SCRATCH:-/tmp/pacte-mutants-${USER:-$(id -u)}}
limit=${MUTANTS_TIMEOUT:-3600}

rows() { grep -v '^#' "$table" | grep -v '^[[:space:]]*$'; }

if [ "${1:-}" = "--list" ]; then
    rows | awk -F'\t' '{ printf "%-40s %s\n", $1, $6 }'
    exit 0
fi

# The scratch copy: the sources as they are in this checkout (uncommitted changes
# included), and the .build of an earlier run (or of this checkout) to start from.
mkdir -p "$scratch"
if [ ! -d "$scratch/.build" ] && [ -d "$repository/.build" ]; then
    echo "copying .build to $scratch (once)…"
    cp -a "$repository/.build" "$scratch/.build"
    # Clang's module caches name the folder they were built in: rebuilt here.
    find "$scratch/.build" -type d -name ModuleCache -prune -exec rm -rf {} +
fi
find "$scratch" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
(cd "$repository" && tar cf - --exclude=./.build --exclude=./.git .) | (cd "$scratch" && tar xf -) || exit 2

# The unmutated copy must build (and its tests pass: run `swift test` first), or no
# verdict below means anything.
echo "building the unmutated copy in $scratch…"
if ! (cd "$scratch" && timeout "$limit" swift build --build-tests >"$scratch/.baseline.log" 2>&1); then
    echo "the unmutated copy does not build (see $scratch/.baseline.log)"
    exit 2
fi
killed=0 survived=0 skipped=0 broken=0
while IFS=$'\t' read -r name file pattern replacement filter behaviour; do
    [ $# -eq 0 ] || [[ " $* " == *" $name "* ]] || continue
    target="$scratch/$file"
    if [ ! -f "$target" ]; then
        printf 'not applied  %-40s %s (no file %s)\n' "$name" "$behaviour" "$file"
        skipped=$((skipped + 1)); continue
    fi
    # Apply: the literal pattern (⏎ = line end) must occur exactly once.
    count=$(perl -e '
        my ($file, $find, $replace) = @ARGV;
        s/\x{23CE}|\xE2\x8F\x8E/\n/g for ($find, $replace);
        local $/; open(my $in, "<", $file) or die; my $text = <$in>; close $in;
        my $count = 0; my $at = -1;
        while (($at = index($text, $find, $at + 1)) >= 0) { $count++; }
        if ($count == 1) {
            substr($text, index($text, $find), length($find)) = $replace;
            open(my $out, ">", $file) or die; print $out $text; close $out;
        }
        print $count;
    ' "$target" "$pattern" "$replacement")
    if [ "$count" != 1 ]; then
        printf 'not applied  %-40s %s (pattern found %s times in %s)\n' "$name" "$behaviour" "$count" "$file"
        skipped=$((skipped + 1)); continue
    fi
    log="$scratch/.mutant-$name.log"
    if ! (cd "$scratch" && timeout "$limit" swift build --build-tests >"$log" 2>&1); then
        printf 'not compiled %-40s %s (see %s)\n' "$name" "$behaviour" "$log"
        broken=$((broken + 1))
    elif (cd "$scratch" && timeout "$limit" swift test --skip-build --filter "$filter" >>"$log" 2>&1); then
        printf 'SURVIVED     %-40s %s (tests: %s)\n' "$name" "$behaviour" "$filter"
        survived=$((survived + 1))
    else
        # The first failing test, as Swift Testing names it.
        by=$(grep -m1 -E '✘ Test .*(failed|recorded an issue)' "$log" | sed -E 's/^.*✘ Test //; s/ (failed|recorded an issue).*$//')
        [ -n "$by" ] || by=$(grep -m1 -E 'error:|Fatal error|timed out' "$log" | cut -c1-120)
        printf 'killed       %-40s %s — by %s\n' "$name" "$behaviour" "${by:-the test run (see $log)}"
        killed=$((killed + 1))
    fi
    cp "$repository/$file" "$target"
done < <(rows)

echo "killed $killed, survived $survived, not applied $skipped, not compiled $broken"
[ "$survived" -eq 0 ] && [ "$skipped" -eq 0 ] && [ "$broken" -eq 0 ]
