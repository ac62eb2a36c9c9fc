'use strict';
// The browser's i18n.getMessage over extension/_locales, as Chromium and Firefox resolve it: the chosen locale, then
// the default locale; named placeholders replaced by their "$n" content, then "$n" by the substitutions.

const fs = require('node:fs');
const path = require('node:path');
const { EXTENSION } = require('./load');

const readLocale = (lang) => JSON.parse(fs.readFileSync(path.join(EXTENSION, '_locales', lang, 'messages.json'), 'utf8'));
const LOCALES = fs.readdirSync(path.join(EXTENSION, '_locales')).sort();

function getMessage(lang, key, substitutions = []) {
  const entry = readLocale(lang)[key] ?? readLocale('en')[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message
    .replace(/\$([a-z0-9_]+)\$/gi, (whole, name) => {
      const placeholder = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase());
      return placeholder ? placeholder[1].content : whole;
    })
    .replace(/\$(\d)/g, (whole, n) => subs[Number(n) - 1] ?? '');
}

/** Installs globalThis.chrome.i18n for `lang` (what shared/i18n.js calls in the browser). */
function useLocale(lang) {
  globalThis.chrome = { ...(globalThis.chrome ?? {}), i18n: { getMessage: (key, subs) => getMessage(lang, key, subs), getUILanguage: () => lang } };
}

module.exports = { readLocale, getMessage, useLocale, LOCALES };
