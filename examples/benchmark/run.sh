#!/bin/sh
# Benchmark relgraph against NetworkX and python-igraph on one generated dataset:
#
#   examples/benchmark/run.sh [LINKS]      # default 1000000 links over LINKS/10 actors
#
# Environment: ACTORS (default LINKS/10), LIMIT (seconds per row for the Python tools, default 120),
# PYTHON and IGRAPH_PYTHON (interpreters to try first for NetworkX and igraph), KEEP=1 to keep the
# generated files. Prints a Markdown table of medians and ratios on stdout, progress on stderr.
set -eu

links=${1:-1000000}
actors=${ACTORS:-$((links / 10))}
limit=${LIMIT:-120}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/relgraph-bench.XXXXXX")
if [ "${KEEP:-}" = 1 ]; then
	echo "keeping $tmp" >&2
else
	trap 'rm -rf "$tmp"' EXIT INT TERM
fi

echo "building relgraphbench" >&2
(cd "$root" && go build -o "$tmp/relgraphbench" ./examples/benchmark/relgraphbench)
bench=$tmp/relgraphbench

echo "generating $actors actors, $links links" >&2
"$bench" gen "$tmp/data" "$actors" "$links"

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

echo "relgraph" >&2
"$bench" run "$tmp/data" "$tmp/relgraph.json"

# pick MODULE CANDIDATE... prints the first interpreter that imports MODULE (else the first candidate,
# so that peers.py reports the module missing).
pick() {
	module=$1
	shift
	first=
	for py in "$@"; do
		[ -n "$py" ] || continue
		command -v "$py" >/dev/null 2>&1 || continue
		[ -n "$first" ] || first=$py
		if "$py" -c "import $module" >/dev/null 2>&1; then
			echo "$py"
			return
		fi
	done
	echo "${first:-python3}"
}

results="$tmp/relgraph.json"
for tool in networkx igraph; do
	if [ "$tool" = networkx ]; then
		py=$(pick networkx "${PYTHON:-}" python3 /usr/bin/python3)
	else
		py=$(pick igraph "${IGRAPH_PYTHON:-}" "${PYTHON:-}" python3 /usr/bin/python3)
	fi
	echo "$tool ($py)" >&2
	status=0
	"$py" "$here/peers.py" "$tool" "$tmp/data" "$tmp/$tool.json" --limit "$limit" || status=$?
	if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
		echo "run.sh: peers.py $tool failed (exit $status)" >&2
		exit 1
	fi
	results="$results $tmp/$tool.json"
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)

echo "## $links links, $actors actors"
echo
echo "\`examples/benchmark/run.sh $links\` — $(nproc 2>/dev/null || echo '?') cores${cpu:+ ($cpu)}; load average (1, 5, 15 min) $load_before before, $load_after after; time limit $limit s per row for the Python tools."
echo
# shellcheck disable=SC2086
"$bench" report $results
