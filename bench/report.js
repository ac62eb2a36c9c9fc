'use strict';
// Turns the raw measurements of one scripts/bench.sh run into the table it prints and bench/results.md.
//
// Input: JSON lines from host_driver (values of repeated runs, peak RSS, the exact command), from
// content_cost.js (the same shape) and Google Benchmark's JSON. Every figure is shown as the median
// of its runs with the spread [min–max] beside it; each row sets untrain's figure against a
// baseline measured in the same run, as a ratio, and against the issue's target where there is one.
//
//   node bench/report.js RAW.jsonl MICRO.json OUT.md "machine" "date" "command"

const fs = require('node:fs');

const [rawFile, microFile, outFile, machine, date, invocation] = process.argv.slice(2);
const raw = new Map();
for (const line of fs.readFileSync(rawFile, 'utf8').split('\n').filter(Boolean)) {
  const m = JSON.parse(line);
  raw.set(m.name, m);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const get = (name) => {
  const m = raw.get(name);
  if (!m) throw new Error(`no measurement named ${name} in ${rawFile}`);
  return m;
};
const count = (n) => n.toLocaleString('en-US');
const num = (x, digits) => {
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2));
};
// "median [min–max] unit" of a list of values.
const spread = (xs, unit, scale = 1) => {
  const v = xs.map((x) => x * scale);
  return `${num(median(v))} [${num(Math.min(...v))}–${num(Math.max(...v))}] ${unit}`;
};
const field = (name, key = 'values') => get(name)[key];
const med = (name, key = 'values') => median(field(name, key));
const mib = (kb) => kb / 1024;

const rows = [];   // [section, what, untrain, baseline, ratio, target, verdict]
const commands = new Set();
const use = (...names) => names.forEach((n) => commands.add(get(n).command));
const check = (ok) => (ok === null ? '' : ok ? 'met' : '**missed**');
const row = (section, what, ours, base, ratio, target = '', ok = null) => rows.push([section, what, ours, base, ratio, target, check(ok)]);

// 1. Cold round trip.
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
{
  const floor = raw.has('cold-floor') ? 'cold-floor' : 'cold-echo';
  const ratio = med('cold-untrain') / med(floor);
  const floorName = floor === 'cold-floor' ? 'durable floor (echo host + append + fdatasync per observe)' : 'echo host';
  row('cold start', 'start, hello + observe + status, EOF, exit', spread(field('cold-untrain'), 'ms'),
    `${floorName} ${spread(field(floor), 'ms')}`, `${num(ratio)}×`, '≤ 1.5× the durable floor', ratio <= 1.5);
  if (floor === 'cold-floor') {
    row('cold start', 'the same, against a host that stores nothing', spread(field('cold-untrain'), 'ms'),
      `echo host ${spread(field('cold-echo'), 'ms')}`, `${num(med('cold-untrain') / med('cold-echo'))}×`);
    use('cold-floor');
  }
  if (raw.has('cold-sqlite')) {
    row('cold start', 'the same, against a C host that commits each observe through SQLite (WAL, synchronous=FULL)',
      spread(field('cold-untrain'), 'ms'), `SQLite host ${spread(field('cold-sqlite'), 'ms')}`,
      `${num(med('cold-untrain') / med('cold-sqlite'))}×`);
    row('cold start', 'that SQLite host against the durable floor', spread(field('cold-sqlite'), 'ms'),
      `durable floor ${spread(field(floor), 'ms')}`, `${num(med('cold-sqlite') / med(floor))}×`);
    use('cold-sqlite');
  }
  const noSync = raw.has('cold-untrain-ramdisk');
  if (noSync) {
    const r = med('cold-untrain-ramdisk') / med('cold-echo');
    row('cold start', 'the same, database on a RAM disk (no fsync cost)', spread(field('cold-untrain-ramdisk'), 'ms'),
      `echo host ${spread(field('cold-echo'), 'ms')}`, `${num(r)}×`, '', null);
    use('cold-untrain-ramdisk');
  }
  if (raw.has('syncs-untrain')) {
    const ours = field('syncs-untrain');
    const checkpointing = ours.filter((x) => x > median(ours)).length;
    row('cold start', `fsyncs per session (strace, ${ours.length} sessions in a row)`,
      `${spread(ours, '')}(mean ${num(mean(ours))}; ${checkpointing} of ${ours.length} also checkpointed, after their last reply)`,
      `durable floor ${spread(field('syncs-floor'), '')}`.trim(), `${num(median(ours) / med('syncs-floor'))}×`, '1 per session',
      median(ours) === 1);
    use('syncs-untrain', 'syncs-floor');
  }
  use('cold-untrain', 'cold-echo');
}

