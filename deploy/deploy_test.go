// Package deploy holds deployment examples (cron, systemd, Kubernetes, Slurm); this test checks
// that each one parses and runs quotetone the way the README says.
package deploy

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCrontab(t *testing.T) {
	var jobs int
	sc := bufio.NewScanner(strings.NewReader(read(t, "cron/quotetone.crontab")))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.Contains(strings.SplitN(line, " ", 2)[0], "=") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 6 {
			t.Fatalf("crontab line %q: want 5 time fields and a command", line)
		}
		for _, field := range f[:5] {
			if strings.Trim(field, "0123456789*/,-") != "" {
				t.Errorf("crontab time field %q is not a cron expression", field)
			}
		}
		if !strings.Contains(line, "quotetone run") {
			t.Errorf("crontab line %q does not run quotetone", line)
		}
		jobs++
	}
	if jobs != 1 {
		t.Errorf("crontab has %d jobs, want 1", jobs)
	}
}

func TestSystemdUnits(t *testing.T) {
	for _, tt := range []struct {
		file     string
		sections []string
		keys     []string
	}{
		{"systemd/quotetone.service", []string{"[Unit]", "[Service]"}, []string{"ExecStart=", "Type=oneshot", "SuccessExitStatus=3"}},
		{"systemd/quotetone.timer", []string{"[Unit]", "[Timer]", "[Install]"}, []string{"OnCalendar=", "WantedBy=timers.target"}},
	} {
		body := read(t, tt.file)
		for _, want := range append(tt.sections, tt.keys...) {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q", tt.file, want)
			}
		}
		for i, line := range strings.Split(body, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' || line[0] == ';' || (line[0] == '[' && strings.HasSuffix(line, "]")) {
				continue
			}
			if !strings.Contains(line, "=") {
				t.Errorf("%s:%d: %q is neither a section nor key=value", tt.file, i+1, line)
			}
		}
	}
	if path, err := exec.LookPath("systemd-analyze"); err == nil {
		out, err := exec.Command(path, "verify", "--man=no", "systemd/quotetone.service").CombinedOutput()
		if err != nil && bytes.Contains(out, []byte("Failed to parse")) {
			t.Errorf("systemd-analyze verify: %s", out)
		}
	}
}

func TestKubernetesJobs(t *testing.T) {
	for _, file := range []string{"kubernetes/quotetone-job.yaml", "kubernetes/quotetone-merge.yaml"} {
		var job struct {
			APIVersion string `yaml:"apiVersion"`
			Kind       string `yaml:"kind"`
			Spec       struct {
				CompletionMode string `yaml:"completionMode"`
				Completions    int    `yaml:"completions"`
				Template       struct {
					Spec struct {
						RestartPolicy string `yaml:"restartPolicy"`
						Containers    []struct {
							Command []string `yaml:"command"`
							Args    []string `yaml:"args"`
							Env     []struct{ Name, Value string }
						} `yaml:"containers"`
					} `yaml:"spec"`
				} `yaml:"template"`
			} `yaml:"spec"`
		}
		dec := yaml.NewDecoder(strings.NewReader(read(t, file)))
		dec.KnownFields(false)
		if err := dec.Decode(&job); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if job.APIVersion != "batch/v1" || job.Kind != "Job" || len(job.Spec.Template.Spec.Containers) != 1 {
			t.Fatalf("%s: want one batch/v1 Job with one container, got %+v", file, job)
		}
		c := job.Spec.Template.Spec.Containers[0]
		env := map[string]string{}
		for _, e := range c.Env {
			env[e.Name] = e.Value
		}
		indexed := !strings.Contains(file, "merge")
		if indexed {
			if job.Spec.CompletionMode != "Indexed" {
				t.Errorf("%s: completionMode %q, want Indexed", file, job.Spec.CompletionMode)
			}
			if shards := env["QUOTETONE_SHARDS"]; shards == "" || shards != strconv.Itoa(job.Spec.Completions) {
				t.Errorf("%s: QUOTETONE_SHARDS=%q must equal completions %d", file, shards, job.Spec.Completions)
			}
			env["JOB_COMPLETION_INDEX"] = "2" // set by Kubernetes in each pod of an Indexed Job
		}
		// Run the container's command with a stand-in quotetone: exit 3 ("done, but some
		// documents failed") must end the pod as a success, or Kubernetes runs it again and
		// fails the Job; other failures must stay failures.
		for _, rc := range []int{0, 3, 1, 2} {
			exit, args := runContainer(t, c.Command, c.Args, env, rc)
			if want := rc == 0 || rc == 3; (exit == 0) != want {
				t.Errorf("%s: quotetone exiting %d ends the pod with exit %d, want success %v", file, rc, exit, want)
			}
			got := strings.Join(args, " ")
			switch {
			case !indexed && (!strings.HasPrefix(got, "merge ") || !strings.Contains(got, " -o /data/reports/merged ")):
				t.Errorf("%s: runs quotetone %q, want a merge", file, got)
			case indexed && (!strings.HasPrefix(got, "run ") || !strings.Contains(got, "-o /data/reports/parts/2 ")):
				t.Errorf("%s: runs quotetone %q, want a run into a folder per index (parts/2 for index 2)", file, got)
			}
		}
	}
}

