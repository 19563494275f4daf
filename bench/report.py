"""bench/run's report: the S/M/L table as Markdown, and the growth curves as
a hand-written SVG (no plotting library): one small panel per figure, size
on a log x axis, the figure on a log y axis, Annals and SQLite as two lines.
"""
import math

NAMES = {100000: "S", 1000000: "M", 10000000: "L"}
FIGURES = [  # key, label, format
    ("load_facts_per_s", "load, facts/s (higher is better)", "{:,.0f}"),
    ("bytes_per_fact", "bytes on disk per fact", "{:.1f}"),
    ("peak_rss_mb", "peak memory of the load, MB", "{:,.0f}"),
    ("cold_start_ms", "cold start to the first Q1 answer, ms", "{:.1f}"),
]


def size_name(n):
    return "%s (%s)" % (NAMES.get(n, str(n)), "{:,}".format(n))


def ratio(a, s):
    return "" if not s else "%.2f" % (a / s)


def micros(us):
    if us >= 1e6:
        return "%.2f s" % (us / 1e6)
    if us >= 1e3:
        return "%.2f ms" % (us / 1e3)
    return "%.1f us" % us


def markdown(results):
    sizes = sorted(int(n) for n in results["sizes"])
    by = {n: results["sizes"][str(n)] for n in sizes}
    duck = any("duckdb" in by[n] for n in sizes)  # a second peer's columns
    per_size = " %s Annals | SQLite | ratio |" + (" DuckDB | ratio |" if duck else "")
    head = "| figure |" + "".join(per_size % size_name(n) for n in sizes)
    lines = [
        "Annals, SQLite%s: same data, same run (%s). Ratio = Annals / peer: below 1 "
        "Annals is faster, except for facts/s (above 1). Machine load before: %s; after: %s." %
        (" and DuckDB" if duck else "", results["started"], results["uptime_before"],
         results["uptime_after"]),
        "",
        head,
        "|---|" + ("---|---|---|" + ("---|---|" if duck else "")) * len(sizes),
    ]

    def duck_cells(n, value, annals, text):
        """The DuckDB columns of one size: its figure and Annals / it."""
        if not duck:
            return ""
        if value is None:
            return " | |"
        return " %s | %s |" % (text, ratio(annals, value))

    for key, label, fmt in FIGURES:
        row = "| %s |" % label
        for n in sizes:
            a = by[n]["annals"][key]
            s = by[n]["sqlite"][key]
            d = by[n].get("duckdb", {}).get(key)
            row += " %s | %s | %s |" % (fmt.format(a), fmt.format(s), ratio(a, s))
            row += duck_cells(n, d, a, fmt.format(d) if d is not None else "")
        lines.append(row)
    row = "| add 100,000 facts to the loaded store, s |"
    for n in sizes:
        inc = by[n]["incremental"]
        row += " %.2f | %.2f | %s |" % (inc["annals_s"], inc["sqlite_s"],
                                       ratio(inc["annals_s"], inc["sqlite_s"]))
        row += duck_cells(n, None, 0, "")
    lines.append(row)
    if all("compacted" in by[n] for n in sizes):
        row = "| after `annals compact` (s): bytes on disk per fact |"
        for n in sizes:
            c = by[n]["compacted"]
            s = by[n]["sqlite"]["bytes_per_fact"]
            row += " %.1f (%.1f s) | %.1f | %s |" % (c["bytes_per_fact"], c["seconds"], s,
                                                  ratio(c["bytes_per_fact"], s))
            d = by[n].get("duckdb", {}).get("bytes_per_fact")
            row += duck_cells(n, d, c["bytes_per_fact"], "%.1f" % d if d is not None else "")
        lines.append(row)
    dup_sizes = [n for n in sizes if by[n]["annals"].get("duplicates")]
    if dup_sizes:
        row = "| rows the load merged as duplicates (claims made) |"
        for n in sizes:
            a = by[n]["annals"]
            row += " %s (%s)\u2020 | %s rows | |" % ("{:,}".format(a.get("duplicates", 0)),
                                                 "{:,}".format(a.get("claims", n)),
                                                 "{:,}".format(n))
            row += duck_cells(n, None, 0, "")
        lines.append(row)
    names = list(by[sizes[0]]["queries"])
    note = lambda runs: {1: " (1 run)", 0: " (stopped)"}.get(runs, "")  # noqa: E731
    differ = False
    for q in names:
        row = "| %s, median |" % q
        for n in sizes:
            r = by[n]["queries"].get(q)
            if r is None:
                row += " | | |" + (" | |" if duck else "")
                continue
            count = " [%s]" % "{:,}".format(r["annals_n"])
            if r["counts_differ"]:
                count = " [%d vs %d: COUNTS DIFFER%s]" % (
                    r["annals_n"], r["sqlite_n"], "\u2020" if n in dup_sizes else "")
            row += " %s%s%s | %s%s | %s |" % (
                micros(r["annals_us"]), note(r["annals_runs"]), count,
                (">" if r["sqlite_runs"] == 0 else "") + micros(r["sqlite_us"]),
                note(r["sqlite_runs"]),
                ratio(r["annals_us"], r["sqlite_us"]))
            d = by[n].get("duckdb", {}).get("queries", {}).get(q)
            text = ""
            if d is not None:
                text = micros(d["us"]) + note(d["runs"])
                if d["n"] != r["sqlite_n"]:
                    text += " [%d: COUNT DIFFERS]" % d["n"]
                    differ = True
            row += duck_cells(n, d and d["us"], r["annals_us"], text)
        lines.append(row)
    lines.append("")
    if dup_sizes:
        lines.append(
            "\u2020 Rows equal but for recorded_at are one claim to Annals (docs/loading.md: "
            "recorded_at does not make a claim different) and two rows to SQLite and DuckDB: "
            "%s. A count that differs from SQLite's by up to that many rows differs for this "
            "reason." %
            "; ".join("the %s file has %s such row%s" % (
                size_name(n), "{:,}".format(by[n]["annals"]["duplicates"]),
                "" if by[n]["annals"]["duplicates"] == 1 else "s")
                for n in dup_sizes))
        lines.append("")
    lines.append("[n]: the result count (the same on every system unless marked%s). Medians of "
                 "21 warm runs (fewer when that would pass 10 s; one run when the first takes "
                 "more than 5 s; SQLite queries are stopped after 120 s). Annals and DuckDB "
                 "loads: median of 3 (DuckDB's: the whole node process, as PEERS.md); SQLite's "
                 "build was timed once and is cached in out/bench/." %
                 ("; DuckDB's is compared with SQLite's" if duck else ""))
    if differ:
        lines.append("")
        lines.append("COUNT DIFFERS: DuckDB's result count is not SQLite's.")
    return "\n".join(lines) + "\n"


