package report

// The string records of the summaries, which the tests read and compare with what the
// Writer streams.

// SpeakerRecords returns speakers.csv records: most quoted first, then by name.
func (a *Aggregator) SpeakerRecords(f Format) [][]string {
	return records(sortedGroups(a.speakers), false, f)
}

// PeriodRecords returns speakers_by_period.csv records, by speaker then period.
func (a *Aggregator) PeriodRecords(f Format) [][]string {
	return records(a.sortedPeriods(), true, f)
}

func records(gs []*group, byPeriod bool, f Format) [][]string {
	out := make([][]string, 0, len(gs))
	for _, g := range gs {
		rec := stringCells{format: f}
		g.cells(&rec, byPeriod)
		out = append(out, rec.rec)
	}
	return out
}