// 2. One persistent connection.
for (const kind of ['observe', 'status']) {
  const ours = `persistent-${kind}-untrain`;
  const base = `persistent-${kind}-echo`;
  const ratio = med(base) / med(ours);
  row('persistent connection', kind === 'observe' ? 'observes per second, each a durable commit (synchronous=FULL)' : 'status requests per second',
    spread(field(ours), '/s'), `echo host ${spread(field(base), '/s')}`, `${num(ratio)}× slower`);
  row('persistent connection', `${kind}: latency of one request (median within a connection)`, spread(field(ours, 'latency_us'), 'µs'),
    `echo host ${spread(field(base, 'latency_us'), 'µs')}`, `+${num(med(ours, 'latency_us') - med(base, 'latency_us'))} µs`);
  use(ours, base);
}

// 3. Growth.
const growth = [...raw.keys()].filter((n) => n.startsWith('growth-status-')).map((n) => Number(n.slice('growth-status-'.length))).sort((a, b) => a - b);
if (growth.length) {
  const first = `growth-status-${growth[0]}`;
  for (const n of growth) {
    const name = `growth-status-${n}`;
    const ratio = med(name, 'latency_us') / med(first, 'latency_us');
    row('growth', `status latency, ${count(n)} events`, spread(field(name, 'latency_us'), 'µs'),
      `${count(growth[0])} events: ${num(med(first, 'latency_us'))} µs`, `${num(ratio)}×`, 'flat (≤ 1.5×)', ratio <= 1.5);
    use(name);
  }
}
const coldSizes = [...raw.keys()].filter((n) => n.startsWith('growth-cold-')).map((n) => Number(n.slice('growth-cold-'.length))).sort((a, b) => a - b);
if (coldSizes.length) {
  const first = `growth-cold-${coldSizes[0]}`;
  for (const n of coldSizes) {
    const name = `growth-cold-${n}`;
    const ratio = med(name) / med(first);
    const last = n === coldSizes[coldSizes.length - 1];
    row('growth', `cold round trip, ${count(n)} events`, spread(field(name), 'ms'),
      `${count(coldSizes[0])} events: ${num(med(first))} ms`, `${num(ratio)}×`,
      last ? 'the largest ≤ 1.1× the smallest' : '', last ? ratio <= 1.1 : null);
    use(name);
  }
}
const sizes = [...raw.keys()].filter((n) => n.startsWith('export-json-')).map((n) => Number(n.slice('export-json-'.length))).sort((a, b) => a - b);
const mbps = (name) => (get(name).bytes / 1e6) / (med(name) / 1000);
for (const n of sizes) {
  for (const format of ['json', 'csv']) {
    const name = `export-${format}-${n}`;
    const json = format === 'json';
    const ratio = json ? med(name) / med(`sqlite3-json-${n}`) : null;
    row('growth', `export ${format.toUpperCase()}, ${count(n)} events`, `${spread(field(name), 'ms')} (${num(mbps(name))} MB/s)`,
      json ? `sqlite3 -json: ${num(med(`sqlite3-json-${n}`))} ms (${num(mbps(`sqlite3-json-${n}`))} MB/s)` : '',
      json ? `${num(ratio)}×` : '', json ? '≤ 1.5×' : '', json ? ratio <= 1.5 : null);
    use(name);
  }
  use(`sqlite3-json-${n}`);
  // Throughput at least half sha256sum's over the same export: at most twice its time.
  const dbRatio = med(`verify-db-${n}`) / med(`sha256sum-${n}`);
  const fileRatio = med(`verify-file-${n}`) / med(`sha256sum-${n}`);
  row('growth', `verify the database (quick_check and the chain), ${count(n)} events`, spread(field(`verify-db-${n}`), 'ms'),
    `sha256sum of its export: ${num(med(`sha256sum-${n}`))} ms`, `${num(dbRatio)}× (${num(100 / dbRatio, 0)} % of its throughput)`,
    '≥ 50 % of sha256sum', dbRatio <= 2);
  row('growth', `verify the JSON export, ${count(n)} events`, `${spread(field(`verify-file-${n}`), 'ms')} (${num(mbps(`verify-file-${n}`))} MB/s)`,
    `sha256sum, same bytes: ${num(med(`sha256sum-${n}`))} ms (${num(mbps(`sha256sum-${n}`))} MB/s)`,
    `${num(fileRatio)}× (${num(100 / fileRatio, 0)} % of its throughput)`, '≥ 50 % of sha256sum', fileRatio <= 2);
  use(`verify-db-${n}`, `verify-file-${n}`, `sha256sum-${n}`);
}
if (sizes.length >= 2) {
  const [lo, hi] = [sizes[0], sizes[sizes.length - 1]];
  for (const what of ['export-json', 'export-csv', 'verify-db', 'verify-file']) {
    const perLo = med(`${what}-${lo}`) / lo;
    const perHi = med(`${what}-${hi}`) / hi;
    row('growth', `${what}: time per event at ${count(hi)} vs ${count(lo)}`, `${num(perHi * 1000)} µs/event`, `${num(perLo * 1000)} µs/event`,
      `${num(perHi / perLo)}×`, 'linear (≤ 1.5×)', perHi / perLo <= 1.5);
    const rss = (n) => median(field(`${what}-${n}`, 'maxrss_kb'));
    row('growth', `${what}: peak memory at ${count(hi)} vs ${count(lo)}`, `${num(mib(rss(hi)))} MiB`, `${num(mib(rss(lo)))} MiB`,
      `${num(rss(hi) / rss(lo))}×`, '≤ 2×', rss(hi) / rss(lo) <= 2);
  }
}

