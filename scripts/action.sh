#!/usr/bin/env bash
# The shell steps of the intgraph GitHub Action (action.yml). It reads its inputs from
# INPUT_* variables and the GITHUB_* / RUNNER_* variables of a runner, so it also runs
# locally (tests/test_action.py runs it with a fake runner environment).
#
# Writes lint.sarif and orphans.sarif (for github/codeql-action/upload-sarif) and, on a
# pull request, the diff against the base revision as markdown into the job summary
# (cut under 1 MiB). Exit 0, or 1 when a *-fail-* input matched, or 2 when intgraph
# could not run (bad vault, shallow clone, ...). The files are written in every case.
set -euo pipefail

vault="${INPUT_VAULT:-.}"
out="${INPUT_OUTPUT_DIR:-}"
[ -n "$out" ] || out="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/intgraph"
mkdir -p "$out/sarif"
read -r -a options <<< "${INPUT_OPTIONS:-}"
outputs="${GITHUB_OUTPUT:-/dev/null}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
[ -z "${GITHUB_WORKSPACE:-}" ] || cd "$GITHUB_WORKSPACE"

if [ "${INPUT_INSTALL:-true}" = "true" ]; then
  venv="$out/venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${INTGRAPH_ACTION_PATH:?}"
  PATH="$venv/bin:$PATH"
fi
if ! command -v intgraph > /dev/null; then
  echo "::error title=intgraph::intgraph is not installed (set install: true)"
  exit 2
fi

result=0
status=0
# run NAME FILE ARGS...: intgraph ARGS > FILE; status 1 is a gate that matched, 2 and up a
# failure to run, which stops the action with intgraph's one-line message as an error.
run() {
  local name="$1" target="$2"
  shift 2
  status=0
  intgraph "$@" > "$target" 2> "$out/$name.err" || status=$?
  cat "$out/$name.err" >&2
  if [ "$status" -ge 2 ]; then
    echo "::error title=intgraph $name::$(tail -n 1 "$out/$name.err")"
    exit 2
  fi
}
gate() { if [ "$status" -eq 1 ]; then result=1; fi; }
# count FILE: the number of results in a SARIF file.
count() { grep -c '"ruleId"' "$1" || true; }

level="${INPUT_LINT_FAIL_LEVEL:-never}"
run lint "$out/sarif/lint.sarif" lint --vault "$vault" ${options[@]+"${options[@]}"} \
  --format sarif --fail-level "$([ "$level" = never ] && echo error || echo "$level")"
[ "$level" = never ] || gate

fail_on=()
[ -z "${INPUT_ORPHANS_FAIL_ON:-}" ] || fail_on=(--fail-on "$INPUT_ORPHANS_FAIL_ON")
run orphans "$out/sarif/orphans.sarif" orphans --vault "$vault" ${options[@]+"${options[@]}"} \
  --format sarif ${fail_on[@]+"${fail_on[@]}"}
gate

{
  echo "sarif-dir=$out/sarif"
  echo "lint-sarif=$out/sarif/lint.sarif"
  echo "orphans-sarif=$out/sarif/orphans.sarif"
} >> "$outputs"
{
  echo "intgraph lint: $(count "$out/sarif/lint.sarif") findings;" \
    "orphans: $(count "$out/sarif/orphans.sarif") entries."
  echo
} >> "$summary"

if [ "${INPUT_DIFF:-true}" = "true" ] && [[ "${GITHUB_EVENT_NAME:-}" == pull_request* ]]; then
  if [ -z "${INPUT_BASE:-}" ]; then
    echo "::error title=intgraph diff::no base revision: set the base input"
    exit 2
  fi
  diff_gate=()
  [ -z "${INPUT_DIFF_FAIL_ON:-}" ] || diff_gate=(--fail-on "$INPUT_DIFF_FAIL_ON")
  # The job summary's limit is 1 MiB: its copy stays under 1,000,000 bytes. The comment
  # copy (diff-markdown) stays under intgraph's default, 60,000 (GitHub's comment limit).
  run diff "$out/summary.md" diff --vault "$vault" ${options[@]+"${options[@]}"} \
    --base "$INPUT_BASE" --format markdown --max-bytes 1000000 ${diff_gate[@]+"${diff_gate[@]}"}
  gate
  cat "$out/summary.md" >> "$summary"
  run diff "$out/diff.md" diff --vault "$vault" ${options[@]+"${options[@]}"} \
    --base "$INPUT_BASE" --format markdown
  echo "diff-markdown=$out/diff.md" >> "$outputs"
fi
exit "$result"
