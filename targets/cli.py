"""Command line: `python -m targets extract|evaluate`."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from tqdm import tqdm

from .build import build, extract_folder
from .evaluate import load_gold, report, score


def _progress(files, total=None):
    return tqdm(files, total=total, desc="extract", unit="file", file=sys.stderr, disable=not sys.stderr.isatty())


def cmd_extract(args) -> int:
    if not Path(args.input).is_dir():
        print(f"error: input folder not found: {args.input}", file=sys.stderr)
        return 2
    result = build(args.input, args.output, progress=_progress, workers=args.workers)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    print(result.summary())
    return 0


def cmd_evaluate(args) -> int:
    result = extract_folder(args.input, progress=_progress, workers=args.workers)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    overall, per_file = score(result.rows, load_gold(args.gold))
    if args.json:
        print(json.dumps({"overall": overall.summary(),
                          "per_file": {k: v.summary() for k, v in per_file.items()}}, ensure_ascii=False, indent=1))
    else:
        print(report(overall, per_file, details=not args.quiet))
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
    args = parser.parse_args(argv)
    if args.workers <= 0:
        args.workers = os.cpu_count() or 1
    return args.func(args)
