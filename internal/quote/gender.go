package quote

// Common English given names, a gender cue for pronoun resolution when an article gives no
// honorific. Names not listed simply give no cue.
var maleNames = toSet(`aaron adam adrian ahmed alan albert alex alexander ali andre andrew andy anthony antonio arthur
austin ben benjamin bill billy bob bobby brad bradley brandon brendan brian bruce bryan carl
carlos chad charles charlie chris christopher chuck clarence colin craig dale dan daniel danny
darren dave david dean dennis derek donald doug douglas duncan dustin dwayne dylan ed eddie
edward elijah eric erik ethan evan frank fred frederick gary gavin geoffrey george gerald glenn
gordon graham greg gregory harold harry hank henry howard hugh ian isaac jack jacob jake james
jamie jared jason jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan
jordan jose joseph josh joshua juan justin keith ken kenneth kevin kyle larry lawrence lee leo
leonard lewis liam lloyd logan louis luke malcolm marc marco mark martin matt matthew max
michael mike mitch mitchell mohammed muhammad nathan neil nicholas nick noah norman oliver omar
oscar owen patrick paul pete peter phil philip pierre ralph randy ray raymond reggie richard
rick rob robert roberto rod rodney roger ron ronald ross roy russ russell ryan sam samuel scott
sean seth shane stan stanley stephen steve steven stuart ted terry thomas tim timothy todd tom
tommy tony travis trevor troy tyler vernon victor vincent walter wayne will william xavier
zachary bernard marcus hugo felix ivan mohammad abdul khalid hassan jean francois luc denis guy
jacques andres pablo diego miguel rafael fernando luis jorge hans klaus dieter jens lars sven
alistair alasdair angus iain hamish gareth rhodri nigel clive dominic tristan rupert giles theo
rory callum ewan simon robin kim julian damian christian sebastian fabian fraser declan conor seamus aidan kieran ahmad mustafa rahul raj sanjay vijay`)

var femaleNames = toSet(`abby abigail alexandra alice alicia allison amanda amber amy andrea angela ann anna anne annie
april ashley barbara becky beth betty beverly brenda brittany caroline carly carol catherine
cathy charlotte cheryl chloe christina christine cindy claire courtney crystal cynthia dana
danielle deb debbie deborah debra denise diana diane donna doris dorothy eileen elaine eleanor
elizabeth ellen emily emma erica erin eva evelyn fiona frances gina gloria grace hannah heather
heidi helen holly irene isabel jackie jacqueline jane janet janice jasmine jean jennifer jenny
jessica jill joan joanne jodi joy joyce judith judy julia julie karen kate katherine kathleen
kathryn kathy katie kayla kelly kim kimberly kristen laura lauren leah linda lindsay lindsey
lisa liz lois lori louise lucy lynn madeline maria marie marilyn martha mary megan melanie
melissa michele michelle monica nancy natalie nicole olivia pam pamela patricia paula peggy
penny rachel rebecca regina rita roberta robin rose ruth sally samantha sandra sara sarah
sharon shannon sheila shirley sophia sophie stacy stephanie susan suzanne sylvia tammy tara
teresa theresa tiffany tina tracy valerie vanessa veronica victoria virginia wendy whitney
yvonne zoe nina olga carmen ana lucia sofia elena beatriz ingrid greta astrid freya margaret
meg sue tanya tasha maxine joni elise dianne kirsten nicola gemma kirsty siobhan aileen moira
morag harriet imogen priya anjali sunita fatima aisha mariam yasmin leila layla noor maggie
gillian lillian molly polly jen jenn becca lily lila ella ellie isla ava mia zara`)

// givenNames maps each listed given name to its gender: 'm', 'f', or 0 for a name that both
// lists hold ("robin", "kim"). One map, so that a name is looked up once.
var givenNames = func() map[string]byte {
	m := make(map[string]byte, len(maleNames)+len(femaleNames))
	for w := range maleNames {
		m[w] = 'm'
	}
	for w := range femaleNames {
		if m[w] == 'm' {
			m[w] = 0
		} else {
			m[w] = 'f'
		}
	}
	return m
}()

// nameGender gives 'm' or 'f' for a listed given name, else 0.
func nameGender(first string) byte {
	switch c := wordClasses.get(first); {
	case c&clsMaleName != 0:
		return 'm'
	case c&clsFemaleName != 0:
		return 'f'
	}
	return 0
}
