// Package benchtext writes the invented texts the benchmarks read: news articles with quotes in
// every mark style and attribution pattern, and short sentences like those of reviews and posts. Every text is
// written for the project; none comes from the evaluation data. The same seed gives the same
// texts, so benchmark runs compare like with like.
package benchtext

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var (
	names   = []string{"Mira Castell", "Tomas Varga", "Lena Duvall", "Oskar Brandt", "Priya Raman", "Jonah Okafor", "Ada Lindqvist", "Felix Moreau"}
	roles   = []string{"the minister", "the mayor", "a spokeswoman for the council", "the union leader", "the chief executive", "the coach"}
	cues    = []string{"said", "told reporters", "added", "warned", "argued", "insisted", "wrote"}
	quotes  = []string{"We will not retreat from this plan, whatever the cost", "It is a terrible mistake and people will suffer for it", "The talks were constructive and I am hopeful", "Nobody here is happy about the delay", "This is a great day for the town", "I do not think the deal is fair to the workers", "We're very grateful for the help we received", "Frankly, the figures are awful", "There has been no hostility at all", "We need calm heads, not angry words"}
	plain   = []string{"The council met on Tuesday to discuss the budget for next year.", "Shares in the company fell by four percent in early trading.", "The match was delayed for an hour because of heavy rain.", "Officials said the bridge would reopen in the spring.", "Sales rose sharply in the last quarter, beating forecasts.", "The report runs to more than three hundred pages.", "Local schools will close early on Friday.", "Critics called the proposal vague and costly."}
	marks   = [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"«", "»"}, {"„", "“"}}
	samples = []string{"The service was quick and the staff were lovely!", "Worst film I have seen in years; the plot makes no sense.", "Not bad at all, though the ending drags.", "I really, really hated the new update :(", "An honest, moving and beautifully acted story.", "The committee's decision is neither wise nor fair.", "meh. it was ok i guess", "Prices keep going up while wages stay flat.", "What a wonderful surprise this morning!!", "The plan is ambitious but poorly funded."}
)

// Article writes an invented article of about n bytes: quotes with the cue before and
// after, honorifics, roles, pronouns, scare quotes, apostrophes, a quote continued over two
// paragraphs and an unclosed mark.
func Article(r *rand.Rand, n int) string {
	var b strings.Builder
	b.WriteString("Council row over budget deepens\n\n")
	for b.Len() < n {
		name := names[r.IntN(len(names))]
		surname := name[strings.LastIndexByte(name, ' ')+1:]
		role := roles[r.IntN(len(roles))]
		m := marks[r.IntN(len(marks))]
		q := quotes[r.IntN(len(quotes))]
		q2 := quotes[r.IntN(len(quotes))]
		cue := cues[r.IntN(len(cues))]
		b.WriteString(plain[r.IntN(len(plain))] + " ")
		switch r.IntN(8) {
		case 0:
			fmt.Fprintf(&b, "%s, %s, %s: %s%s.%s\n\n", name, role, cue, m[0], q, m[1])
		case 1:
			fmt.Fprintf(&b, "%s%s,%s %s %s.\n\n", m[0], q, m[1], cue, name)
		case 2:
			fmt.Fprintf(&b, "%s%s,%s Mr. %s %s. %s%s.%s\n\n", m[0], q, m[1], surname, cue, m[0], q2, m[1])
		case 3:
			fmt.Fprintf(&b, "%s %s that %s%s%s.\n\n", role, cue, m[0], strings.ToLower(q[:1])+q[1:], m[1])
		case 4:
			fmt.Fprintf(&b, "%s%s.\n\n%s%s,%s she %s.\n\n", m[0], q, m[0], q2, m[1], cue)
		case 5:
			fmt.Fprintf(&b, "%s %s: %s%s.\n\n%s%s,%s %s %s.\n\n", name, cue, m[0], q, m[0], q2, m[1], strings.ToLower(role[:1])+role[1:], cue)
		case 6:
			fmt.Fprintf(&b, "The 1990s were the town's best years, and the \"plan 6 ft. long\n\n")
		default:
			fmt.Fprintf(&b, "Critics called the plan a %sgamble%s and the budget %sfantasy%s. It's the town's biggest row in years.\n\n", m[0], m[1], m[0], m[1])
		}
	}
	return b.String()
}

// Sentences returns n invented sentences, one a line.
func Sentences(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(samples[r.IntN(len(samples))])
		if r.IntN(2) == 0 {
			b.WriteString(" " + quotes[r.IntN(len(quotes))] + ".")
		}
		b.WriteByte('\n')
	}
	return b.String()
}
