"""Benchmark (not a test): cost of extraction on pathological but legal text (issue 13).

    python benchmarks/pathological.py [--corpus ../shared/corpus/national --corpus seeds] [--only runon,digits]

Generates each input into a temp folder, runs `python -m targets extract --workers 1` on it in a
child process and prints its wall seconds, seconds per MB, peak RSS (the child's own rusage via
wait4, as `/usr/bin/time -v` reports it) and the rows written:

  runon     `达到95%、` x 200,000: one run-on sentence of 200,000 rates (2.4 MB)
  digits    2 MB of random digits, one unbroken run
  numerals  6 MB of random Chinese numeral characters (零一二…十百千万亿两), one unbroken run
  mix       4 MB random mix of digits, numerals, units and punctuation
  table     a task table of 200,000 rows, one target in each row's task cell

and, with --only, three more 200,000-row tables (not in the issue; each pairs rows with others):

  deadlines   every task names its deadline year (确保2025年底前完成…)
  progress    年度目标 | 1-9月完成情况: a target and a result per row, linked
  indicators  指标名称 | 单位 | 2024年目标 with 95% in the cells, read by both readers

With --corpus DIR (repeatable) the same command is run on those real documents (copied to a temp
folder, repeated to --min-mb MB) first, and each input's s/MB is also given as a multiple of the
real-text s/MB: the issue's bound is <= 2x that and <= 500 MB peak RSS. Two real-text references
are printed: the same command (start-up, hashing, 兑现 linking and table writes included; this is
the one the bound is checked against) and the extractor alone in one process (as
benchmarks/extraction.py's "ours, 1 process"); `build` is the child's own `seconds=`. The generators are used
by tests/test_cost.py at small sizes. Deterministic for a given --seed.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RATE_LIMIT_X = 2.0   # the bounds
RSS_LIMIT_MB = 500

CN_DIGITS = "零一二三四五六七八九十百千万亿两〇"
UNITS = ["个", "所", "人", "名", "项", "次", "人次", "万人次", "元", "万元", "亿元", "%", "％", "个百分点", "百分点",
         "年", "月", "天", "小时", "分钟", "平方米", "万平方米", "家", "条", "套", "台", "间", "班", "倍", "多", "余"]
PUNCT = list("，。、；：,.;:！？!?（）()《》“”\"-—~至到\n\t ") + ["\n\n", "\t\t", "……", "达到", "不低于", "以上", "分之"]


def runon(n: int = 200_000) -> str:
    """One run-on sentence: `达到95%、` n times (12 bytes each)."""
    return "达到95%、" * n


def digits(mb: float = 2.0, seed: int = 0) -> str:
    rng = random.Random(seed)
    n = int(mb * 1e6)
    return "".join(rng.choices("0123456789", k=n))


def numerals(mb: float = 6.0, seed: int = 0) -> str:
    rng = random.Random(seed)
    n = int(mb * 1e6 / 3)  # three UTF-8 bytes a character
    return "".join(rng.choices(CN_DIGITS, k=n))


def mix(mb: float = 4.0, seed: int = 0) -> str:
    """Random tokens: digit strings, numeral strings, units, punctuation, cue words."""
    rng = random.Random(seed)
    target, size, parts = int(mb * 1e6), 0, []
    while size < target:
        r = rng.random()
        if r < 0.3:
            tok = "".join(rng.choices("0123456789", k=rng.randint(1, 8)))
            if rng.random() < 0.2:
                tok += "." + "".join(rng.choices("0123456789", k=rng.randint(1, 3)))
        elif r < 0.5:
            tok = "".join(rng.choices(CN_DIGITS, k=rng.randint(1, 6)))
        elif r < 0.75:
            tok = rng.choice(UNITS)
        else:
            tok = rng.choice(PUNCT)
        parts.append(tok)
        size += len(tok.encode("utf-8"))
    return "".join(parts)


_TASKS = ["新增托位{n}个。", "学前教育毛入园率达到{p}%。", "完成{n}所学校改造。", "培训教师{n}人次。",
          "投入资金{n}万元。", "完成持证率达到{p}%目标任务。"]


def task_table(rows: int = 200_000, seed: int = 0) -> str:
    """A plan whose body is one task table (序号 | 工作目标任务 | 进度要求 by quarter | 牵头领导 | 责任科室)
    with `rows` rows, one target in each task cell."""
    rng = random.Random(seed)
    out = ["2022年青浦区教育工作要点\n",
           "序号\t工作目标任务\t进度要求\t\t\t\t牵头领导\t责任科室\n",
           "\t\t第一季度\t第二季度\t第三季度\t第四季度\t\t\n"]
    for i in range(1, rows + 1):
        task = rng.choice(_TASKS).format(n=rng.randint(2, 9999), p=rng.randint(50, 99))
        out.append(f"{i}\t{task}\t\t\t\t\t王良\t计财科\n")
    return "".join(out)


_DUE_TASKS = ["确保2025年底前完成{n}所学校改造。", "力争2026年建成{n}个托育点。", "到2027年新增学位{n}个。"]


def deadline_table(rows: int = 200_000, seed: int = 0) -> str:
    """A task table whose every task names its deadline year (确保2025年底前完成…): a deadline
    row and a target per row, and each deadline is carried to the targets of its sentence."""
    rng = random.Random(seed)
    out = ["2024年某区教育工作要点\n", "序号\t重点任务\t牵头单位\n"]
    for i in range(1, rows + 1):
        out.append(f"{i}\t{rng.choice(_DUE_TASKS).format(n=rng.randint(2, 9999))}\t基教科\n")
    return "".join(out)


def progress_table(rows: int = 200_000, seed: int = 0) -> str:
    """A task table with a progress column (年度目标 | 1-9月完成情况): a target and a result per
    row, the result linked to the target of its row."""
    rng = random.Random(seed)
    out = ["2024年某区教育重点工作推进表\n", "序号\t年度目标\t1-9月完成情况\t责任科室\n"]
    for i in range(1, rows + 1):
        n = rng.randint(2, 9999)
        out.append(f"{i}\t新增托位{n}个\t已新增托位{rng.randint(1, n)}个\t计财科\n")
    return "".join(out)


def indicator_table(rows: int = 200_000, seed: int = 0) -> str:
    """An indicator table (指标名称 | 单位 | 2024年目标) whose cells also carry their unit (95%): both
    the sentence finder and the table reader see every value."""
    rng = random.Random(seed)
    out = ["2024年某区教育工作要点\n", "指标名称\t单位\t2023年实际\t2024年目标\n"]
    names = ["学前教育毛入园率", "义务教育巩固率", "高中阶段毛入学率", "学生体质健康达标率"]
    for i in range(rows):
        out.append(f"{rng.choice(names)}\t%\t{rng.randint(50, 98)}%\t{rng.randint(90, 99)}%\n")
    return "".join(out)


def blank_lines(mb: float = 2.0, seed: int = 0) -> str:
    """One flood of blank and space-only lines between a title and a target: a line-start pattern
    whose leading \s* crossed line breaks read the rest of the flood again from every break (2,000
    blank lines took 30 s before; cubic)."""
    rng = random.Random(seed)
    lines = ["", "", " ", "\t", "\u3000 "]
    out, size = ["某某县2024年教育工作要点\n"], 0
    while size < mb * 1e6:
        line = rng.choice(lines)
        out.append(line + "\n")
        size += len(line.encode()) + 1
    out.append("新增学位100个。\n")
    return "".join(out)


def labelled_report(mb: float = 2.0, seed: int = 0) -> str:
    """A progress report of many sections, each a task line then a progress label: every section
    heading asks which label follows it (a scan of all labels per heading was quadratic)."""
    rng = random.Random(seed)
    out, size = ["某某县2024年民生实事进展情况\n"], 0
    while size < mb * 1e6:
        line = f"一、新建学校{rng.randint(1, 9)}所。\n进展情况：已开工{rng.randint(1, 9)}所。\n"
        out.append(line)
        size += len(line.encode())
    return "".join(out)


def tab_line(mb: float = 2.0, seed: int = 0) -> str:
    """One table row whose task cell lists a flood of quantities (1 ⇥ 新建学校5所，新建学校7所，…): each
    number's row context was read back to its line's start (quadratic before a bounded reach)."""
    rng = random.Random(seed)
    out, size = ["某某县2024年教育工作要点\n1\t"], 0
    while size < mb * 1e6:
        item = f"新建学校{rng.randint(1, 99)}所，"
        out.append(item)
        size += len(item.encode())
    return "".join(out) + "\n"


# shapes beyond the five: every task-table reading that pairs rows with each other
TABLES = {"deadlines": deadline_table, "progress": progress_table, "indicators": indicator_table}
_ROW_BYTES = {"table": 55, "deadlines": 50, "progress": 65, "indicators": 45}


def table_rows_for(mb: float, shape: str = "table") -> int:
    """About how many task-table rows make `mb` MB."""
    return max(1, int(mb * 1e6 / _ROW_BYTES[shape]))


def make(shape: str, mb: float, seed: int = 0) -> str:
    """Text of the given shape, about `mb` MB in UTF-8."""
    if shape == "runon":
        return runon(max(1, int(mb * 1e6 / 12)))
    if shape == "table":
        return task_table(table_rows_for(mb), seed)
    if shape in TABLES:
        return TABLES[shape](table_rows_for(mb, shape), seed)
    return {"digits": digits, "numerals": numerals, "mix": mix, "blanks": blank_lines,
            "labelled": labelled_report, "tabline": tab_line}[shape](mb, seed)


# the inputs at full size (scale 1)
FULL = {
    "runon": lambda seed, scale=1.0: runon(max(1, round(200_000 * scale))),
    "digits": lambda seed, scale=1.0: digits(2.0 * scale, seed),
    "numerals": lambda seed, scale=1.0: numerals(6.0 * scale, seed),
    "mix": lambda seed, scale=1.0: mix(4.0 * scale, seed),
    "table": lambda seed, scale=1.0: task_table(max(1, round(200_000 * scale)), seed),
}
# and 200,000-row tables of the other kinds
ALL = {**FULL, **{name: (lambda f: lambda seed, scale=1.0: f(max(1, round(200_000 * scale)), seed))(f)
                  for name, f in TABLES.items()}}


def run_extract(corpus: Path, out: Path, timeout: float, workers: int = 1) -> dict:
    """`python -m targets extract` on corpus as a child: wall s, peak RSS MB, summary, timed_out."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as se:
        proc = subprocess.Popen([sys.executable, "-m", "targets", "extract", "--input", str(corpus),
                                 "--output", str(out), "--workers", str(workers)],
                                cwd=ROOT, stdout=so, stderr=se, start_new_session=True)
        timed_out = threading.Event()

        def stop():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the child and any workers it started
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, stop)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        dt = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        so.seek(0), se.seek(0)
        stdout, stderr = so.read().decode(errors="replace"), se.read().decode(errors="replace")
    return {"seconds": dt, "rss_mb": usage.ru_maxrss / 1024, "summary": stdout.strip(),
            "stderr": stderr.strip(), "returncode": proc.returncode, "timed_out": timed_out.is_set()}


