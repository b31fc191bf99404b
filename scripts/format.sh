#!/usr/bin/env bash
# Formats the C++ sources with clang-format 14 and the repository's
# .clang-format (Google style, 100 columns, includes never reordered).
# Usage:
#   scripts/format.sh            reformat every C++ file git tracks, in place
#   scripts/format.sh --check    change nothing; list the files that are not
#                                formatted and exit 1 (0 when all are)
# The files are those of `git ls-files '*.cpp' '*.h'` (tracked files only,
# from the repository root). Set CLANG_FORMAT to use another binary; it must
# be version 14, since other versions lay out the same code differently.
# Regions that clang-format would make harder to read (tables, lists of test
# strings) are fenced with "// clang-format off" / "// clang-format on".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CLANG_FORMAT=${CLANG_FORMAT:-clang-format-14}

mode=fix
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: scripts/format.sh [--check]" >&2; exit 2 ;;
esac

if ! command -v "$CLANG_FORMAT" >/dev/null 2>&1; then
  echo "format.sh: $CLANG_FORMAT not found (apt-get install clang-format-14, or set CLANG_FORMAT)" >&2
  exit 2
fi
if ! "$CLANG_FORMAT" --version | grep -q 'version 14\.'; then
  echo "format.sh: $CLANG_FORMAT is not clang-format 14: $("$CLANG_FORMAT" --version)" >&2
  exit 2
fi

cd "$ROOT"
mapfile -d '' files < <(git ls-files -z -- '*.cpp' '*.h')
if [ "${#files[@]}" -eq 0 ]; then
  echo "format.sh: no C++ files found under $ROOT" >&2
  exit 2
fi

if [ "$mode" = fix ]; then
  "$CLANG_FORMAT" --style=file -i -- "${files[@]}"
  echo "format.sh: formatted ${#files[@]} files"
  exit 0
fi

# One clang-format run over every file; each complaint is a line
# "<file>:<line>:<col>: error: code should be clang-formatted [-Wclang-format-violations]".
status=0
report=$("$CLANG_FORMAT" --style=file --dry-run --Werror -- "${files[@]}" 2>&1 >/dev/null) || status=$?
mapfile -t bad < <(printf '%s\n' "$report" |
  sed -n 's/^\(.*\):[0-9][0-9]*:[0-9][0-9]*: error: code should be clang-formatted.*/\1/p' | sort -u)
if [ "$status" -ne 0 ] && [ "${#bad[@]}" -eq 0 ]; then
  echo "format.sh: $CLANG_FORMAT failed:" >&2
  printf '%s\n' "$report" >&2
  exit 2
fi
if [ "${#bad[@]}" -gt 0 ]; then
  echo "format.sh: ${#bad[@]} of ${#files[@]} files are not formatted (run scripts/format.sh):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "format.sh: ${#files[@]} files formatted"
