#!/usr/bin/env bash
# Runs every LiveDigits test: the .NET test suite, then the model recipe's smoke run.
# The first call installs what the tests need. Ends with one line: "tests: N passed, M failed".
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/lib.sh"
cd "$ld_root"
ld_ensure_dotnet || exit 1
ld_ensure_gtk || exit 1
ld_ensure_window_tools || exit 1

passed=0 failed=0
count_dotnet() {  # Adds up the summary lines dotnet test prints per test assembly.
  local line p f
  while IFS= read -r line; do
    p=$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' <<<"$line")
    f=$(sed -nE 's/.*Failed: +([0-9]+),.*/\1/p' <<<"$line")
    passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0}))
  done < <(grep -E '^(Passed|Failed)!' "$1")
}

# dotnet test prints nothing between the build and its summary (several minutes): a line a minute on stderr
# says it is still going.
heartbeat() {
  local minutes=0
  while sleep 60; do
    minutes=$((minutes + 1))
    echo "test.sh: dotnet test still running (${minutes} min; log in out/test-dotnet.log)" >&2
  done
}

log="$ld_root/out/test-dotnet.log"
mkdir -p "$ld_root/out"
echo "test.sh: building and running the .NET tests (about 5 minutes)" >&2
heartbeat &
beat=$!
trap 'kill "$beat" 2>/dev/null' EXIT
dotnet test "$ld_root/LiveDigits.sln" -c Release -nologo 2>&1 | tee "$log"
dotnet_status=${PIPESTATUS[0]}
kill "$beat" 2>/dev/null
wait "$beat" 2>/dev/null
count_dotnet "$log"
if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=$((failed + 1))   # The build or the runner failed before any test could report.
fi

# The training recipe, end to end on a few hundred images: every export must load in OpenCV 4.13
# (through the app, as a user would) and classify.
smoke="$ld_root/out/smoke-models"
rm -rf "$smoke"
if "$ld_root/models/train.sh" --smoke --out "$smoke"; then
  for model in "$smoke"/*.onnx "$smoke"/*.pb; do
    if "$ld_root/livedigits" eval --model "$model" --limit 200 --log-level Warning | tail -n 1 | grep -q '^accuracy '; then
      echo "smoke: $(basename "$model") loads and classifies"; passed=$((passed + 1))
    else
      echo "smoke: $(basename "$model") FAILED to load or classify"; failed=$((failed + 1))
    fi
  done
else
  echo "smoke: models/train.sh --smoke FAILED"; failed=$((failed + 1))
fi

# The recipe's own checks of the shipped files (reference outputs, sidecar, cost), in Python.
if (cd "$ld_root/models" && /usr/bin/python3 -m unittest -q tests.test_models); then
  echo "recipe checks: passed"; passed=$((passed + 1))
else
  echo "recipe checks: FAILED"; failed=$((failed + 1))
fi

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
