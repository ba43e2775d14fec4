#!/usr/bin/env bash
# Sum the test counters of VSTest .trx result files. Source this file; it only defines functions.
#
# `dotnet test` prints one summary per project and no overall total, so scripts/test reads the
# <Counters passed=".." failed=".." notExecuted=".." .../> element of every .trx file instead.

# _trx_counter FILE ATTR -> value of ATTR on the file's <Counters> element, or 0.
_trx_counter() {
    local value
    # tr joins lines so an element wrapped over several lines still matches; the leading
    # [[:space:]] keeps "passed" from matching "passedButRunAborted".
    value=$(tr '\r\n' '  ' <"$1" | grep -o '<Counters[^>]*>' | head -n1 |
        sed -n "s/.*[[:space:]]$2=\"\([0-9][0-9]*\)\".*/\1/p" || true)
    echo "${value:-0}"
}

# trx_sum DIR -> prints "PASSED FAILED SKIPPED FILES" for all *.trx files below DIR.
# FAILED also counts error/timeout/aborted outcomes: they are failures too, and a total that hides
# them would look green.
# SKIPPED is notExecuted, except that VSTest's trx logger (seen with Microsoft.NET.Test.Sdk 18 +
# xunit 2.9) writes notExecuted="0" for skipped tests while still counting them in total but not in
# executed; so the larger of notExecuted and total-executed is used.
trx_sum() {
    local dir=$1 file passed=0 failed=0 skipped=0 files=0 attr not_executed not_run
    while IFS= read -r -d '' file; do
        files=$((files + 1))
        passed=$((passed + $(_trx_counter "$file" passed)))
        for attr in failed error timeout aborted; do
            failed=$((failed + $(_trx_counter "$file" "$attr")))
        done
        not_executed=$(_trx_counter "$file" notExecuted)
        not_run=$(($(_trx_counter "$file" total) - $(_trx_counter "$file" executed)))
        skipped=$((skipped + (not_executed > not_run ? not_executed : not_run)))
    done < <(find "$dir" -type f -name '*.trx' -print0 2>/dev/null)
    echo "$passed $failed $skipped $files"
}
