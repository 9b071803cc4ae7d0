package importer

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// farFuture stands for an open end when comparing spans.
const farFuture = graph.Date(99991231)

// normalize puts the ends of undirected links in id order, so that a pair listed both ways (ATOP lists
// every dyad twice) gives the same link.
func (im *importer) normalize(recs []rec) {
	for i := range recs {
		r := &recs[i]
		if !im.ds.linkKinds[r.kind].Directed && im.reg.list[r.to].a.ID < im.reg.list[r.from].a.ID {
			r.from, r.to = r.to, r.from
		}
	}
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
// end. The merged link keeps the largest weight and the attributes of its latest row.
// O(n log n).
func (im *importer) collapse(recs []rec) []rec {
	keys := make([]sortKey, len(recs))
	for i := range recs {
		r := &recs[i]
		lo, _ := span(r)
		keys[i] = sortKey{uint64(r.kind)<<48 | uint64(uint32(r.from))<<16 | uint64(uint8(r.sign))<<8 | uint64(r.cert),
			uint64(uint32(r.to))<<32 | uint64(uint32(lo)), uint32(i)}
	}
	sortRecs(recs, keys)
	out := recs[:0]
	var cur rec
	var curHi graph.Date
	var curEnd graph.Date
	flush := func() {
		cur.event = false
		if curHi == farFuture {
			cur.end = 0
		} else {
			cur.end = curEnd
		}
		out = append(out, cur)
	}
	for i := range recs {
		r := recs[i]
		lo, hi := span(&r)
		end := r.end
		if r.event {
			end = r.start
		}
		if i > 0 && r.kind == cur.kind && r.from == cur.from && r.to == cur.to && r.sign == cur.sign && r.cert == cur.cert &&
			(curHi == farFuture || lo <= nextDay(curHi)) {
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
		if i > 0 {
			flush()
		}
		cur, curHi, curEnd = r, hi, end
	}
	if len(recs) > 0 {
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
			ds.Stats.Merged += j - i - 1
		}
		i = j
	}
	ds.links = slices.Clip(out)
	im.recs = nil
	ds.Stats.Actors, ds.Stats.Links = len(ds.actors), len(ds.links)
}

// merge combines records that give the same link id. Exact repeats count once (a pair listed in both
// directions); otherwise the weights of the distinct records add up, the latest end wins, and
// attributes with different values are joined with "; ".
func (im *importer) merge(group []rec) rec {
	var distinct []rec
	for _, r := range group {
		if !slices.ContainsFunc(distinct, func(d rec) bool { return im.sameRec(&d, &r) }) {
			distinct = append(distinct, r)
		}
	}
	out := distinct[0]
	if len(distinct) == 1 {
		return out
	}
	_, hi := span(&out)
	var attrs map[string]string
	for n, r := range distinct {
		if n > 0 {
			out.weight += r.weight
			if _, h := span(&r); h > hi && !out.event {
				hi, out.end = h, r.end
			}
		}
		if r.attrs < 0 {
			continue
		}
		if attrs == nil {
			attrs = map[string]string{}
		}
		for k, v := range im.ds.attrs[r.attrs] {
			switch old, ok := attrs[k]; {
			case !ok:
				attrs[k] = v
			case !slices.Contains(strings.Split(old, "; "), v):
				attrs[k] = old + "; " + v
			}
		}
	}
	if attrs != nil {
		out.attrs = int32(len(im.ds.attrs))
		im.ds.attrs = append(im.ds.attrs, attrs)
	}
	return out
}

func (im *importer) sameRec(x, y *rec) bool {
	if x.end != y.end || x.event != y.event || x.weight != y.weight || x.sign != y.sign || x.cert != y.cert {
		return false
	}
	switch {
	case x.attrs == y.attrs:
		return true
	case x.attrs < 0 || y.attrs < 0:
		return false
	}
	return maps.Equal(im.ds.attrs[x.attrs], im.ds.attrs[y.attrs])
}
