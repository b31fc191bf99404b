#!/usr/bin/env bash
# Runs every SQL example of README.md and docs/*.md against a running server
# and checks the output each one documents, so that the documentation cannot
# drift from what the extension does.
#
#   test/docs_examples_test.sh [PAGE.md ...]    (default: README.md docs/*.md)
#
# Needs a running server with textsense installed and the PG* variables
# pointing at it as a superuser (scripts/test.sh runs it under
# pg_virtualenv; by hand: pg_virtualenv -t -v 15 bash test/docs_examples_test.sh).
#
# How a page is read (docs/README.md, "Examples are tested", says the same
# for writers):
#   * A ```sql block is an example. It is run and must not fail, unless its
#     expected output (next point) shows the error.
#   * A ```sql block followed on the very next line by a plain ``` block
#     (a fence with no language) is an example WITH its expected output:
#     the block's output must equal the plain block's text, compared line by
#     line after trimming trailing whitespace and leading and trailing blank
#     lines; a mismatch prints a unified diff and fails. The output is psql's
#     default aligned format with the "(n rows)" footer turned off
#     (\pset footer off), NOTICEs and errors included where psql prints them
#     (stderr is merged into stdout). An expected output with a line that
#     starts with "ERROR:" means the example is meant to fail: it runs with
#     ON_ERROR_STOP off, and the error must be the one shown.
#   * Output that is illustrative only (timings, plans, thread counts,
#     anything that varies between runs or machines) goes in a ```text
#     block: it is not compared. A plain ``` block separated from the
#     ```sql block before it by blank lines only is refused as ambiguous.
#   * An example that cannot run here (it needs Citus, a second server, a
#     table of 100 MB documents, or repeats CREATE EXTENSION) is marked on
#     the line right before its fence:
#         <!-- docs-test: skip (needs Citus) -->
#     It is counted as skipped, and so is its output block.
#   * Each page runs in a fresh database (UTF8, C collation) created by this
#     script with CREATE EXTENSION textsense already done; its examples run in
#     order in ONE psql session (psql -X -q, ON_ERROR_STOP=1), so a table a
#     page creates feeds its later examples. Roles a page creates are dropped
#     after it. Every statement must end with ';' (or be a psql
#     meta-command), so that no example runs into the next.
#
# Prints one line per page and a summary (blocks run, outputs matched,
# blocks skipped); exits 1 on any failure, on an error where none is
# documented, or when no block ran at all.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