def panel(x0, y0, w, h, title, sizes, series):
    """One chart: series = [(label, colour, dash, [values by size])]."""
    out = ['<g font-family="sans-serif" font-size="11">',
           '<rect x="%d" y="%d" width="%d" height="%d" fill="#fff" stroke="#ccc"/>' %
           (x0, y0, w, h),
           '<text x="%d" y="%d" font-weight="bold">%s</text>' % (x0 + 6, y0 + 15, title)]
    values = [v for _, _, _, vs in series for v in vs if v and v > 0]
    if not values:
        return "\n".join(out + ["</g>"])
    lo = 10 ** math.floor(math.log10(min(values)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    if hi <= lo:
        hi = lo * 10
    left, right, top, bottom = x0 + 52, x0 + w - 12, y0 + 26, y0 + h - 24
    xs = [math.log10(n) for n in sizes]
    xmin, xmax = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1

    def px(n):
        return left + (math.log10(n) - xmin) / (xmax - xmin) * (right - left)

    def py(v):
        return bottom - (math.log10(v) - math.log10(lo)) / (
            math.log10(hi) - math.log10(lo)) * (bottom - top)
    decade = lo
    while decade <= hi * 1.0001:
        y = py(decade)
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#eee"/>' %
                   (left, y, right, y))
        out.append('<text x="%d" y="%.1f" text-anchor="end" fill="#555">%s</text>' %
                   (left - 4, y + 4, "{:g}".format(decade)))
        decade *= 10
    for n in sizes:
        out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>' %
                   (px(n), bottom + 15, NAMES.get(n, str(n))))
    for label, colour, dash, vs in series:
        points = [(px(n), py(v)) for n, v in zip(sizes, vs) if v and v > 0]
        if len(points) > 1:
            out.append('<polyline fill="none" stroke="%s" stroke-width="2" %s points="%s"/>' % (
                colour, 'stroke-dasharray="5,3"' if dash else "",
                " ".join("%.1f,%.1f" % p for p in points)))
        for x, y in points:
            out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (x, y, colour))
    return "\n".join(out + ["</g>"])


def svg(results):
    sizes = sorted(int(n) for n in results["sizes"])
    by = [results["sizes"][str(n)] for n in sizes]
    charts = [("load, facts/s", [r["annals"]["load_facts_per_s"] for r in by],
               [r["sqlite"]["load_facts_per_s"] for r in by]),
              ("add 100,000 facts, s", [r["incremental"]["annals_s"] for r in by],
               [r["incremental"]["sqlite_s"] for r in by])]
    for q in by[0]["queries"]:
        charts.append((q + ", us", [r["queries"].get(q, {}).get("annals_us") for r in by],
                       [r["queries"].get(q, {}).get("sqlite_us") for r in by]))
    cols, w, h = 4, 260, 190
    rows = (len(charts) + cols - 1) // cols
    width, height = cols * w + 20, rows * h + 60
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d">' % (width, height),
           '<rect width="100%" height="100%" fill="#fafafa"/>',
           '<text x="10" y="20" font-family="sans-serif" font-size="14" font-weight="bold">'
           'Annals (blue) and SQLite (orange, dashed) against store size, log scales '
           '(%s)</text>' % results["started"]]
    for i, (title, annals, sqlite) in enumerate(charts):
        x0, y0 = 10 + (i % cols) * w, 34 + (i // cols) * h
        out.append(panel(x0, y0, w - 10, h - 10, title, sizes,
                         [("Annals", "#1f77b4", False, annals),
                          ("SQLite", "#ff7f0e", True, sqlite)]))
    out.append("</svg>")
    return "\n".join(out) + "\n"
