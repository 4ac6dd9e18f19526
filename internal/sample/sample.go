// Package sample holds a small corpus of invented news articles, embedded in the binary, so that
// `quotetone run --sample` shows real output to a new user with no data of their own. The
// articles are fiction written for this project, in the style of scraped news pages: headline
// quotes, continued quotes, honorifics, roles, scare quotes and page boilerplate.
package sample

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed articles
var articles embed.FS

// FS returns the sample articles.
func FS() fs.FS {
	sub, err := fs.Sub(articles, "articles")
	if err != nil {
		panic(err) // the embedded folder is fixed at build time
	}
	return sub
}

// WriteTo copies the sample articles into dir, so they can be read like any corpus.
func WriteTo(dir string) error {
	return fs.WalkDir(FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(FS(), path)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", dst, err)
		}
		return nil
	})
}
