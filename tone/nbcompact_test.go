package tone

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/cdipaolo/sentiment"
)

func TestWriteNBCounts(t *testing.T) {
	if os.Getenv("WRITE_NB") == "" {
		t.Skip()
	}
	data, _ := sentiment.Asset("model.json")
	var models nbModels
	if err := json.Unmarshal(data, &models); err != nil {
		t.Fatal(err)
	}
	en := models[string(sentiment.English)]
	var words []string
	for w, c := range en.Words {
		if len(c.Count) == 2 {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	b := binary.LittleEndian.AppendUint64(nil, math.Float64bits(en.Probabilities[0]))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(en.Probabilities[1]))
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
		b = binary.AppendUvarint(b, en.Words[w].Count[0])
		b = binary.AppendUvarint(b, en.Words[w].Count[1])
	}
	os.WriteFile("data/nb-counts.bin", b, 0o644)
}

func TestNBCountsSame(t *testing.T) {
	data, _ := sentiment.Asset("model.json")
	t0 := time.Now()
	a, err := parseNB(data)
	t1 := time.Now()
	b, err2 := parseNBCounts(nbCounts)
	t2 := time.Now()
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	t.Logf("json %v, compact %v (%d bytes)", t1.Sub(t0), t2.Sub(t1), len(nbCounts))
	if a.prior != b.prior || len(a.words) != len(b.words) {
		t.Fatalf("prior %v %v len %d %d", a.prior, b.prior, len(a.words), len(b.words))
	}
	want := map[string][2]float64{}
	for _, w := range a.words {
		want[w.key] = a.llr[w.llr-1]
	}
	for _, w := range b.words {
		if v, ok := want[w.key]; !ok || b.llr[w.llr-1] != v {
			t.Fatalf("%q: %v, want %v", w.key, b.llr[w.llr-1], v)
		}
	}
}
