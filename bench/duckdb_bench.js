// DuckDB, the second peer of bench/run (../shared/bench/PEERS.md's method):
// one table with the workload's columns, read by DuckDB's CSV reader, no
// secondary index. Run by bench/run with Debian's node and the package
// pinned in bench/package.json, installed into out/bench/node_modules.
//
//   node bench/duckdb_bench.js load FACTS.tsv DB    build DB afresh, durable
//   node bench/duckdb_bench.js first DB             one Q1 (the cold start)
//   node bench/duckdb_bench.js queries DB RUNS      the workload's medians,
//                                                   as JSON on stdout
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const OUT = path.join(__dirname, '..', 'out', 'bench');
const { DuckDBInstance } = createRequire(path.join(OUT, 'package.json'))(
    '@duckdb/node-api');

const T = '2010-06-15';
const holds = (a) =>
  `${a}.valid_from <= DATE '${T}' AND (${a}.valid_to IS NULL OR ` +
  `DATE '${T}' < ${a}.valid_to)`;

// The workload (../shared/bench/WORKLOAD.md), named as workload_bench names
// its rows; `count`: the answer is the number in the first cell.
function cases() {
  const out = [];
  for (const s of ['E0', 'E100', 'E5000']) {
    out.push({ name: `Q1 ${s}`,
               sql: `SELECT subject FROM facts f WHERE subject='${s}' AND ${holds('f')}` });
  }
  for (const [s, p] of [['E0', 'leader_of'], ['E100', 'gas_export_bcm']]) {
    out.push({ name: `Q2 ${s} ${p}`,
               sql: `SELECT * FROM facts WHERE subject='${s}' AND predicate='${p}' ` +
                    'ORDER BY valid_from' });
  }
  for (const s of ['E0', 'E100']) {
    out.push({ name: `Q3 ${s}`,
               sql: 'SELECT DISTINCT b.object FROM facts a JOIN facts b ON ' +
                    `b.subject = a.object WHERE a.subject='${s}' AND ${holds('a')} ` +
                    `AND ${holds('b')} AND NOT (b.object GLOB '[0-9]*')` });
  }
  out.push({ name: 'Q4 signed 2015', count: true,
             sql: "SELECT count(*) FROM facts WHERE predicate='signed' AND " +
                  "valid_from < DATE '2016-01-01' AND (valid_to IS NULL OR " +
                  "valid_to > DATE '2015-01-01')" });
  out.push({ name: 'Q5 E0',
             sql: `SELECT subject FROM facts f WHERE subject='E0' AND ${holds('f')} ` +
                  "AND recorded_at <= DATE '2010-01-01'" });
  for (const [a, b] of [['E1', 'E2'], ['E10', 'E500']]) {
    out.push({ name: `Q6 ${a}->${b}`, count: true,
               sql: `WITH RECURSIVE walk(node, depth) AS (SELECT '${a}', 0 UNION ` +
                    'SELECT f.object, w.depth + 1 FROM walk w JOIN facts f ON ' +
                    `f.subject = w.node WHERE w.depth < 4 AND ${holds('f')}) ` +
                    `SELECT coalesce(min(depth), 0) FROM walk WHERE node = '${b}'` });
  }
  return out;
}

async function open(db) {
  const instance = await DuckDBInstance.create(db);
  return { instance, connection: await instance.connect() };
}

async function load(facts, db) {
  for (const f of [db, db + '.wal']) fs.rmSync(f, { force: true });
  const { instance, connection } = await open(db);
  await connection.run(
      "CREATE TABLE facts AS SELECT * FROM read_csv('" + facts.replace(/'/g, "''") +
      "', delim='\\t', header=true, columns={'subject': 'VARCHAR', " +
      "'predicate': 'VARCHAR', 'object': 'VARCHAR', 'valid_from': 'DATE', " +
      "'valid_to': 'DATE', 'recorded_at': 'DATE', 'source': 'VARCHAR'})");
  await connection.run('CHECKPOINT');  // durable in the database file
  connection.closeSync();
  instance.closeSync();
}

async function answer(connection, c) {
  const reader = await connection.runAndReadAll(c.sql);
  const rows = reader.getRows();
  return c.count ? Number(rows[0][0]) : rows.length;
}

// Median microseconds of `runs` warm runs after one warm-up (fewer when
// they would pass 10 s; one run when the first takes more than 5 s), as
// bench/workload_bench does.
async function median(connection, c, runs) {
  let start = process.hrtime.bigint();
  const n = await answer(connection, c);
  const once = Number(process.hrtime.bigint() - start) / 1e3;
  if (once > 5e6) return { us: once, n, runs: 1 };
  runs = Math.max(3, Math.min(runs, Math.floor(1e7 / (once + 1))));
  const us = [];
  for (let i = 0; i < runs; ++i) {
    start = process.hrtime.bigint();
    await answer(connection, c);
    us.push(Number(process.hrtime.bigint() - start) / 1e3);
  }
  us.sort((x, y) => x - y);
  return { us: us[Math.floor(us.length / 2)], n, runs };
}

async function main() {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'load' && args.length === 2) {
    await load(args[0], args[1]);
  } else if (mode === 'first' && args.length === 1) {
    const { connection } = await open(args[0]);
    await answer(connection, cases()[0]);
  } else if (mode === 'queries' && args.length === 2) {
    const { connection } = await open(args[0]);
    const out = {};
    for (const c of cases()) out[c.name] = await median(connection, c, Number(args[1]));
    process.stdout.write(JSON.stringify(out) + '\n');
  } else {
    process.stderr.write('usage: duckdb_bench.js load FACTS DB | first DB | queries DB RUNS\n');
    process.exit(2);
  }
}

main().catch((e) => {
  process.stderr.write(`duckdb_bench: ${e.message}\n`);
  process.exit(1);
});