def _field(summary: str, name: str) -> str:
    for part in summary.split():
        if part.startswith(name + "="):
            return part.split("=", 1)[1]
    return "?"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", help="real documents to compare with (repeatable)")
    ap.add_argument("--min-mb", type=float, default=5.0, help="with --corpus: repeat the files up to this many MB")
    ap.add_argument("--only", default=",".join(FULL), help=f"comma-separated subset of {','.join(ALL)} (default: the issue's five)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before an input's run is killed")
    ap.add_argument("--scale", type=float, default=1.0, help="size of every input relative to the issue's (smoke runs)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, help="keep the inputs and outputs here instead of a temp folder")
    args = ap.parse_args(argv)
    shapes = [s for s in args.only.split(",") if s]
    for s in shapes:
        if s not in ALL:
            ap.error(f"unknown input {s!r}; choose from {', '.join(ALL)}")

    work = args.keep or Path(tempfile.mkdtemp(prefix="targets_patho_"))
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, extract --workers 1, timeout {args.timeout:.0f} s")
    ref = ref_alone = None
    try:
        if args.corpus:
            sys.path.insert(0, str(ROOT))
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from extraction import copy_corpus
            nbytes, nfiles, copies = copy_corpus([c.resolve() for c in args.corpus], work / "real", args.min_mb)
            r = run_extract(work / "real", work / "real_out", args.timeout)
            ref = r["seconds"] / (nbytes / 1e6)
            print(f"{'real text':<10} {nbytes / 1e6:6.2f} MB  {r['seconds']:8.2f} s  {ref:7.3f} s/MB  "
                  f"peak RSS {r['rss_mb']:6.0f} MB  rows={_field(r['summary'], 'targets')}+"
                  f"{_field(r['summary'], 'results')} build={_field(r['summary'], 'seconds')} s  "
                  f"({nfiles} files, {copies} copies)")
            from extraction import ours_single, texts_of
            mb_s = ours_single(texts_of(work / "real"), nbytes)[0]
            ref_alone = 1 / mb_s
            print(f"{'':<10} the extractor alone, one process: {mb_s:.2f} MB/s = {1 / mb_s:.3f} s/MB", flush=True)
        for shape in shapes:
            folder = work / shape
            folder.mkdir(parents=True, exist_ok=True)
            data = ALL[shape](args.seed, args.scale).encode("utf-8")
            (folder / f"{shape}.txt").write_bytes(data)
            mb = len(data) / 1e6
            r = run_extract(folder, work / f"{shape}_out", args.timeout)
            s_mb = r["seconds"] / mb
            if r["timed_out"]:
                status = f"KILLED after {args.timeout:.0f} s (lower bound)"
            elif r["returncode"]:
                status = f"exit {r['returncode']}: {r['stderr'][-300:]}"
            else:
                status = f"rows={_field(r['summary'], 'targets')}+{_field(r['summary'], 'results')} " \
                         f"errors={_field(r['summary'], 'errors')} build={_field(r['summary'], 'seconds')} s"
            line = (f"{shape:<10} {mb:6.2f} MB  {r['seconds']:8.2f} s  {s_mb:7.3f} s/MB  "
                    f"peak RSS {r['rss_mb']:6.0f} MB  {status}")
            over = []
            if ref is not None:
                line += f"  {s_mb / ref:.1f}x real-text s/MB ({s_mb / ref_alone:.1f}x the extractor alone)"
                if s_mb > RATE_LIMIT_X * ref:
                    over.append(f"time > {RATE_LIMIT_X:g}x")
            if r["rss_mb"] > RSS_LIMIT_MB:
                over.append(f"RSS > {RSS_LIMIT_MB} MB")
            if over:
                line += "  OVER: " + ", ".join(over)
            print(line, flush=True)
            if r["stderr"] and not r["returncode"]:
                print(f"{'':<10} stderr: {r['stderr'][-300:]}")
            shutil.rmtree(work / f"{shape}_out", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
