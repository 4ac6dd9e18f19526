package quote

import (
	"strings"
	"testing"
)

// TestBritishNames covers names as British news writes them: honorifics without a full stop,
// titles and occupations glued to the name, possessive owners and surnames that look like
// titles, nationalities or organisations. Every fixture is invented.
func TestBritishNames(t *testing.T) {
	tests := []extractCase{
		{
			name: "honorific without a full stop resolves to the full name",
			text: "Harbour chief executive Tomas Rendle spoke on Monday.\n\n\"We are on course,\" Mr Rendle said.",
			want: []want{{Speech, "We are on course,", "Tomas Rendle"}},
		},
		{
			name: "bare surname after a role and the full name",
			text: "Rovers chief executive Alan Pembury met the fans.\n\nPembury said: \"Nobody is for sale.\"",
			want: []want{{Speech, "Nobody is for sale.", "Alan Pembury"}},
		},
		{
			name: "surname that is also a title, after an honorific",
			text: "For Nora King, who runs a bakery in the town, the change is welcome.\n\n\"It saves us hours,\" says Ms King.",
			want: []want{{Speech, "It saves us hours,", "Nora King"}},
		},
		{
			name: "given name that is also a title",
			text: "Dean Harrow, a spokesman for the port, said: \"The ferries will run.\"",
			want: []want{{Speech, "The ferries will run.", "Dean Harrow"}},
		},
		{
			name: "given name ending like a nationality",
			text: "\"The vote was close,\" said Julian Marsh.",
			want: []want{{Speech, "The vote was close,", "Julian Marsh"}},
		},
		{
			name: "surname ending like a nationality",
			text: "Alba Marchese told reporters: \"We will appeal.\"",
			want: []want{{Speech, "We will appeal.", "Alba Marchese"}},
		},
		{
			name: "occupation glued to the name at a sentence start",
			text: "Striker Joe Vantress said: \"I just want to play.\"",
			want: []want{{Speech, "I just want to play.", "Joe Vantress"}},
		},
		{
			name: "a playing position glued to the name",
			text: "Wing Remi Castagne said: \"We were too slow.\"",
			want: []want{{Speech, "We were too slow.", "Remi Castagne"}},
		},
		{
			name: "a hyphenated description glued to the name",
			text: "Guitarist Rob Kellan spoke first.\n\n\"We loved it,\" said Oscar-nominated Kellan.",
			want: []want{{Speech, "We loved it,", "Rob Kellan"}},
		},
		{
			name: "title DJ is not part of the name",
			text: "\"The crowd was wild,\" said DJ Lola Prest.",
			want: []want{{Speech, "The crowd was wild,", "Lola Prest"}},
		},
		{
			name: "capitalized opener glued to a given name",
			text: "Defiant Mark Tulloch said: \"We did nothing wrong.\"",
			want: []want{{Speech, "We did nothing wrong.", "Mark Tulloch"}},
		},
		{
			name: "party words glued to a given name",
			text: "Lib Dem Harold Voss said: \"The plan is unfunded.\"",
			want: []want{{Speech, "The plan is unfunded.", "Harold Voss"}},
		},
		{
			name: "the name starts at Sir inside a run",
			text: "Boss Sir Ray Holloway said: \"We were second best.\"",
			want: []want{{Speech, "We were second best.", "Ray Holloway"}},
		},
		{
			name: "a demonym of a New place",
			text: "New Yorker Sam Pell said: \"Rents are out of reach.\"",
			want: []want{{Speech, "Rents are out of reach.", "Sam Pell"}},
		},
		{
			name: "possessive owner before the name",
			text: "\"Margins will recover,\" says Northbank's Simon Tarrant.",
			want: []want{{Speech, "Margins will recover,", "Simon Tarrant"}},
		},
		{
			name: "possessive owner, then the surname alone",
			text: "Lakeside's Kelly Brannock won the race.\n\nBrannock said: \"I felt strong.\"",
			want: []want{{Speech, "I felt strong.", "Kelly Brannock"}},
		},
		{
			name: "surname that is an organisation word",
			text: "Party chairman Tom Court opened the meeting.\n\n\"We are ready,\" said Mr Court.",
			want: []want{{Speech, "We are ready,", "Tom Court"}},
		},
		{
			name: "Mr before an address title is not a name",
			text: "\"Order, order,\" said Mr Speaker.",
			want: []want{{Speech, "Order, order,", "Mr Speaker"}},
		},
		{
			name: "a name that takes the is not he",
			text: "Kit Orme will lead the side. The 2008 Harbour Cup was his last final.\n\n\"We are ready,\" he said.",
			want: []want{{Speech, "We are ready,", "Kit Orme"}},
		},
		{
			name: "a spokesman of a named organisation speaks for it",
			text: "\"The trains will run,\" a Westline Rail spokesman said.",
			want: []want{{Speech, "The trains will run,", "Westline Rail"}},
		},
		{
			name: "a spokesman for a named organisation speaks for it",
			text: "\"No decision has been made,\" said a spokeswoman for the Harbour Trust.",
			want: []want{{Speech, "No decision has been made,", "Harbour Trust"}},
		},
		{
			name: "a spokesman for the ministry named earlier",
			text: "The Westland Ports Ministry wrote to the unions.\n\n\"Talks will resume,\" said a spokesman for the ministry.",
			want: []want{{Speech, "Talks will resume,", "Westland Ports Ministry"}},
		},
		{
			name: "a bare spokesman stays as written",
			text: "\"We do not comment on rumours,\" a spokesman said.",
			want: []want{{Speech, "We do not comment on rumours,", "a spokesman"}},
		},
		{
			name: "a person's spokesman is not the person",
			text: "Premier Jana Kell left early.\n\n\"She has a cold,\" Ms Kell's spokesman said.",
			want: []want{{Speech, "She has a cold,", "Ms Kell's spokesman"}},
		},
		{
			name: "Mrs with the surname of a man named earlier is another person",
			text: "Party leader Michael Varley opened the campaign.\n\nMrs Varley said: \"I will be out every day.\"",
			want: []want{{Speech, "I will be out every day.", "Varley"}},
		},
		{
			name: "Baroness gives a woman, not the man of the same surname",
			text: "Party leader Hugh Tennant spoke first. Labour peer Baroness Tennant, who chairs the inquiry, disagreed.\n\n\"Trust is falling,\" she said.",
			want: []want{{Speech, "Trust is falling,", "Baroness Tennant"}},
		},
		{
			name: "a trailing meanwhile is not part of the speaker",
			text: "Foreign Secretary Ann Pryde met the envoy.\n\nThe foreign secretary meanwhile said: \"We want calm.\"",
			want: []want{{Speech, "We want calm.", "Ann Pryde"}},
		},
		{
			name: "an age description resolves to the person introduced with that age",
			text: "The 36-year-old Luc Ferrand signed a new deal.\n\n\"I feel young,\" said the 36-year-old.",
			want: []want{{Speech, "I feel young,", "Luc Ferrand"}},
		},
		{
			name: "team words before a role and a name are not the speaker",
			text: "Harbour Gulls coach Dale Brenner picked his squad on Monday.\n\n\"We have depth,\" he said.",
			want: []want{{Speech, "We have depth,", "Dale Brenner"}},
		},
		{
			name: "a role with of between the organisation and the name",
			text: "Harbour Gulls director of rugby Yves Marchand praised the pack.\n\n\"They were superb,\" he said.",
			want: []want{{Speech, "They were superb,", "Yves Marchand"}},
		},
		{
			name: "a role noun that is also a verb does not qualify the name",
			text: "Harbour Gulls coach Dale Brenner spoke on Friday. Westport host Harbour Gulls on Saturday.\n\n\"It will be tough,\" he said.",
			want: []want{{Speech, "It will be tough,", "Dale Brenner"}},
		},
		{
			name: "the spokesman after a spokesman of a named organisation",
			text: "A Westline Rail spokesman said on Monday that the line would reopen. \"The repairs are done,\" the spokesman said.",
			want: []want{{Speech, "The repairs are done,", "Westline Rail"}},
		},
		{
			name: "the spokesman after a spokesman for a named organisation",
			text: "A spokeswoman for the Home Office said the plan was sound. \"We are confident,\" the spokeswoman said.",
			want: []want{{Speech, "We are confident,", "Home Office"}},
		},
		{
			name: "a nationality word in an organisation's name stays",
			text: "\"Sales are up,\" said the British Widget Industry.",
			want: []want{{Speech, "Sales are up,", "British Widget Industry"}},
		},
		{
			name: "a cue word after the is a noun",
			text: "\"The port needs dredging,\" said the report.",
			want: []want{{Speech, "The port needs dredging,", "the report"}},
		},
		{
			name: "a nationality resolves to the person introduced with it",
			text: "American Jo Pellham won in three sets.\n\n\"I served well,\" said the American.",
			want: []want{{Speech, "I served well,", "Jo Pellham"}},
		},
		{
			name: "a nationality no one was introduced with is not a speaker, nor is a guess",
			text: "Tom Ardley lost in the final to a qualifier.\n\n\"I served well,\" said the American.\n\n\"Next year I will be back.\"",
			want: []want{{Speech, "I served well,", ""}, {Speech, "Next year I will be back.", ""}},
		},
		{
			name: "an organisation after the",
			text: "\"Rents must fall,\" said the Harbour Tenants Council.",
			want: []want{{Speech, "Rents must fall,", "Harbour Tenants Council"}},
		},
		{
			name: "a cue that introduces the next quote with a colon is not the cue of the quote before",
			text: "Ana Ruiz said the deal was fair. \"We gave up very little.\" Club chairman Piet Vos said: \"It was too expensive.\"",
			want: []want{{Speech, "We gave up very little.", "Ana Ruiz"}, {Speech, "It was too expensive.", "Piet Vos"}},
		},
		{
			name: "a nationality noun before the name",
			text: "\"I was lucky,\" said Spaniard Luis Carbo.",
			want: []want{{Speech, "I was lucky,", "Luis Carbo"}},
		},
		{
			name: "a clause joined by and is not an appositive of the name before it",
			text: "Nils Berg takes charge after replacing Tomas Hald, and Berg said: \"It is an honour.\"",
			want: []want{{Speech, "It is an honour.", "Nils Berg"}},
		},
		{
			name: "a named person's statement speaks for the person",
			text: "Former chairman Paolo Venti is on trial.\n\n\"I never saw the accounts,\" Mr Venti's statement said.",
			want: []want{{Speech, "I never saw the accounts,", "Paolo Venti"}},
		},
		{
			name: "a party named in the plural is not he",
			text: "Party spokesman Ben Ashworth spoke first. Lib Dems voted against the bill.\n\n\"It is a mistake,\" he said.",
			want: []want{{Speech, "It is a mistake,", "Ben Ashworth"}},
		},
		{
			name: "an organisation after from is not the subject of the cue",
			text: "Ravi Menon from Brightslate told the conference how the tablets work.\n\n\"The tablets connect to a base station.\"",
			want: []want{{Speech, "The tablets connect to a base station.", "Ravi Menon"}},
		},
		{
			name: "a sentence that opens right after a quote has its subject",
			text: "\"We showed character,\" said coach Ivo Brandt. \"It was a team effort.\" Fly-half Owen Tate, who kicked four penalties, was delighted.\n\n\"It is a special moment,\" he said.",
			want: []want{
				{Speech, "We showed character,", "Ivo Brandt"},
				{Speech, "It was a team effort.", "Ivo Brandt"},
				{Speech, "It is a special moment,", "Owen Tate"},
			},
		},
		{
			name: "he after a sentence whose subject is a spokesman of an organisation",
			text: "Inspector Vera Lind wrote the report. A Westline Rail spokesman said the line was safe. He added: \"Checks are done daily.\"",
			want: []want{{Speech, "Checks are done daily.", "Westline Rail"}},
		},
		{
			name: "event words before champion and a name are not a person",
			text: "Double Olympic champion Ada Morrow won easily.\n\n\"I felt good,\" she said.",
			want: []want{{Speech, "I felt good,", "Ada Morrow"}},
		},
		{
			name: "he after a spokesman for a long organisation name, after the quote",
			text: "A spokesman for the Council of Harbour and Canal Boards said the risk was small. \"There is no concern,\" he said.",
			want: []want{{Speech, "There is no concern,", "Council of Harbour and Canal Boards"}},
		},
		{
			name: "a spokeswoman for an organisation with a possessive in its name",
			text: "\"We are looking into it,\" said a spokeswoman for the Rail Regulator's Office.",
			want: []want{{Speech, "We are looking into it,", "Rail Regulator's Office"}},
		},
		{
			name: "a sentence of reported speech after a quote is not its cue",
			text: "Lord Amesbury said the two men had become friends. \"He had a streak of steel.\" Party leader Joan Tilley said he would be missed.",
			want: []want{{Speech, "He had a streak of steel.", "Lord Amesbury"}},
		},
		{
			name: "a role word that gives a gender",
			text: "Critic Tom Vale praised the film. Ana Sorel, the daughter of the director, spoke at the premiere.\n\n\"He would have loved this,\" she said.",
			want: []want{{Speech, "He would have loved this,", "Ana Sorel"}},
		},
		{
			name: "a peer named by title and surname keeps the title",
			text: "The plans were outlined by Lord Ashcombe on Tuesday.\n\n\"Something is wrong,\" Lord Ashcombe said. \"We will act.\"",
			want: []want{{Speech, "Something is wrong,", "Lord Ashcombe"}, {Speech, "We will act.", "Lord Ashcombe"}},
		},
		{
			name: "a peer's full name replaces the title",
			text: "Lord Ashcombe, the former minister, spoke first. Peter Ashcombe has sat in the Lords since 1997.\n\n\"Something is wrong,\" he said.",
			want: []want{{Speech, "Something is wrong,", "Peter Ashcombe"}},
		},
		{
			name: "a role that opens a sentence is the same speaker in lower case",
			text: "A spokesman said: \"We are aware of the problem.\" \"It will be fixed,\" a spokesman said later.",
			want: []want{{Speech, "We are aware of the problem.", "a spokesman"}, {Speech, "It will be fixed,", "a spokesman"}},
		},
		{
			name: "an organisation whose name joins two words with and",
			text: "\"Conditions will stay weak,\" the Trade and Energy Ministry said.",
			want: []want{{Speech, "Conditions will stay weak,", "Trade and Energy Ministry"}},
		},
		{
			name: "a peer named first by surname alone, then with the title",
			text: "Ashcombe warns ministers\n\nLord Ashcombe spoke in the Lords on Tuesday.\n\n\"Something is wrong,\" he said.",
			want: []want{{Speech, "Something is wrong,", "Lord Ashcombe"}},
		},
	}
	checkExtract(t, mustNew(t, Options{}), tests)
}