// runContainer runs a container's command and args as Kubernetes would (an image whose
// entrypoint is quotetone, $(VAR) replaced from env), with a quotetone on PATH that exits rc
// (0 for 3 under --partial-ok),
// and returns the exit code and the arguments quotetone was given.
func runContainer(t *testing.T, command, args []string, env map[string]string, rc int) (int, []string) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to run the container command with")
	}
	bin := t.TempDir()
	record := filepath.Join(bin, "args")
	// The stand-in exits rc, except that with --partial-ok exit 3 becomes 0, as quotetone's
	// does (cmd/quotetone's TestPartialOK).
	fake := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + record + "\n" +
		"rc=" + strconv.Itoa(rc) + "\ncase \" $* \" in *\" --partial-ok \"*) [ $rc -eq 3 ] && rc=0;; esac\nexit $rc\n"
	if err := os.WriteFile(filepath.Join(bin, "quotetone"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	expand := func(s string) string {
		for name, value := range env {
			s = strings.ReplaceAll(s, "$("+name+")", value)
		}
		return strings.ReplaceAll(s, "$$", "$")
	}
	argv := []string{filepath.Join(bin, "quotetone")}
	if len(command) > 0 {
		argv = nil
		for _, a := range command {
			argv = append(argv, expand(a))
		}
	}
	for _, a := range args {
		argv = append(argv, expand(a))
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")}
	for name, value := range env {
		cmd.Env = append(cmd.Env, name+"="+value)
	}
	out, err := cmd.CombinedOutput()
	exit := 0
	if ee, ok := err.(*exec.ExitError); ok {
		exit = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %q: %v\n%s", argv, err, out)
	}
	b, err := os.ReadFile(record)
	if err != nil {
		t.Fatalf("%q did not run quotetone: %v\n%s", argv, err, out)
	}
	return exit, strings.Fields(string(b))
}

func TestSlurmScripts(t *testing.T) {
	files, _ := filepath.Glob("slurm/*")
	if len(files) < 3 {
		t.Fatalf("slurm/ has %d files, want the array, the merge and submit.sh", len(files))
	}
	for _, f := range files {
		if out, err := exec.Command("bash", "-n", f).CombinedOutput(); err != nil {
			t.Errorf("bash -n %s: %v\n%s", f, err, out)
		}
	}
	if !strings.Contains(read(t, "slurm/quotetone-array.sbatch"), "#SBATCH --array=") {
		t.Error("the shard script is not a Slurm array")
	}
	if !strings.Contains(read(t, "slurm/submit.sh"), "--dependency=afterok:") {
		t.Error("submit.sh does not make the merge depend on the array")
	}
}
