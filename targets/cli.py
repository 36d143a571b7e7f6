"""Command line: `python -m targets extract|evaluate`."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

# Only what each command needs is imported (in the command): `extract` starts its workers
# sooner without the evaluator, rapidfuzz or tqdm (when stderr is not a terminal).


def _progress(files, total=None):
    if not sys.stderr.isatty():
        return files
    from tqdm import tqdm
    return tqdm(files, total=total, desc="extract", unit="file", file=sys.stderr)


def cmd_extract(args) -> int:
    from .build import build
    if not Path(args.input).is_dir():
        print(f"error: input folder not found: {args.input}", file=sys.stderr)
        return 2
    result = build(args.input, args.output, progress=_progress, workers=args.workers)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    print(result.summary())
    return 0


def cmd_evaluate(args) -> int:
    from .build import extract_folder
    from .evaluate import load_gold, load_gold_links, report, score, score_links, status_of
    from .progress import link
    result = extract_folder(args.input, progress=_progress, workers=args.workers)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    gold = load_gold(args.gold)
    scores = {status: score(result.rows, gold, status) for status in ("target", "result")
              if any(status_of(g) == status for g in gold)}
    gold_links = load_gold_links(args.gold)
    links = score_links(link(result.rows), gold, gold_links) if gold_links else None
    if args.json:
        out = {status + "s": {"overall": overall.summary(),
                              "per_file": {k: v.summary() for k, v in per_file.items()}}
               for status, (overall, per_file) in scores.items()}
        if links:
            out["links"] = links.summary()
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for status, (overall, per_file) in scores.items():
            print(f"== {status}s")
            print(report(overall, per_file, details=not args.quiet))
        if links:
            print("== links")
            print(json.dumps(links.summary(), ensure_ascii=False))
    return 0


def cmd_explain(args) -> int:
    from .errors import ReadError
    from .explain import explain_file, format_explanation
    try:
        items = explain_file(args.file)
    except ReadError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.status:
        items = [i for i in items if i["status"] == args.status]
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=1))
    else:
        print(format_explanation(items))
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m targets", description="Extract quantitative targets from education plans.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract every file in a folder into the tidy table")
    p.add_argument("--input", default="seeds", help="folder of .txt/.html documents (default: seeds)")
    p.add_argument("--output", default="data", help="output folder (default: data)")
    p.add_argument("--workers", type=int, default=1, help="extractor processes (default 1; 0 = one per core)")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("evaluate", help="score extraction against gold JSONL (codebook section 5)")
    p.add_argument("--gold", required=True, help="folder of gold *.jsonl")
    p.add_argument("--input", default="seeds", help="folder of documents (default: seeds)")
    p.add_argument("--json", action="store_true", help="print scores as JSON")
    p.add_argument("--quiet", action="store_true", help="scores only, no list of misses and extras")
    p.add_argument("--workers", type=int, default=1, help="extractor processes (default 1; 0 = one per core)")
    p.set_defaults(func=cmd_evaluate)
    p = sub.add_parser("explain", help="every candidate number of a file with its decision and the rule that made it")
    p.add_argument("file", help="a document (.txt, .html, .docx, .pdf)")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.add_argument("--status", choices=("target", "result", "excluded"), help="only candidates with this decision")
    p.set_defaults(func=cmd_explain)
    args = parser.parse_args(argv)
    if getattr(args, "workers", 1) <= 0:
        args.workers = os.cpu_count() or 1
    code = args.func(args)
    if argv is None and args.command == "extract" and Path(sys.argv[0]).name == "__main__.py":
        # `python -m targets extract`: the table is written, renamed into place and the pool
        # shut down. Skip the interpreter's teardown (freeing OpenCC's dictionaries, pyarrow,
        # pandas and every module: ~0.25 s of a 3 s build).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