// TestMergedWordSets checks the sets merged for speed (one look-up a word) against the sets
// and rules they were merged from.
func TestMergedWordSets(t *testing.T) {
	words := []string{"", "s", "es", "aides", "mps", "ministers", "coachs", "keeper", "helper", "tourist",
		"spokespersons", "chairwoman", "robin", "kim", "jean", "the", "said", "westco", "e", "ee", "manor"}
	for _, set := range []map[string]bool{maleNames, femaleNames, personRoles, determiners, roleStop, notNames, orgWords} {
		for w := range set {
			words = append(words, w, w+"s", w+"er", w+"man")
		}
	}
	for w := range titles {
		words = append(words, w, w+"s")
	}
	for _, w := range words {
		_, oldTitle := titles[w]
		if !oldTitle {
			oldTitle = len(w) > 4 && strings.HasSuffix(w, "s") && titles[w[:len(w)-1]] != ""
		}
		if got := isTitle(w); got != oldTitle {
			t.Errorf("isTitle(%q) = %v, want %v", w, got, oldTitle)
		}
		if got, want := givenName(w), maleNames[w] || femaleNames[w]; got != want {
			t.Errorf("givenName(%q) = %v, want %v", w, got, want)
		}
		var g byte
		switch {
		case maleNames[w] && !femaleNames[w]:
			g = 'm'
		case femaleNames[w] && !maleNames[w]:
			g = 'f'
		}
		if got := nameGender(w); got != g {
			t.Errorf("nameGender(%q) = %q, want %q", w, got, g)
		}
		role := titles[w] != "" || personRoles[w]
		for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee"} {
			if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
				role = true
			}
		}
		if got := personRole(w); got != role {
			t.Errorf("personRole(%q) = %v, want %v", w, got, role)
		}
		if got, want := roleBefore[w], determiners[w] || roleStop[w] || notNames[w]; got != want {
			t.Errorf("roleBefore[%q] = %v, want %v", w, got, want)
		}
	}
}
