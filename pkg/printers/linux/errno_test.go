package linux

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppendErrorReturn(t *testing.T) {
	assert.Equal(t, "= -1 ENOENT (No such file or directory)", string(AppendErrorReturn(nil, 2)))
	assert.Equal(t, "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)", string(AppendErrorReturn(nil, ERESTARTSYS)))
	assert.Equal(t, "= ? ERESTART_RESTARTBLOCK (Interrupted by signal)", string(AppendErrorReturn(nil, ERESTARTRESTARTBLOCK)))
	assert.Equal(t, "= -1 ENOTSUPP (Unknown error 524)", string(AppendErrorReturn(nil, 524)))
	assert.Equal(t, "= -1 (errno 4000)", string(AppendErrorReturn(nil, 4000)))
	assert.True(t, IsError(-4095))
	assert.False(t, IsError(-4096))
}
