package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int{"4096": 4096, "64M": 64 << 20, "64m": 64 << 20, "512K": 512 << 10, "1G": 1 << 30, "2MB": 2 << 20} {
		got, err := parseSize(in)
		assert.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "0", "-1M", "M", "12X", "1.5M", "17G"} {
		_, err := parseSize(in)
		assert.Error(t, err, in)
	}
}
