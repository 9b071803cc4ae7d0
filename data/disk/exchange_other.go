//go:build !linux

package disk

// exchange would swap the directories a and b in one step. Other systems have no portable call for it
// (macOS has renamex_np, Windows none), so ReplaceDir falls back to two renames there: see ReplaceDir.
func exchange(a, b string) error { return errNoExchange }
