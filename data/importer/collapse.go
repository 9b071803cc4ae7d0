package importer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// farFuture stands for an open end when comparing spans.
const farFuture = graph.Date(99991231)

// normalize puts the ends of undirected links in id order, so that a pair listed both ways (ATOP lists
// every dyad twice) gives the same link; a record whose ends it swaps is marked as a mirror.
func (im *importer) normalize(recs []rec) {
	for i := range recs {
		r := &recs[i]
		if !im.ds.linkKinds[r.kind].Directed && im.reg.list[r.to].a.ID < im.reg.list[r.from].a.ID {
			r.from, r.to = r.to, r.from
			r.mirror = true
		}
	}
}

// combine returns the weight of records that give one link (the same kind, ends and date) and counts
// them in the stats. Records written the same way round are repeats, and their weights add up: two
// transfers of 2 in one year weigh 4, whether or not the two values happen to be equal. For an
// undirected kind, records written the other way round (mirrors) list the same facts a second time:
// the link takes the larger of the two directions' totals, which is either total when the listings
// agree. O(len(group)).
func (im *importer) combine(group []rec) float64 {
	var fwd, bwd float64
	nf, nb := 0, 0
	for i := range group {
		if group[i].mirror {
			bwd += group[i].weight
			nb++
		} else {
			fwd += group[i].weight
			nf++
		}
	}
	st := &im.ds.Stats
	if nf > 1 {
		st.Repeated += nf - 1
	}
	if nb > 1 {
		st.Repeated += nb - 1
	}
	if nf > 1 || nb > 1 {
		st.RepeatedLinks++
	}
	if nf > 0 && nb > 0 {
		st.Mirrored += min(nf, nb)
	}
	return max(fwd, bwd)
}

// span returns the first and last day a record covers; an open start is 0, an open end farFuture.
func span(r *rec) (lo, hi graph.Date) {
	lo = r.start.Lo()
	switch {
	case r.event:
		hi = r.start.Hi()
	case r.end != 0:
		hi = r.end.Hi()
	default:
		hi = farFuture
	}
	return lo, hi
}

// collapse merges records of the same kind, ends, sign and certainty whose spans follow each other
// without a gap (2001 then 2002) or overlap, into one lasting link from the first start to the last
// end. Records that start on the same day are one date: its weight is combine's (repeats add up,
// mirrors count once). The merged link keeps the largest weight of its dates and the attributes of
// its latest row. O(n log n).
func (im *importer) collapse(recs []rec) []rec {
	keys := make([]sortKey, len(recs))
	for i := range recs {
		r := &recs[i]
		lo, _ := span(r)
		keys[i] = sortKey{uint64(r.kind)<<48 | uint64(uint32(r.from))<<16 | uint64(uint8(r.sign))<<8 | uint64(r.cert),
			uint64(uint32(r.to))<<32 | uint64(uint32(lo)), uint32(i)}
	}
	sortRecs(recs, keys)
	sameSpell := func(x, y *rec) bool {
		return x.kind == y.kind && x.from == y.from && x.to == y.to && x.sign == y.sign && x.cert == y.cert
	}
	// out is written behind the date being read: each date adds at most one record.
	out := recs[:0]
	var cur rec
	var curHi, curEnd graph.Date
	flush := func() {
		cur.event, cur.mirror = false, false
		if curHi == farFuture {
			cur.end = 0
		} else {
			cur.end = curEnd
		}
		out = append(out, cur)
	}
	started := false
	for i := 0; i < len(recs); {
		lo, _ := span(&recs[i])
		j := i + 1
		for j < len(recs) && sameSpell(&recs[j], &recs[i]) {
			if l, _ := span(&recs[j]); l != lo {
				break
			}
			j++
		}
		date := recs[i:j]
		r := date[0]
		r.weight = im.combine(date)
		var hi, end graph.Date
		for k := range date {
			d := &date[k]
			if _, h := span(d); h > hi {
				hi, end = h, d.end
				if d.event {
					end = d.start
				}
			}
			if d.attrs >= 0 {
				r.attrs = d.attrs
			}
		}
		i = j
		if started && sameSpell(&r, &cur) && (curHi == farFuture || lo <= nextDay(curHi)) {
			im.ds.Stats.Collapsed++
			if hi > curHi {
				curHi, curEnd = hi, end
			}
			cur.weight = max(cur.weight, r.weight)
			if r.attrs >= 0 {
				cur.attrs = r.attrs
			}
			continue
		}
		if started {
			flush()
		}
		cur, curHi, curEnd, started = r, hi, end, true
	}
	if started {
		flush()
	}
	return out
}

// openEnds leaves open the end of lasting links that reach the last day any record covers: that day
// is the horizon of the data, not the end of the relationship.
func openEnds(recs []rec) {
	var horizon graph.Date
	for i := range recs {
		if _, hi := span(&recs[i]); hi != farFuture && hi > horizon {
			horizon = hi
		}
	}
	for i := range recs {
		r := &recs[i]
		if !r.event && r.end != 0 && r.end.Hi() == horizon {
			r.end = 0
		}
	}
}

// sortKey orders records: by k1, then k2, then input position (recs are appended in file and line
// order, so equal keys keep that order).
type sortKey struct {
	k1, k2 uint64
	pos    uint32
}

