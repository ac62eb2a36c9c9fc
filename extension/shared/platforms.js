// The platforms untrain knows: each one's rules file, and the pages its content scripts run on (the manifest's
// `matches`). Each name is its rules file's own `platform` (tests/extension/platforms.test.js holds the three together).

export const PLATFORMS = Object.freeze({
  linkedin: Object.freeze({ rules: 'rules/linkedin.json', pages: 'https://www.linkedin.com/' }),
});
