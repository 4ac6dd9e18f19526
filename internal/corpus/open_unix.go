//go:build unix

package corpus

import (
	"io"
	"io/fs"
	"syscall"
)

// A rawFile is a file opened for reading with plain system calls. os.Open also registers each
// file with the network poller, which regular files refuse: on Linux that is five system calls
// (fcntl four times, epoll_ctl) of the nine a small article cost, plus an os.File to collect.
// Walk reads whole files this way: open, read until end of file, close.
type rawFile struct{ fd int }

// openFile opens path for reading.
func openFile(path string) (rawFile, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return rawFile{-1}, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return rawFile{fd}, nil
	}
}

// Read reads as os.File.Read does: io.EOF at the end.
func (f rawFile) Read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(f.fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

// Close closes the file.
func (f rawFile) Close() error { return syscall.Close(f.fd) }
