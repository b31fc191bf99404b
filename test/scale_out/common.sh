# Shared by test/citus_test.sh and test/fdw_shards_test.sh (sourced after
# scripts/citus.sh): a work directory removed on exit together with the
# servers, and how the checks report.
work=$(mktemp -d)
cleanup() {
  jobs -p | xargs -r kill 2>/dev/null || true
  wait 2>/dev/null || true
  nodes_stop_all
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

# same_on NODE CLUSTER NAME QUERY_ON_THE_CLUSTER QUERY_ON_THE_SINGLE_SERVER:
# the two outputs, both run on NODE, are identical text for text (floats
# print exactly: extra_float_digits = 1). CLUSTER names the cluster side in
# messages ("Citus", "the shards").
same_on() {
  local node=$1 cluster=$2 name=$3
  node_sql "$node" "$4" >"$work/cluster.out"
  node_sql "$node" "$5" >"$work/single.out"
  [ -s "$work/single.out" ] || fail "$name: the single server returned nothing"
  if ! diff -u "$work/single.out" "$work/cluster.out" >"$work/diff"; then
    head -n 20 "$work/diff" >&2
    fail "$name: $cluster and the single server differ (- single server, + $cluster)"
  fi
  ok "$name: same as the single server ($(wc -l <"$work/single.out") lines)"
}
