package quote

import (
	"strings"
	"testing"
)

// TestClassOf checks each class bit against the list or function it stands for, over every
// listed word and some that no list holds.
func TestClassOf(t *testing.T) {
	words := map[string]bool{"": true, "x": true, "westco": true, "canadian": true, "adrian": true,
		"campese": true, "councillors": true, "ms": true, "mrs": true, "sens.": true, "full-back": true}
	for _, set := range []map[string]bool{titleWords, honorifics, nobleTitles, addressTitles, notNames, orgWords,
		demonyms, nameParticles, maleRoles, femaleRoles, personRoleWords, roleVerbs, roleBefore, roleStop, determiners, npStop} {
		for w := range set {
			words[w] = true
			words[w+"s"] = true
			words[strings.TrimSuffix(w, "s")] = true
		}
	}
	for w := range givenNames {
		words[w] = true
		words[w+"ian"] = true
	}
	for w := range words {
		c := classOf(w)
		g, given := givenNames[w]
		for _, tc := range []struct {
			name string
			bit  wordClass
			want bool
		}{
			{"titleWords", clsTitle, titleWords[w]},
			{"titles role", clsTitleRole, titles[w] != ""},
			{"title or role", clsTitleOrRole, titleWords[w] && titles[strings.TrimSuffix(w, "s")]+titles[w] != ""},
			{"honorifics", clsHonorific, honorifics[w]},
			{"nobleTitles", clsNoble, nobleTitles[w]},
			{"addressTitles", clsAddress, addressTitles[w]},
			{"notNames", clsNotName, notNames[w]},
			{"orgWords", clsOrgWord, orgWords[w]},
			{"orgAdjective", clsOrgAdjective, demonyms[w] || strings.HasSuffix(w, "ian") && len(w) > 5 && !given},
			{"givenNames", clsGiven, given},
			{"male name", clsMaleName, given && g == 'm'},
			{"female name", clsFemaleName, given && g == 'f'},
			{"maleRoles", clsMaleRole, maleRoles[w]},
			{"femaleRoles", clsFemaleRole, femaleRoles[w]},
			{"nameParticles", clsParticle, nameParticles[w]},
			{"personRoleWords", clsPersonRole, personRoleWords[w]},
			{"roleVerbs", clsRoleVerb, roleVerbs[w]},
			{"roleBefore", clsRoleBefore, roleBefore[w]},
			{"roleStop", clsRoleStop, roleStop[w]},
			{"determiners", clsDeterminer, determiners[w]},
			{"npStop", clsNPStop, npStop[w]},
			{"known", clsKnown, true},
		} {
			if got := c&tc.bit != 0; got != tc.want {
				t.Errorf("classOf(%q) %s = %v, want %v", w, tc.name, got, tc.want)
			}
		}
	}
}