if [ $# -gt 0 ]; then
  pages=("$@")
else
  pages=(README.md docs/*.md)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/textsense-docs.XXXXXX")
current_db=
cleanup() {
  if [ -n "$current_db" ]; then
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$current_db\"" >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# psql against the maintenance database, for what the script itself does.
admin() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -A -t -v ON_ERROR_STOP=1 -d postgres "$@"; }

if ! admin -c 'SELECT 1' >/dev/null; then
  echo "docs examples: cannot connect (set the PG* variables, e.g. run under pg_virtualenv)" >&2
  exit 1
fi

# Splits a page into its code blocks. Writes, in DIR:
#   blocks.tsv      one line per ```sql block: index, line, skip (0/1),
#                   expected (0/1), expects_error (0/1), unterminated (0/1)
#   N.sql           the block's text (the fence's indentation removed)
#   N.expected      its expected output, when it has one
#   problems.txt    what the page gets wrong (ambiguous or unclosed blocks)
split_page() {
  local page=$1 dir=$2
  awk -v dir="$dir" -v page="$page" '
    function strip(s, n) {   # remove up to n leading spaces (the fence indent)
      while (n > 0 && substr(s, 1, 1) == " ") { s = substr(s, 2); n-- }
      return s
    }
    function problem(msg) { print page ":" NR ": " msg > (dir "/problems.txt") }
    BEGIN { kind = ""; blocks = 0; last_sql = 0; prev = "" }
    kind == "" && /^ *```/ {
      # An opening fence: its indentation, its backticks, its language.
      indent = index($0, "`") - 1
      rest = substr($0, indent + 1)
      match(rest, /^`+/); fence = RLENGTH
      info = substr(rest, fence + 1); gsub(/^[ \t]+|[ \t]+$/, "", info)
      split(info, words, /[ \t{]/); lang = words[1]
      open_line = NR; output_of = 0; expect_error = 0; last_code = ""
      if (lang == "sql") {
        kind = "sql"; blocks++
        bline[blocks] = NR; bexp[blocks] = 0; berr[blocks] = 0
        bskip[blocks] = (prev ~ /^[ \t]*<!--[ \t]*docs-test:[ \t]*skip/)
        printf "" > (dir "/" blocks ".sql")
      } else if (lang == "") {
        kind = "plain"
        if (last_sql > 0 && last_sql_end == NR - 1) {
          # Expected output: the plain block right after a sql block.
          output_of = last_sql
          printf "" > (dir "/" output_of ".expected")
        } else if (last_sql > 0) {
          problem("a plain ``` block after blank lines under the ```sql block of line " bline[last_sql] ": join them to compare the output, or make it ```text")
        }
      } else {
        kind = "other"
      }
      last_sql = 0; prev = $0
      next
    }
    kind == "" {
      if ($0 !~ /^[ \t]*$/) last_sql = 0
      prev = $0
      next
    }
    {
      # Inside a block: a fence of at least as many backticks closes it.
      t = $0; gsub(/[ \t]/, "", t)
      if (t ~ /^`+$/ && length(t) >= fence) {
        if (kind == "sql") {
          # The last line that is neither blank nor a comment must end a
          # statement or be a meta-command.
          bunterm[blocks] = (last_code != "" && last_code !~ /;[ \t]*$/ && last_code !~ /^[ \t]*\\/)
          close(dir "/" blocks ".sql")
          last_sql = blocks; last_sql_end = NR
          # The output block of a skipped block is skipped with it.
          if (bskip[blocks]) last_sql = 0
        } else if (output_of > 0) {
          bexp[output_of] = 1; berr[output_of] = expect_error
          close(dir "/" output_of ".expected")
        }
        kind = ""; prev = $0
        next
      }
      text = strip($0, indent)
      if (kind == "sql") {
        print text > (dir "/" blocks ".sql")
        code = text; sub(/[ \t]*--[^'"'"']*$/, "", code)
        if (code !~ /^[ \t]*$/) last_code = code
      } else if (output_of > 0) {
        print text > (dir "/" output_of ".expected")
        if (text ~ /^ERROR:/) expect_error = 1
      }
      prev = $0
    }
    END {
      if (kind != "") problem("the ``` block opened at line " open_line " is never closed")
      for (i = 1; i <= blocks; i++)
        printf "%d\t%d\t%d\t%d\t%d\t%d\n", i, bline[i], bskip[i], bexp[i], berr[i], bunterm[i] > (dir "/blocks.tsv")
    }
  ' "$page"
  touch "$dir/blocks.tsv" "$dir/problems.txt"
}

# Trailing whitespace off every line, leading and trailing blank lines off
# the block: what the comparison ignores.
normalize() {
  sed -e 's/[[:space:]]*$//' "$1" | awk '
    NF || started { started = 1; lines[++n] = $0 }
    END { while (n > 0 && lines[n] == "") n--; for (i = 1; i <= n; i++) print lines[i] }'
}

marker='@@textsense-docs-test'
total_run=0 total_checked=0 total_matched=0 total_skipped=0 failures=0
started=$(date +%s)

for page in "${pages[@]}"; do
  if [ ! -f "$page" ]; then
    echo "FAIL $page: no such file"; failures=$((failures + 1)); continue
  fi
  dir="$work/$(echo "$page" | tr '/.' '__')"
  mkdir -p "$dir"
  split_page "$page" "$dir"
  page_failures=0
  if [ -s "$dir/problems.txt" ]; then
    sed 's/^/FAIL /' "$dir/problems.txt"
    page_failures=$((page_failures + $(wc -l < "$dir/problems.txt")))
  fi

  # The page's psql script: a marker line before each block, so that the
  # session's output can be cut back into one piece per block.
  script="$dir/page.psql"
  {
    echo '\set ON_ERROR_STOP 1'
    echo '\pset footer off'
  } > "$script"
  run=0 skipped=0 checked=0
  while IFS=$'\t' read -r i line skip expected expects_error unterminated; do
    if [ "$skip" = 1 ]; then
      skipped=$((skipped + 1)); continue
    fi
    if [ "$unterminated" = 1 ]; then
      echo "FAIL $page:$line: the block's last statement does not end with ';'"
      page_failures=$((page_failures + 1))
    fi
    run=$((run + 1))
    [ "$expected" = 1 ] && checked=$((checked + 1))
    {
      echo "\\echo '$marker $i@@'"
      [ "$expects_error" = 1 ] && echo '\set ON_ERROR_STOP 0'
      cat "$dir/$i.sql"
      [ "$expects_error" = 1 ] && echo '\set ON_ERROR_STOP 1'
    } >> "$script"
  done < "$dir/blocks.tsv"
  echo "\\echo '$marker end@@'" >> "$script"

  if [ "$run" -gt 0 ]; then
    current_db="docs_test_$(echo "$page" | tr -c 'A-Za-z0-9\n' '_' | tr 'A-Z' 'a-z')"
    roles_before=$(admin -c "SELECT string_agg(quote_ident(rolname), ' ' ORDER BY rolname) FROM pg_roles")
    admin -c "DROP DATABASE IF EXISTS \"$current_db\"" >/dev/null
    admin -c "CREATE DATABASE \"$current_db\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'" >/dev/null
    psql -X -q -v ON_ERROR_STOP=1 -d "$current_db" -c 'CREATE EXTENSION textsense' >/dev/null
    psql -X -q -v ON_ERROR_STOP=1 -d "$current_db" < "$script" > "$dir/page.out" 2>&1
    rc=$?

    # Cut the session's output at the markers: N.out for block N.
    awk -v dir="$dir" -v marker="$marker" '
      index($0, marker " ") == 1 {
        if (out != "") close(out)
        id = substr($0, length(marker) + 2); sub(/@@$/, "", id)
        out = (id == "end") ? "" : dir "/" id ".out"
        if (out != "") printf "" > out
        last = id
        next
      }
      out != "" { print > out }
      END { print last > (dir "/last_marker") }
    ' "$dir/page.out"
    last=$(cat "$dir/last_marker")

    # Blocks run: those whose marker was reached (all, unless one failed).
    planned=$run
    run=$(awk -F'\t' -v dir="$dir" '{ f = dir "/" $1 ".out"; if ($3 == 0 && (getline x < f) >= 0) n++; close(f) } END { print n + 0 }' "$dir/blocks.tsv")
    if [ "$rc" -ne 0 ]; then
      line=$(awk -F'\t' -v i="$last" '$1 == i { print $2 }' "$dir/blocks.tsv")
      echo "FAIL $page:${line:-?}: the example failed (psql exit status $rc), so $((planned - run)) later blocks did not run:"
      sed 's/^/    /' "$dir/$last.out" 2>/dev/null || sed 's/^/    /' "$dir/page.out"
      page_failures=$((page_failures + 1))
      rm -f "$dir/$last.out"    # reported here, not compared below
    fi

    matched=0
    while IFS=$'\t' read -r i line skip expected expects_error unterminated; do
      [ "$skip" = 1 ] && continue
      [ "$expected" = 1 ] || continue
      [ -f "$dir/$i.out" ] || continue    # not reached: reported above
      normalize "$dir/$i.expected" > "$dir/$i.expected.n"
      normalize "$dir/$i.out" > "$dir/$i.out.n"
      if cmp -s "$dir/$i.expected.n" "$dir/$i.out.n"; then
        matched=$((matched + 1))
      else
        echo "FAIL $page:$line: the output differs from the documented one (- documented, + actual):"
        diff -u --label "$page:$line (documented)" --label "$page:$line (actual)" \
          "$dir/$i.expected.n" "$dir/$i.out.n" | sed 's/^/    /'
        page_failures=$((page_failures + 1))
      fi
    done < "$dir/blocks.tsv"

    admin -c "DROP DATABASE IF EXISTS \"$current_db\"" >/dev/null
    current_db=
    # Roles the page created (its examples of grants and tenants).
    for role in $(admin -c "SELECT string_agg(quote_ident(rolname), ' ' ORDER BY rolname) FROM pg_roles"); do
      case " $roles_before " in *" $role "*) ;; *) admin -c "DROP ROLE $role" >/dev/null ;; esac
    done
  else
    matched=0
  fi

  status=ok
  [ "$page_failures" -gt 0 ] && status=FAIL
  printf '%-4s %-28s %3d run, %3d of %3d outputs matched, %2d skipped\n' \
    "$status" "$page" "$run" "$matched" "$checked" "$skipped"
  total_run=$((total_run + run)); total_checked=$((total_checked + checked))
  total_matched=$((total_matched + matched)); total_skipped=$((total_skipped + skipped))
  failures=$((failures + page_failures))
done

echo "docs examples: ${#pages[@]} pages, $total_run blocks run, $total_matched of $total_checked outputs matched, $total_skipped skipped, $failures failures ($(($(date +%s) - started)) s)"
if [ "$total_run" -eq 0 ]; then
  echo "docs examples: no block ran" >&2
  exit 1
fi
[ "$failures" -eq 0 ]
