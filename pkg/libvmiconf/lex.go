package libvmiconf

// The lexer follows libvmi's flex scanner (libvmi/config/lexicon.l): at each
// position the longest match wins, ties go to the earlier rule, and a byte
// no rule matches is skipped, as flex's default rule does. Matching it
// exactly is what lets every file libvmi accepts parse here too (and a
// path with a space fail here as it fails there).

type tokKind int

const (
	tokEOF      tokKind = iota
	tokKey              // one of the keywords below
	tokNum              // 0x[0-9a-fA-F]+ | [0-9]+
	tokWord             // [a-zA-Z0-9][a-zA-Z0-9._-]+
	tokFilename         // [a-zA-Z0-9/._@-]+
	tokQuote
	tokOBrace
	tokEBrace
	tokSemicolon
	tokEquals
)

func (k tokKind) String() string {
	switch k {
	case tokEOF:
		return "end of file"
	case tokKey:
		return "keyword"
	case tokNum:
		return "number"
	case tokWord:
		return "word"
	case tokFilename:
		return "file name"
	case tokQuote:
		return `'"'`
	case tokOBrace:
		return "'{'"
	case tokEBrace:
		return "'}'"
	case tokSemicolon:
		return "';'"
	case tokEquals:
		return "'='"
	}
	return "token"
}

type token struct {
	kind tokKind
	text string
	line int
}

// keywords are libvmi's reserved words, in its rule order.
var keywords = []string{
	"kpgd", "linux_tasks", "linux_mm", "linux_name", "linux_pid", "linux_pgd",
	"linux_addr", "linux_init_task", "linux_kaslr", "win_ntoskrnl",
	"win_ntoskrnl_va", "win_tasks", "win_pdbase", "win_pid", "win_pname",
	"win_kdvb", "win_kdbg", "win_kpcr", "win_sysproc", "freebsd_name",
	"freebsd_pid", "freebsd_vmspace", "freebsd_pmap", "freebsd_pgd", "sysmap",
	"rekall_profile", "volatility_ist", "ostype", "pagemode",
	"aarch64_ttbr0_va_width", "aarch64_ttbr0_granule_size",
	"aarch64_ttbr1_va_width", "aarch64_ttbr1_granule_size",
}

type lexer struct {
	src  []byte
	pos  int
	line int
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
func isAlnum(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
func isWordByte(c byte) bool { return isAlnum(c) || c == '.' || c == '_' || c == '-' }
func isFileByte(c byte) bool { return isWordByte(c) || c == '/' || c == '@' }

// span returns how many bytes from s[0] satisfy ok.
func span(s []byte, ok func(byte) bool) int {
	n := 0
	for n < len(s) && ok(s[n]) {
		n++
	}
	return n
}

func numLen(s []byte) int {
	if len(s) >= 3 && s[0] == '0' && s[1] == 'x' && isHex(s[2]) {
		return 2 + span(s[2:], isHex)
	}
	return span(s, isDigit)
}

func wordLen(s []byte) int {
	if len(s) < 2 || !isAlnum(s[0]) {
		return 0
	}
	n := 1 + span(s[1:], isWordByte)
	if n < 2 {
		return 0
	}
	return n
}

func keywordLen(s []byte) (int, string) {
	best, kw := 0, ""
	for _, k := range keywords {
		if len(k) > best && len(s) >= len(k) && string(s[:len(k)]) == k {
			best, kw = len(k), k
		}
	}
	return best, kw
}

func (l *lexer) next() token {
	for l.pos < len(l.src) {
		s := l.src[l.pos:]
		line := l.line
		c := s[0]
		switch c {
		case '\n':
			l.line++
			l.pos++
			continue
		case ' ', '\t':
			l.pos++
			continue
		case '"', '{', '}', ';', '=':
			l.pos++
			return token{kind: map[byte]tokKind{'"': tokQuote, '{': tokOBrace, '}': tokEBrace, ';': tokSemicolon, '=': tokEquals}[c], text: string(c), line: line}
		case '#':
			// A comment runs to its newline. At the end of a file
			// without one, flex would skip the '#' alone and scan the
			// comment's words; it is taken as a comment here.
			i := indexByte(s, '\n')
			if i < 0 {
				l.pos = len(l.src)
				continue
			}
			l.pos += i + 1
			l.line++
			continue
		}
		// Longest match over keyword, NUM, WORD, FILENAME; ties to the
		// earlier rule.
		kind, n, text := tokEOF, 0, ""
		if k, kw := keywordLen(s); k > n {
			kind, n, text = tokKey, k, kw
		}
		if k := numLen(s); k > n {
			kind, n = tokNum, k
		}
		if k := wordLen(s); k > n {
			kind, n = tokWord, k
		}
		if k := span(s, isFileByte); k > n {
			kind, n = tokFilename, k
		}
		if n == 0 {
			l.pos++ // flex's default rule: skip the byte
			continue
		}
		if kind != tokKey {
			text = string(s[:n])
		}
		l.pos += n
		return token{kind: kind, text: text, line: line}
	}
	return token{kind: tokEOF, line: l.line}
}

func indexByte(s []byte, c byte) int {
	for i, b := range s {
		if b == c {
			return i
		}
	}
	return -1
}
