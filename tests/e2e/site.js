'use strict';
// The LinkedIn-like site every scenario runs against, in either browser: its addresses, the extension's rules, and the
// HTTPS server that serves tests/fixtures/linkedin/ as www.linkedin.com.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/linkedin');

const ORIGIN = 'https://www.linkedin.com';
const SETTING_PATH = '/mypreferences/d/settings/data-for-ai-improvement';
const SETTING_URL = ORIGIN + SETTING_PATH;
const RULES = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/rules/linkedin.json'), 'utf8'));

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=www.linkedin.com',
    '-addext', 'subjectAltName=DNS:www.linkedin.com', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/**
 * Serves tests/fixtures/linkedin/ by LinkedIn's paths. `fixture.state` ('on'/'off') is the toggle's saved state,
 * which a page's POST /fixture-api/state changes and `?fixture-state=` overrides for one request;
 * `?fixture=NAME` picks NAME.html instead of index.html in the path's folder.
 */
async function startFixtureServer({ state, dir }) {
  // accept: false makes the server refuse every change of the toggle, as LinkedIn's API might.
  const fixture = { state, requests: [], accept: true };
  const server = https.createServer(makeCertificate(dir), (req, res) => {
    const url = new URL(req.url, ORIGIN);
    fixture.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method === 'POST' && url.pathname === '/fixture-api/state') {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        if (!fixture.accept) {
          res.writeHead(500).end();
          return;
        }
        if (body === 'on' || body === 'off') fixture.state = body;
        res.writeHead(204).end();
      });
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = fixtureFile(url);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    let body = fs.readFileSync(file);
    if (file.endsWith('.html')) {
      const on = (url.searchParams.get('fixture-state') ?? fixture.state) === 'on';
      body = withLayout(body.toString('utf8'))
        .replaceAll('{{checked}}', on ? 'checked' : '')
        .replaceAll('{{aria-checked}}', String(on))
        .replaceAll('{{state-text}}', on ? 'On' : 'Off');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    fixture,
    port: server.address().port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/**
 * Settings pages share LinkedIn's frame (head, global nav, side menu): such a fixture holds only its own content,
 * after a first line `<!-- fixture-layout: NAME; lang=…; title=…; scripts=a.js,b.js -->`, and is served inside
 * tests/fixtures/linkedin/layouts/NAME.html.
 */
function withLayout(text) {
  const header = text.match(/^<!-- fixture-layout: ([a-z-]+);(.*?) -->\n/);
  if (!header) return text;
  const fields = Object.fromEntries(header[2].split(';').map((pair) => pair.trim().split(/=(.*)/s).slice(0, 2)));
  const layout = fs.readFileSync(path.join(FIXTURES, 'layouts', `${header[1]}.html`), 'utf8').replace(/^<!--.*?-->\n/, '');
  const scripts = (fields.scripts ?? '').split(',').filter(Boolean).map((src) => `  <script src="${src}"></script>\n`).join('');
  return layout.replace('{{lang}}', fields.lang ?? 'en').replace('{{title}}', fields.title ?? 'LinkedIn')
    .replace('{{scripts}}', scripts).replace('{{main}}', () => text.slice(header[0].length).replace(/\n$/, ''));
}

function fixtureFile(url) {
  const parts = decodeURIComponent(url.pathname).split('/').filter(Boolean);
  if (parts.some((part) => part === '..' || part.startsWith('.'))) return null;
  const variant = url.searchParams.get('fixture') ?? 'index';
  if (!/^[a-z-]+$/.test(variant)) return null;
  const asFile = path.join(FIXTURES, ...parts);
  for (const candidate of [asFile, path.join(asFile, `${variant}.html`)]) {
    if (candidate.startsWith(FIXTURES + path.sep) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

module.exports = { ORIGIN, SETTING_PATH, SETTING_URL, RULES, startFixtureServer };
