"""Times `rmq-doctor export html` against Hugo and MkDocs (Material theme) on the same guides.

Two sizes: the shipped guides, and the shipped guides plus 1,000 synthetic ones (copies of the
shipped guides with their own id, title and a made-up word in their messages and prose, so
every page differs). Each tool builds a site from the same Markdown files in the same run:

- rmq-doctor: the whole `export html` process (guide, troubleshooter, tag, error-string, search
  pages, the search index), written atomically.
- rmq-doctor again into its own last site: the export checks every file of the earlier export
  against its record, then replaces the folder (a row of its own).
- Hugo: `hugo --quiet` on a site whose content is the guide files as they are (front-matter
  included), with minimal single/list templates; it renders the Markdown and tag pages.
- MkDocs: `mkdocs build --quiet` with the Material theme on the same files.

Each tool builds into a new folder for every sample, so none of them pays for replacing an
earlier site except in the "again" row. Wall-clock medians; the machine's other load shows in
the spread.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time

def synthesize(content, out, count):
    shutil.copytree(content, out)
    guides_dir = os.path.join(out, "guides")
    shipped = sorted(f for f in os.listdir(guides_dir) if f.endswith(".md"))
    for i in range(count):
        name = shipped[i % len(shipped)]
        gid = name[:-3]
        text = open(os.path.join(guides_dir, name), encoding="utf-8").read()
        new_id = f"{gid}-s{i:04d}"
        word = f"zq{i:04d}word"
        text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
        text = re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m.group(1)} ({word})"', text, count=1, flags=re.M)
        text = re.sub(r"^title: ([^\"].*)$", lambda m: f"title: {m.group(1)} ({word})", text, count=1, flags=re.M)
        text = re.sub(r"^(  - text: \")", rf"\1{word} ", text, count=1, flags=re.M)
        text = text.replace("## What it means\n", f"## What it means\n\nSynthetic copy {word}.\n", 1)
        open(os.path.join(guides_dir, new_id + ".md"), "w", encoding="utf-8").write(text)

def hugo_site(content, out):
    os.makedirs(os.path.join(out, "content", "guides"))
    os.makedirs(os.path.join(out, "layouts", "_default"))
    for name in os.listdir(os.path.join(content, "guides")):
        shutil.copy(os.path.join(content, "guides", name), os.path.join(out, "content", "guides", name))
    open(os.path.join(out, "config.toml"), "w").write(
        'baseURL = "/"\ntitle = "RabbitMQ connection errors"\ndisableKinds = ["RSS"]\n'
        '[taxonomies]\n  tag = "tags"\n')
    layouts = {
        "baseof.html": '<!DOCTYPE html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
                       '<body>{{ block "main" . }}{{ end }}</body></html>',
        "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>'
                       '<ul>{{ range .Params.errors }}<li><code>{{ .text }}</code></li>{{ end }}</ul>'
                       '{{ .Content }}{{ end }}',
        "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
                     '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}',
    }
    for name, text in layouts.items():
        open(os.path.join(out, "layouts", "_default", name), "w").write(text)

def mkdocs_site(content, out):
    os.makedirs(os.path.join(out, "docs"))
    for name in os.listdir(os.path.join(content, "guides")):
        shutil.copy(os.path.join(content, "guides", name), os.path.join(out, "docs", name))
    open(os.path.join(out, "docs", "index.md"), "w").write("# RabbitMQ connection errors\n")
    open(os.path.join(out, "mkdocs.yml"), "w").write(
        "site_name: RabbitMQ connection errors\ntheme:\n  name: material\n")

def timed(argv, cwd=None, env=None):
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"export-benchmark: {' '.join(argv)} failed:\n{result.stderr.decode()[-2000:]}")
    return elapsed

def measure(samples, run):
    return [run(i) for i in range(samples)]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rmq-doctor", required=True)
    parser.add_argument("--mkdocs", required=True)
    parser.add_argument("--content", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--synthetic", type=int, default=1000)
    args = parser.parse_args()
    samples = 1 if args.quick else 3
    rmq = os.path.abspath(args.rmq_doctor)
    work = tempfile.mkdtemp(prefix="rmq-doctor-export-benchmark-")
    env = dict(os.environ, RMQ_DOCTOR_CACHE="off")
    rows = []
    try:
        sizes = [("shipped", 0), (f"shipped + {args.synthetic}", args.synthetic)]
        for label, extra in sizes:
            content = os.path.join(work, f"content-{extra}")
            synthesize(args.content, content, extra)
            guides = len([f for f in os.listdir(os.path.join(content, "guides")) if f.endswith(".md")])
            hugo = os.path.join(work, f"hugo-{extra}")
            hugo_site(content, hugo)
            mk = os.path.join(work, f"mkdocs-{extra}")
            mkdocs_site(content, mk)
            out = os.path.join(work, f"site-{extra}")
            times = {
                "rmq-doctor export html": measure(samples, lambda i: timed(
                    [rmq, "export", "html", f"{out}-{i}", "--content", content], env=env)),
                "rmq-doctor, again": measure(samples, lambda i: timed(
                    [rmq, "export", "html", f"{out}-0", "--content", content], env=env)),
                "hugo": measure(samples, lambda i: timed(
                    ["hugo", "--quiet", "--destination", os.path.join(hugo, f"public-{i}")], cwd=hugo)),
                "mkdocs + material": measure(samples, lambda i: timed(
                    [os.path.abspath(args.mkdocs), "build", "--quiet", "--site-dir", os.path.join(mk, f"site-{i}")], cwd=mk)),
            }
            pages = {
                "rmq-doctor export html": sum(1 for _, _, fs in os.walk(f"{out}-0") for f in fs if f.endswith(".html")),
                "rmq-doctor, again": sum(1 for _, _, fs in os.walk(f"{out}-0") for f in fs if f.endswith(".html")),
                "hugo": sum(1 for _, _, fs in os.walk(os.path.join(hugo, "public-0")) for f in fs if f.endswith(".html")),
                "mkdocs + material": sum(1 for _, _, fs in os.walk(os.path.join(mk, "site-0")) for f in fs if f.endswith(".html")),
            }
            baseline = statistics.median(times["hugo"])
            for tool, values in times.items():
                median = statistics.median(values)
                rows.append((label, guides, tool, pages[tool], median, min(values), max(values), median / baseline))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Export benchmark: {samples} sample(s) per cell; ratio = median / Hugo's median at the same size")
    print(f"{'guides':<16} {'n':>5}  {'tool':<24} {'pages':>6} {'median s':>9} {'min s':>8} {'max s':>8} {'vs hugo':>8}")
    for label, guides, tool, pages, median, low, high, ratio in rows:
        print(f"{label:<16} {guides:>5}  {tool:<24} {pages:>6} {median:>9.3f} {low:>8.3f} {high:>8.3f} {ratio:>7.2f}x")

if __name__ == "__main__":
    main()