// sortRecs sorts recs by their keys. The keys are made in input order, so a stable sort of (k1, k2)
// keeps equal keys in input order. Large inputs take an LSD radix sort over 16-bit digits that skips
// the digits where all keys agree (the kind's high bits, the actors' high bits): O(n) per digit, against
// O(n log n) comparisons; its 65,536 counters do not pay off below as many records.
func sortRecs(recs []rec, keys []sortKey) {
	if len(recs) < 1<<16 {
		slices.SortStableFunc(keys, func(x, y sortKey) int {
			if x.k1 != y.k1 {
				return cmp.Compare(x.k1, y.k1)
			}
			return cmp.Compare(x.k2, y.k2)
		})
	} else {
		radixSort(keys)
	}
	sorted := make([]rec, len(recs))
	for i, k := range keys {
		sorted[i] = recs[k.pos]
	}
	copy(recs, sorted)
}

func radixSort(keys []sortKey) {
	tmp := make([]sortKey, len(keys))
	var count [1 << 16]int
	src, dst := keys, tmp
	for d := range 8 { // k2's four digits, then k1's
		clear(count[:])
		for i := range src {
			count[digit(&src[i], d)]++
		}
		if count[digit(&src[0], d)] == len(src) {
			continue // every key has this digit
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for i := range src {
			b := digit(&src[i], d)
			dst[count[b]] = src[i]
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}

// digit returns the d-th 16-bit digit of a key, least significant first.
func digit(k *sortKey, d int) uint64 {
	if d < 4 {
		return k.k2 >> (d * 16) & 0xffff
	}
	return k.k1 >> ((d - 4) * 16) & 0xffff
}

// finish orders the actors by id and the links by kind, ends and date, and merges links that would
// share an id.
func (im *importer) finish() {
	ds := im.ds
	// Actors: the ones not left in lookup tables, sorted by id.
	keep := make([]int32, 0, len(im.reg.list))
	for i := range im.reg.list {
		if !im.reg.list[i].lookup {
			keep = append(keep, int32(i))
		}
	}
	slices.SortFunc(keep, func(x, y int32) int { return strings.Compare(im.reg.list[x].a.ID, im.reg.list[y].a.ID) })
	newIdx := make([]int32, len(im.reg.list))
	ds.actors = make([]graph.Actor, len(keep))
	for n, i := range keep {
		newIdx[i] = int32(n)
		ds.actors[n] = im.reg.list[i].a
	}
	// Kinds ranked by name.
	kindRank := make([]uint16, len(ds.linkKinds))
	byName := make([]int, len(ds.linkKinds))
	for i := range byName {
		byName[i] = i
	}
	slices.SortFunc(byName, func(x, y int) int { return strings.Compare(ds.linkKinds[x].ID, ds.linkKinds[y].ID) })
	for r, i := range byName {
		kindRank[i] = uint16(r)
	}
	recs := im.recs
	keys := make([]sortKey, len(recs))
	for i := range recs {
		r := &recs[i]
		r.from, r.to = newIdx[r.from], newIdx[r.to]
		keys[i] = sortKey{uint64(kindRank[r.kind])<<48 | uint64(uint32(r.from))<<16, uint64(uint32(r.to))<<32 | uint64(uint32(r.start)), uint32(i)}
	}
	sortRecs(recs, keys)
	out := recs[:0]
	for i := 0; i < len(recs); {
		j := i + 1
		for j < len(recs) && recs[j].kind == recs[i].kind && recs[j].from == recs[i].from && recs[j].to == recs[i].to && recs[j].start == recs[i].start {
			j++
		}
		if j == i+1 {
			out = append(out, recs[i])
		} else {
			out = append(out, im.merge(recs[i:j]))
		}
		i = j
	}
	ds.links = slices.Clip(out)
	im.recs = nil
	ds.Stats.Actors, ds.Stats.Links = len(ds.actors), len(ds.links)
}

// merge combines records that give the same link id (the same kind, ends and start) into one link:
// its weight is combine's, the latest end wins, and attributes with different values are joined with
// "; " in row order. Sign and certainty are the first record's. O(len(group)) map operations.
func (im *importer) merge(group []rec) rec {
	out := group[0]
	out.weight = im.combine(group)
	out.mirror = false
	_, hi := span(&out)
	base := int32(-1) // the attributes of the first record that has any
	var vals map[string][]string
	var seen map[[2]string]bool
	joined := false // whether vals says more than base
	for n := range group {
		r := &group[n]
		if n > 0 && !out.event {
			if _, h := span(r); h > hi {
				hi, out.end = h, r.end
			}
		}
		if r.attrs < 0 || r.attrs == base {
			continue
		}
		if vals == nil {
			vals, seen = map[string][]string{}, map[[2]string]bool{}
		}
		for k, v := range im.ds.attrs[r.attrs] {
			if seen[[2]string{k, v}] {
				continue
			}
			seen[[2]string{k, v}] = true
			vals[k] = append(vals[k], v)
			joined = joined || base >= 0
		}
		if base < 0 {
			base = r.attrs
		}
	}
	out.attrs = base
	if joined {
		attrs := make(map[string]string, len(vals))
		for k, vs := range vals {
			attrs[k] = strings.Join(vs, "; ")
		}
		out.attrs = int32(len(im.ds.attrs))
		im.ds.attrs = append(im.ds.attrs, attrs)
	}
	return out
}
