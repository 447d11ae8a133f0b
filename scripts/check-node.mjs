// Stops `npm install`, `npm start`, `npm test` and `npm run build` at once, with one line saying what to
// do, when Node.js is older than the project needs (package.json "engines", e.g. ">=22.12.0"), instead
// of a confusing error from Astro or Node later on. Written as plain old JavaScript (no optional
// chaining, no newer syntax) so that it runs on old Node versions too.
import { readFileSync } from 'node:fs';

var required = '22.12.0';
try {
  var engines = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines;
  var match = engines && typeof engines.node === 'string' ? /(\d+)\.(\d+)\.(\d+)/.exec(engines.node) : null;
  if (match) required = match[1] + '.' + match[2] + '.' + match[3];
} catch (error) {
  // Keep the default.
}

function parts(version) {
  return String(version)
    .replace(/^v/, '')
    .split('.')
    .map(function (part) {
      return parseInt(part, 10) || 0;
    });
}

function atLeast(have, need) {
  var a = parts(have);
  var b = parts(need);
  for (var i = 0; i < 3; i += 1) {
    if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
  }
  return true;
}

if (!atLeast(process.versions.node, required)) {
  var shown = required.replace(/\.0$/, '');
  var major = required.split('.')[0];
  console.error(
    'This project needs Node.js ' + shown + ' or later (you have ' + process.version + '). ' +
      'Run "nvm install" (it reads .nvmrc) or install Node ' + major + '.'
  );
  process.exit(1);
}
