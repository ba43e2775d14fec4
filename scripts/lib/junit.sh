#!/usr/bin/env bash
# Sum the test counters of JUnit XML result files (vitest's junit reporter, for web/). Source this
# file; it only defines functions. The sibling of trx.sh: scripts/test adds both sums into its one
# closing line.
#
# vitest writes one <testsuite tests= failures= errors= skipped=> per test file under a
# <testsuites> root whose own counters lack "skipped", so the per-suite elements are summed; a
# file with no <testsuite> element falls back to the root's counters.

# _junit_attr TAG ATTR -> the integer value of ATTR in the opening TAG text, or 0.
_junit_attr() {
    local value
    # The leading [[:space:]] keeps "tests" from matching e.g. "failedtests".
    value=$(sed -n "s/.*[[:space:]]$2=\"\([0-9][0-9]*\)\".*/\1/p" <<<"$1")
    echo "${value:-0}"
}

# junit_sum DIR -> prints "PASSED FAILED SKIPPED FILES" for all *.junit.xml files below DIR.
# FAILED counts failures and errors; PASSED is what remains of tests after those and the skipped.
junit_sum() {
    local dir=$1 file tag tests failures errors skipped passed=0 failed=0 skips=0 files=0 tags
    while IFS= read -r -d '' file; do
        files=$((files + 1))
        # tr joins lines so an opening tag wrapped over several lines still matches.
        tags=$(tr '\r\n' '  ' <"$file" | grep -o '<testsuite[[:space:]][^>]*>' || true)
        if [[ -z "$tags" ]]; then
            tags=$(tr '\r\n' '  ' <"$file" | grep -o '<testsuites[[:space:]][^>]*>' | head -n1 || true)
        fi
        while IFS= read -r tag; do
            [[ -n "$tag" ]] || continue
            tests=$(_junit_attr "$tag" tests)
            failures=$(_junit_attr "$tag" failures)
            errors=$(_junit_attr "$tag" errors)
            skipped=$(_junit_attr "$tag" skipped)
            failed=$((failed + failures + errors))
            skips=$((skips + skipped))
            passed=$((passed + tests - failures - errors - skipped))
        done <<<"$tags"
    done < <(find "$dir" -type f -name '*.junit.xml' -print0 2>/dev/null)
    echo "$passed $failed $skips $files"
}
