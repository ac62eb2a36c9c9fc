'use strict';
// What the content script costs a LinkedIn page in Chromium: the same pages loaded with and without untrain.
//
// Each round starts Debian's Chromium twice through the e2e harness (tests/e2e/harness.js), once with the extension
// and its host, once without any extension, in alternating order, and loads two pages in a fresh tab each: a heavy
// feed (tests/fixtures/linkedin/static/heavy-feed.js: 8,000+ nodes, mutating every 20 ms) and the AI-training
// setting's page. For each load it reads, over CDP, the renderer main thread's script time (Performance.getMetrics
// ScriptDuration) from the navigation until a fixed window after the load event, and the load event's time.
// With untrain it also takes a sampling CPU profile (Profiler, 100 µs) and adds up the samples in untrain's own
// scripts (chrome-extension:// URLs): once until the content script has read the setting (the banner on the feed,
// the logged observation and the callout on the setting's page), once for the rest of the window, where it should do nothing.
// Prints one JSON line per measurement, as host_driver does.
//
//   node bench/content_cost.js [--runs N] [--window-ms MS]

const { launch, ORIGIN, SETTING_PATH, EXTENSION_ID } = require('../tests/e2e/harness');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 5);
const WINDOW_MS = option('--window-ms', 5000);
const PAGES = { feed: '/feed/?fixture=heavy', settings: SETTING_PATH };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Milliseconds of samples whose function lives in untrain's extension.
function extensionMs(profile) {
  // UNTRAIN_BENCH_SAMPLES=1 lists each of untrain's samples (ms into the profile, function, file:line) on stderr: where the time goes.
  if (process.env.UNTRAIN_BENCH_SAMPLES) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let clock = profile.startTime;
    profile.samples.forEach((id, i) => {
      clock += profile.timeDeltas[i] ?? 0;
      const { functionName, url, lineNumber } = byId.get(id).callFrame;
      if (url.startsWith('chrome-extension://')) console.error(`${((clock - profile.startTime) / 1000).toFixed(0)} ms ${functionName} ${url.split('/').pop()}:${lineNumber + 1}`);
    });
  }
  const ours = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith(`chrome-extension://${EXTENSION_ID}/`)).map((n) => n.id));
  let us = 0;
  profile.samples.forEach((id, i) => { if (ours.has(id)) us += profile.timeDeltas[i + 1] ?? 0; });
  return us / 1000;
}

async function measure(h, pageName, withExtension) {
  const tab = await h.context.newPage();
  const cdp = await h.context.newCDPSession(tab);
  try {
    // A same-site page first, so that the measured navigation stays in this renderer and the counters keep running.
    await tab.goto(`${ORIGIN}/in/jane-doe/`, { waitUntil: 'load' });
    await sleep(300);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
    const before = await metric('ScriptDuration');
    const observations = withExtension ? (await h.trail()).length : 0;
    await cdp.send('Profiler.start');
    await tab.goto(ORIGIN + PAGES[pageName], { waitUntil: 'load' });
    const loaded = Date.now();
    const load = await tab.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
    let settle = null;
    if (withExtension) {
      // Until the content script has read what it came for.
      const deadline = loaded + WINDOW_MS;
      for (;;) {
        // The setting's page is settled once the observation is logged and the callout drawn from the host's answer.
        const done = pageName === 'feed'
          ? await tab.evaluate(() => document.getElementById('untrain-banner') !== null)
          : (await h.trail()).length > observations && await tab.evaluate(() => document.getElementById('untrain-callout') !== null);
        if (done || Date.now() > deadline) break;
        await sleep(50);
      }
      settle = extensionMs((await cdp.send('Profiler.stop')).profile);
      await cdp.send('Profiler.start');
    }
    await sleep(Math.max(0, loaded + WINDOW_MS - Date.now()));
    const windowMs = Date.now() - loaded;
    const after = extensionMs((await cdp.send('Profiler.stop')).profile);
    const script = (await metric('ScriptDuration')) - before;
    return { load, script: script * 1000, settle, after: withExtension ? after : null, windowMs };
  } finally {
    await cdp.detach().catch(() => {});
    await tab.close();
  }
}

async function main() {
  const results = {};
  const add = (name, value, extra = {}) => {
    results[name] ??= { name, mode: 'content', unit: 'ms', values: [], window_ms: WINDOW_MS, ...extra };
    results[name].values.push(value);
  };
  for (let round = 0; round < RUNS; round += 1) {
    const order = round % 2 === 0 ? [true, false] : [false, true];
    for (const withExtension of order) {
      const h = await launch({ host: true, state: 'on', name: `bench-${withExtension ? 'with' : 'without'}`, extension: withExtension });
      let failed = true;
      try {
        for (const pageName of Object.keys(PAGES)) {
          const m = await measure(h, pageName, withExtension);
          const variant = withExtension ? 'with' : 'without';
          add(`content-${pageName}-script-${variant}`, m.script);
          add(`content-${pageName}-load-${variant}`, m.load);
          if (withExtension) {
            add(`content-${pageName}-extension-settle`, m.settle);
            add(`content-${pageName}-extension-after`, m.after, { window_ms: m.windowMs });
          }
        }
        failed = false;
      } finally {
        await h.close(failed);
      }
    }
  }
  const command = `UNTRAIN_BIN=${process.env.UNTRAIN_BIN ?? ''} node bench/content_cost.js --runs ${RUNS} --window-ms ${WINDOW_MS}`;
  for (const r of Object.values(results)) process.stdout.write(`${JSON.stringify({ ...r, command })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
