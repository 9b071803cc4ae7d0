#!/usr/bin/env python3
"""Ask NetworkX or python-igraph the questions that relgraphbench times relgraph on.

    peers.py networkx|igraph DIR OUT.json [--limit SECONDS]

DIR is a dataset made by `relgraphbench gen`: DIR/a and DIR/b hold the native CSV pair (actors.csv,
links.csv) of two snapshots 1% of links apart, DIR/pairs.txt the pairs of actors for the two-actor
questions. The results go to OUT.json in the shape relgraphbench reads (see its Result type).

Each row runs 3 times (load, betweenness) or 5 times (the others) and stops early when the runs of
the row together pass the time limit (default 120 s); a run cut short is not counted. Links are taken
as undirected, as relgraph's path, connect, betweenness and chokepoints questions take them.

Exit status: 0 on success, 3 when the library is not installed (OUT.json then says so).
"""

import csv
import gc
import json
import os
import resource
import signal
import sys
import time
from collections import Counter
from itertools import pairwise

PATH_ROUNDS = 20  # each pair's path is asked this many times, in round-robin (as relgraphbench does)
RUNS = {"load": 3, "path": 5 * PATH_ROUNDS, "connect": 5, "betweenness": 3, "chokepoints": 5, "diff": 5}
PIVOTS, SEED = 1000, 1
EXACT_MAX = 20000  # igraph: largest graph on which exact betweenness is timed for an estimate


class Timeout(BaseException):
    """Raised by the alarm when a run passes the time left to its row. A BaseException, like
    KeyboardInterrupt, so that the libraries' `except Exception` clauses let it through."""