// 4. Memory of a session.
row('memory', 'peak RSS, a browser session (hello, observe, status)', spread(field('cold-untrain', 'maxrss_kb'), 'MiB', 1 / 1024),
  `echo host ${num(mib(med('cold-echo', 'maxrss_kb')))} MiB`, `${num(med('cold-untrain', 'maxrss_kb') / med('cold-echo', 'maxrss_kb'))}×`);
row('memory', `peak RSS, ${get('persistent-observe-untrain').count} observes over one connection`,
  spread(field('persistent-observe-untrain', 'maxrss_kb'), 'MiB', 1 / 1024), '', '');

// 5. Content script in Chromium.
for (const pageName of ['feed', 'settings']) {
  const w = `content-${pageName}-script-with`;
  const wo = `content-${pageName}-script-without`;
  if (!raw.has(w)) continue;
  const ratio = med(w) / med(wo) - 1;
  const label = pageName === 'feed' ? 'heavy feed (8,000+ nodes, mutating every 20 ms)' : 'the AI-training setting page';
  row('content script', `${label}: main-thread script time, load + ${get(w).window_ms / 1000} s`, spread(field(w), 'ms'),
    `without untrain ${spread(field(wo), 'ms')}`, `${ratio >= 0 ? '+' : ''}${num(ratio * 100)} %`,
    pageName === 'feed' ? '< 3 % overhead' : '', pageName === 'feed' ? ratio < 0.03 : null);
  const lw = `content-${pageName}-load-with`;
  const lwo = `content-${pageName}-load-without`;
  row('content script', `${label}: load event`, spread(field(lw), 'ms'), `without untrain ${spread(field(lwo), 'ms')}`,
    `${num((med(lw) / med(lwo) - 1) * 100)} %`);
  const own = `content-${pageName}-extension-settle`;
  const after = `content-${pageName}-extension-after`;
  row('content script', `${label}: untrain's own script time until the setting is read (profiler samples)`, spread(field(own), 'ms'), '', '');
  row('content script', `${label}: untrain's own script time in the ${num(get(after).window_ms / 1000, 1)} s after`, spread(field(after), 'ms'), '', '',
    'no ongoing work (< 1 ms)', med(after) < 1);
  use(w, wo, lw, lwo, own, after);
}

// Micro-benchmarks.
const micro = microFile && fs.existsSync(microFile) ? JSON.parse(fs.readFileSync(microFile, 'utf8')) : null;
const microRows = [];
if (micro) {
  const by = new Map();
  for (const b of micro.benchmarks) {
    if (b.run_type !== 'iteration') continue;
    const key = b.run_name ?? b.name;
    if (!by.has(key)) by.set(key, { unit: b.time_unit, cpu: [], bps: [] });
    by.get(key).cpu.push(b.cpu_time);
    if (b.bytes_per_second) by.get(key).bps.push(b.bytes_per_second);
  }
  for (const [name, b] of by) {
    microRows.push([name, spread(b.cpu, b.unit), b.bps.length ? `${num(median(b.bps) / 1e6)} MB/s` : '']);
  }
}

const table = (header, body) => [
  `| ${header.join(' | ')} |`,
  `|${header.map(() => '---').join('|')}|`,
  ...body.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

const main = table(['', 'measure', 'untrain', 'baseline (same run)', 'ratio', 'target', ''], rows);
const microTable = microRows.length ? table(['micro-benchmark (Google Benchmark, CPU time)', 'median [min–max]', 'throughput'], microRows) : '';
process.stdout.write(`${main}\n\n${microTable}\n`);

const md = `# untrain benchmarks

Generated by \`${invocation}\` (scripts/bench.sh); do not edit by hand. docs/development.md's "Performance" section explains
what each row means and where the time goes.

- machine: ${machine}
- date: ${date}
- every figure: the median of repeated runs, with [min–max] of those runs

${main}

${microTable}

## Exact commands

Each row above comes from one of these (paths are this run's temporary files; \`UNTRAIN_DB\` names the database
for host sessions):

\`\`\`
${[...commands].join('\n')}
\`\`\`
`;
fs.writeFileSync(outFile, md);
