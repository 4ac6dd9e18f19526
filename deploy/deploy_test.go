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
							Args []string `yaml:"args"`
							Env  []struct{ Name, Value string }
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
		args := strings.Join(job.Spec.Template.Spec.Containers[0].Args, " ")
		if strings.Contains(file, "merge") {
			if !strings.HasPrefix(args, "merge -o ") {
				t.Errorf("%s: args %q do not merge", file, args)
			}
			continue
		}
		if job.Spec.CompletionMode != "Indexed" {
			t.Errorf("%s: completionMode %q, want Indexed", file, job.Spec.CompletionMode)
		}
		var shards string
		for _, e := range job.Spec.Template.Spec.Containers[0].Env {
			if e.Name == "QUOTETONE_SHARDS" {
				shards = e.Value
			}
		}
		if shards == "" || shards != strconv.Itoa(job.Spec.Completions) {
			t.Errorf("%s: QUOTETONE_SHARDS=%q must equal completions %d", file, shards, job.Spec.Completions)
		}
		if !strings.HasPrefix(args, "run ") || !strings.Contains(args, "$(JOB_COMPLETION_INDEX)") {
			t.Errorf("%s: args %q must run into a folder per index", file, args)
		}
	}
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
