package quote
import ("testing";"os";"encoding/json")
func TestDbgAll(t *testing.T){ f,_:=os.Open("../../../shared/data/quotes/"+os.Getenv("SET")+".jsonl"); docs,_:=ReadDocs(f,"x"); x,_:=New(Options{})
out,_:=os.Create("/tmp/allq.jsonl"); enc:=json.NewEncoder(out)
for _,d:=range docs{ type Q struct{S,E int;K,Spk,Cue,M string}; var qs []Q
for _,q:=range x.Extract(d.Text){qs=append(qs,Q{q.Start,q.End,string(q.Kind),q.Speaker,q.Cue,q.Mention})}
enc.Encode(map[string]any{"id":d.ID,"q":qs})}; out.Close()}
