package native

// The formula escape of the native CSV pair: a cell that a spreadsheet would run as a formula — one
// that starts with =, +, -, @, a tab or a carriage return and is not a plain number such as -5 or +1.5
// — is written with an apostrophe in front ('=A1), and so is a cell that starts with apostrophes
// followed by one of those characters (''=A1 for '=A1). The reader takes one apostrophe off any cell
// that starts with one or more apostrophes followed by such a character, so every value comes back as
// it was; other apostrophes are left alone.

// EscapeCell returns v as the native CSV writes it, with the formula escape.
func EscapeCell(v string) string {
	i := 0
	for i < len(v) && v[i] == '\'' {
		i++
	}
	if i == len(v) {
		return v
	}
	if FormulaStart(v[i]) && (i > 0 || !plainNumber(v)) {
		return "'" + v
	}
	return v
}

// UnescapeCell returns v without its first apostrophe when v starts with apostrophes followed by a
// character that starts a spreadsheet formula, and v itself otherwise: the inverse of EscapeCell.
func UnescapeCell(v string) string {
	i := 0
	for i < len(v) && v[i] == '\'' {
		i++
	}
	if i > 0 && i < len(v) && FormulaStart(v[i]) {
		return v[1:]
	}
	return v
}

// FormulaStart reports whether a spreadsheet takes a cell starting with c for a formula (or, for tab
// and carriage return, may drop c and take what follows for one).
func FormulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// plainNumber reports whether s is a decimal number with an optional sign, fraction and exponent
// (-5, +1.5, -2e-3): a spreadsheet reads it as that number, never as a formula.
func plainNumber(s string) bool {
	digits := func(i int) int {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	j := digits(i)
	if j == i {
		return false
	}
	if j < len(s) && s[j] == '.' {
		k := digits(j + 1)
		if k == j+1 {
			return false
		}
		j = k
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := digits(j)
		if k == j {
			return false
		}
		j = k
	}
	return j == len(s)
}
