package xlsx

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"sort"
)

// sortedZip is the excelize.ZipWriter the workbook is saved through. It does two things
// excelize's own saving does not:
//
//   - it streams: each part is compressed into a temporary file as excelize writes it, so the
//     workbook is never held in memory (excelize's WriteTo builds the whole zip in a
//     bytes.Buffer first, 95 MB for a million quotes);
//   - it is deterministic: Close writes the parts in name order, whereas excelize creates
//     them walking a map, so the same run gives the same bytes.
//
// What it gives up: excelize patches the local headers of parts over 4 GB for Excel's strict
// zip64 check. A full Quotes sheet with quotes of news length is about 1.2 GB of XML; only
// quotes averaging over 3,000 characters would pass 4 GB, and archive/zip still writes a valid
// zip64 file then.
type sortedZip struct {
	out   io.Writer
	dir   string // for the temporary files
	parts []*zipPart
	open  *zipPart
}

type zipPart struct {
	name string
	tmp  *os.File
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func (p *zipPart) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

// Create starts the part name; the previous part is finished.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	// A name report.RemoveStale knows (".*.tmp-*"): a killed run's parts are cleared by the next.
	tmp, err := os.CreateTemp(z.dir, ".report.xlsx.tmp-part-*")
	if err != nil {
		return nil, err
	}
	p := &zipPart{name: name, tmp: tmp, crc: crc32.NewIEEE()}
	z.parts = append(z.parts, p)
	if p.fw, err = flate.NewWriter(tmp, flate.DefaultCompression); err != nil {
		return nil, err
	}
	z.open = p
	return p, nil
}

func (z *sortedZip) finish() error {
	if z.open == nil {
		return nil
	}
	err := z.open.fw.Close()
	z.open = nil
	return err
}

// AddFS is not used by excelize when saving.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("xlsx: AddFS is not supported") }

// Close writes the zip: every part, in name order, copied already compressed.
func (z *sortedZip) Close() error {
	defer z.remove()
	if err := z.finish(); err != nil {
		return err
	}
	sort.SliceStable(z.parts, func(i, j int) bool { return z.parts[i].name < z.parts[j].name })
	zw := zip.NewWriter(z.out)
	for i, p := range z.parts {
		if i > 0 && p.name == z.parts[i-1].name {
			return errors.New("xlsx: part " + p.name + " written twice")
		}
		st, err := p.tmp.Stat()
		if err != nil {
			return err
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc.Sum32(),
			CompressedSize64: uint64(st.Size()), UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		if _, err := p.tmp.Seek(0, io.SeekStart); err != nil {
			return err
		}
		if _, err := io.Copy(w, p.tmp); err != nil {
			return err
		}
	}
	return zw.Close()
}

// remove deletes the temporary files.
func (z *sortedZip) remove() {
	for _, p := range z.parts {
		p.tmp.Close()
		os.Remove(p.tmp.Name())
	}
	z.parts = nil
}
