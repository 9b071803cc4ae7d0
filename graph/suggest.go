package graph

// Suggest returns the candidate closest to word by edit distance, if it is close enough to be a likely
// typo (distance at most 2, or a third of the word's length for long words); otherwise "". Ties go to
// the first candidate. O(len(candidates)·len(word)²).
func Suggest(word string, candidates func(yield func(string) bool)) string {
	best, bestD := "", 1<<30
	limit := max(2, len([]rune(word))/3)
	candidates(func(c string) bool {
		if d := editDistance(word, c, min(bestD, limit+1)); d < bestD {
			best, bestD = c, d
		}
		return bestD > 0
	})
	if bestD > limit {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, or any value ≥ bound once it is known to
// reach bound.
func editDistance(a, b string, bound int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d >= bound || -d >= bound {
		return bound
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= bound {
			return bound
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