def _alarm(signum, frame):
    raise Timeout()


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Bench:
    """Runs rows under a time limit and collects the result."""

    def __init__(self, tool, version, limit):
        self.limit = limit
        self.res = {"tool": tool, "version": version, "rss_mib": 0, "rows": {}, "answers": {}, "notes": []}

    def row(self, name, fn, runs=None, collect=True):
        """Times fn(i) for i in range(runs) within the limit; returns the last value (None if none).
        With collect, garbage is collected before each run (not for rows that take microseconds)."""
        runs = runs or RUNS[name]
        row = {"times": []}
        self.res["rows"][name] = row
        spent, value = 0.0, None
        for i in range(runs):
            left = self.limit - spent
            if left <= 0:
                break
            if collect:
                gc.collect()
            signal.setitimer(signal.ITIMER_REAL, left)
            try:
                start = time.perf_counter()
                value = fn(i)
                took = time.perf_counter() - start
            except Timeout:
                row["exceeded"] = self.limit
                break
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            row["times"].append(took)
            spent += took
        if row["times"]:
            row.pop("exceeded", None)
        t = sorted(row["times"])
        med = t[len(t) // 2] if t else None
        print(f"{self.res['tool']:8} {name:20} median {med if med is None else f'{med:.4f} s'} ({len(t)} runs)", file=sys.stderr)
        return value

    def na(self, name, why):
        self.res["rows"][name] = {"times": [], "na": why}


def read_pairs(d):
    with open(os.path.join(d, "pairs.txt")) as f:
        return [tuple(line.split()) for line in f if line.strip()]


def read_csv(path):
    """Yields the header's column index and then the rows of a CSV file."""
    f = open(path, newline="", encoding="utf-8")
    r = csv.reader(f)
    header = next(r)
    return f, {c.strip().lower(): i for i, c in enumerate(header)}, r


# --------------------------------------------------------------------------------------------------
# NetworkX


def run_networkx(d, bench):
    import networkx as nx

    def load(sub):
        G = nx.MultiGraph()
        f, ix, rows = read_csv(os.path.join(d, sub, "actors.csv"))
        with f:
            i, n, k = ix["id"], ix["name"], ix["kind"]
            G.add_nodes_from((row[i], {"name": row[n], "kind": row[k]}) for row in rows)
        f, ix, rows = read_csv(os.path.join(d, sub, "links.csv"))
        with f:
            k, fr, to = ix["kind"], ix["from"], ix["to"]
            st, en, on, sg, w = ix["start"], ix["end"], ix["on"], ix["sign"], ix["weight"]
            G.add_edges_from(
                (row[fr], row[to], {"kind": row[k], "start": row[st], "end": row[en], "on": row[on],
                                    "sign": row[sg], "weight": float(row[w]) if row[w] else 1.0})
                for row in rows)
        return G

    G = None

    def load_a(i):
        nonlocal G
        G = None
        gc.collect()
        G = load("a")
        if i == 0:
            bench.res["rss_mib"] = peak_rss_mib()
        return G

    G = bench.row("load", load_a)
    if G is None:
        return
    ans = bench.res["answers"]
    ans["actors"] = sum(1 for v in G if G.degree(v) > 0)
    ans["links"] = G.number_of_edges()
    pairs = read_pairs(d)

    def path(i):
        a, b = pairs[i]
        try:
            p = nx.shortest_path(G, a, b)
        except nx.NetworkXNoPath:
            return -1
        _ = [list(G[u][v].values()) for u, v in pairwise(p)]  # the links of each hop
        return len(p) - 1

    ans["path"] = [None] * len(pairs)

    def path_row(i):
        ans["path"][i] = path(i)

    bench.row("path", lambda i: path_row(i % len(pairs)), len(pairs) * PATH_ROUNDS, collect=False)

    def connect(a, b):
        """Direct links, common neighbours with their links, the shortest paths with the share of them
        through each actor, and the five strongest shortest paths (most parallel links)."""
        direct = list(G.get_edge_data(a, b, default={}).values())
        common = sorted((set(G[a]) & set(G[b])) - {a, b})
        _ = {x: (list(G[a][x].values()), list(G[b][x].values())) for x in common}
        try:
            paths = list(nx.all_shortest_paths(G, a, b))
        except nx.NetworkXNoPath:
            return [-1, len(common)]
        through = Counter()
        for p in paths:
            through.update(p[1:-1])
        brokers = sorted(through.items(), key=lambda kv: (-kv[1], kv[0]))[:10]

        def strength(p):
            s = 1
            for u, v in pairwise(p):
                s *= len(G[u][v])
            return s

        best = sorted(paths, key=lambda p: (-strength(p), p))[:5]
        _ = (direct, brokers, best)
        return [len(paths[0]) - 1, len(common)]

    ans["connect"] = [None] * len(pairs)

    def connect_row(i):
        ans["connect"][i] = connect(*pairs[i])

    bench.row("connect", connect_row, len(pairs))

    # k ≥ N is exact betweenness (and NetworkX refuses a k above N).
    pivots = PIVOTS if PIVOTS < G.number_of_nodes() else None

    def betweenness(i):
        bc = nx.betweenness_centrality(G, k=pivots, seed=SEED)
        ans["betweenness_top"] = max(bc, key=bc.get)

    bench.row("betweenness", betweenness)
    if not bench.res["rows"]["betweenness"]["times"] and pivots:
        # Over the limit: time a twentieth of the pivots once, to estimate the whole.
        k = PIVOTS // 20

        def fewer(i):
            nx.betweenness_centrality(G, k=k, seed=SEED)

        bench.row("betweenness_fewer", fewer, 1)
        row = bench.res["rows"]["betweenness_fewer"]
        if row["times"]:
            t = row["times"][0]
            bench.res["notes"].append(
                f"networkx: betweenness with k={k} took {t:.1f} s, so about {t * PIVOTS / k:.0f} s for k={PIVOTS} "
                f"(an estimate)")
        else:
            bench.res["notes"].append(
                f"networkx: betweenness with k={k} did not finish within {bench.limit:.0f} s either, so k={PIVOTS} "
                f"takes more than {bench.limit * PIVOTS / k / 60:.0f} min")

    def chokepoints(i):
        ap = list(nx.articulation_points(G))
        br = list(nx.bridges(G))
        ans["articulation_points"], ans["bridges"] = len(ap), len(br)

    bench.row("chokepoints", chokepoints)

    GB = load("b")

    def keys(g):
        out = set()
        for u, v, e in g.edges(data=True):
            date = e["start"] or e["on"]
            out.add((e["kind"], u, v, date) if u < v else (e["kind"], v, u, date))
        return out

    def diff(i):
        ka, kb = keys(G), keys(GB)
        ans["diff_added"], ans["diff_removed"] = len(kb - ka), len(ka - kb)

    bench.row("diff", diff)


# --------------------------------------------------------------------------------------------------
# python-igraph


def run_igraph(d, bench):
    import igraph

    def load(sub):
        f, ix, rows = read_csv(os.path.join(d, sub, "actors.csv"))
        with f:
            i, n, k = ix["id"], ix["name"], ix["kind"]
            ids, names, kinds = [], [], []
            for row in rows:
                ids.append(row[i])
                names.append(row[n])
                kinds.append(row[k])
        index = {a: j for j, a in enumerate(ids)}
        f, ix, rows = read_csv(os.path.join(d, sub, "links.csv"))
        with f:
            k, fr, to = ix["kind"], ix["from"], ix["to"]
            st, en, on, sg, w = ix["start"], ix["end"], ix["on"], ix["sign"], ix["weight"]
            edges, lk, ls, le, lo, lsg, lw = [], [], [], [], [], [], []
            for row in rows:
                edges.append((index[row[fr]], index[row[to]]))
                lk.append(row[k])
                ls.append(row[st])
                le.append(row[en])
                lo.append(row[on])
                lsg.append(row[sg])
                lw.append(float(row[w]) if row[w] else 1.0)
        g = igraph.Graph(n=len(ids), edges=edges, directed=False,
                         vertex_attrs={"name": ids, "label": names, "kind": kinds},
                         edge_attrs={"kind": lk, "start": ls, "end": le, "on": lo, "sign": lsg, "weight": lw})
        return g, index

    g = index = None

    def load_a(i):
        nonlocal g, index
        g = index = None
        gc.collect()
        g, index = load("a")
        if i == 0:
            bench.res["rss_mib"] = peak_rss_mib()
        return g

    if bench.row("load", load_a) is None:
        return
    ans = bench.res["answers"]
    ans["actors"] = sum(1 for x in g.degree() if x > 0)
    ans["links"] = g.ecount()
    pairs = [(index[a], index[b]) for a, b in read_pairs(d)]

    ans["path"] = [None] * len(pairs)

    def path_row(i):
        a, b = pairs[i]
        p = g.get_shortest_paths(a, to=b, output="vpath")[0]
        if not p:
            ans["path"][i] = -1
            return
        _ = g.get_eids(pairs=list(pairwise(p)))  # a link of each hop
        ans["path"][i] = len(p) - 1

    bench.row("path", lambda i: path_row(i % len(pairs)), len(pairs) * PATH_ROUNDS, collect=False)

    def connect(a, b):
        """As for NetworkX: parallel links show as repeated neighbours and as repeated shortest paths
        (get_all_shortest_paths lists a path once per choice of link along it)."""
        na, nb = Counter(g.neighbors(a)), Counter(g.neighbors(b))
        direct = na[b]
        common = sorted((set(na) & set(nb)) - {a, b})
        _ = {x: (na[x], nb[x]) for x in common}
        paths = g.get_all_shortest_paths(a, to=b)
        if not paths:
            return [-1, len(common)]
        strength = Counter(tuple(p) for p in paths)
        through = Counter()
        for p, s in strength.items():
            for x in p[1:-1]:
                through[x] += s
        brokers = sorted(through.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        best = sorted(strength, key=lambda p: (-strength[p], p))[:5]
        _ = (direct, brokers, best)
        return [len(paths[0]) - 1, len(common)]

    ans["connect"] = [None] * len(pairs)

    def connect_row(i):
        ans["connect"][i] = connect(*pairs[i])

    bench.row("connect", connect_row, len(pairs))

    # Sampled betweenness: igraph has no sampling; a betweenness restricted to source vertices is the
    # same computation as a sample of pivots, and is used when the installed version offers it.
    import random
    pivots = random.Random(SEED).sample(range(g.vcount()), min(PIVOTS, g.vcount()))
    try:
        g.betweenness(sources=pivots[:1], directed=False)
        subset = True
    except TypeError:
        subset = False
    if g.vcount() <= PIVOTS:
        # As many pivots as vertices: the question is exact betweenness, which igraph has.
        def betweenness(i):
            bc = g.betweenness(directed=False)
            ans["betweenness_top"] = g.vs[max(range(len(bc)), key=bc.__getitem__)]["name"]

        bench.row("betweenness", betweenness)
    elif subset:
        def betweenness(i):
            bc = g.betweenness(sources=pivots, directed=False)
            ans["betweenness_top"] = g.vs[max(range(len(bc)), key=bc.__getitem__)]["name"]

        bench.row("betweenness", betweenness)
    else:
        bench.na("betweenness", f"python-igraph {igraph.__version__} has neither sampled betweenness nor "
                 "betweenness from a subset of sources (Graph.betweenness takes no sources=)")

        # Exact betweenness from every vertex instead, once, to estimate the cost of 1,000 sources; on
        # graphs of more than EXACT_MAX vertices it cannot finish within a time limit of minutes.
        n = g.vcount()
        if n <= EXACT_MAX:
            def exact(i):
                bc = g.betweenness(directed=False)
                ans["betweenness_top"] = g.vs[max(range(len(bc)), key=bc.__getitem__)]["name"]

            bench.row("betweenness_all", exact, 1)
            row = bench.res["rows"]["betweenness_all"]
            if row["times"]:
                t = row["times"][0]
                bench.res["notes"].append(
                    f"igraph: exact betweenness from all {n} vertices took {t:.1f} s, about {t * PIVOTS / n:.2f} s "
                    f"per {PIVOTS} sources (an estimate, not a measurement of the sampled question)")
            else:
                bench.res["notes"].append(
                    f"igraph: exact betweenness from all {n} vertices did not finish within {bench.limit:.0f} s "
                    f"(so more than {bench.limit * PIVOTS / n:.2f} s per {PIVOTS} sources)")

        # A lower bound that holds at any size: betweenness from a source costs at least a
        # breadth-first search from it. Graph.eccentricity runs one from each vertex it is given and
        # returns a single number for each, so it times the searches alone.
        def searches(i):
            g.eccentricity(vertices=pivots, mode="all")

        bench.row("betweenness_bfs", searches, 1)
        row = bench.res["rows"]["betweenness_bfs"]
        if row["times"]:
            bench.res["notes"].append(
                f"igraph: the breadth-first searches alone from the {len(pivots)} pivots (Graph.eccentricity) take "
                f"{row['times'][0]:.2f} s: a lower bound for betweenness from {len(pivots)} sources")

    def chokepoints(i):
        ap = g.articulation_points()
        br = g.bridges()
        ans["articulation_points"], ans["bridges"] = len(ap), len(br)

    bench.row("chokepoints", chokepoints)

    gb, _ = load("b")

    def keys(h):
        date = [s or o for s, o in zip(h.es["start"], h.es["on"])]
        return {(k, u, v, t) if u < v else (k, v, u, t) for (u, v), k, t in zip(h.get_edgelist(), h.es["kind"], date)}

    def diff(i):
        ka, kb = keys(g), keys(gb)
        ans["diff_added"], ans["diff_removed"] = len(kb - ka), len(ka - kb)

    bench.row("diff", diff)


# --------------------------------------------------------------------------------------------------


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description="Ask NetworkX or python-igraph the benchmark's questions.")
    ap.add_argument("tool", choices=["networkx", "igraph"])
    ap.add_argument("dir", help="a dataset made by relgraphbench gen")
    ap.add_argument("out", help="the JSON file to write")
    ap.add_argument("--limit", type=float, default=120.0, help="time limit of each row in seconds (default 120)")
    a = ap.parse_args(argv)
    tool, d, out, limit = a.tool, a.dir, a.out, a.limit
    module = {"networkx": "networkx", "igraph": "igraph"}[tool]
    try:
        lib = __import__(module)
    except ImportError:
        how = {"networkx": "pip install networkx", "igraph": "apt-get install python3-igraph (Debian) or pip install igraph"}[tool]
        msg = f"{tool} is not installed for {sys.executable} ({how})"
        print(f"peers.py: {msg}", file=sys.stderr)
        with open(out, "w") as f:
            json.dump({"tool": tool, "version": "", "missing": msg, "rows": {}, "answers": {}}, f)
        return 3
    version = f"{tool} {lib.__version__}, Python {sys.version.split()[0]}"
    bench = Bench(tool, version, limit)
    signal.signal(signal.SIGALRM, _alarm)
    {"networkx": run_networkx, "igraph": run_igraph}[tool](d, bench)
    with open(out, "w") as f:
        json.dump(bench.res, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
