// The build `npm test` checks: a production build, exactly as Netlify would make it, with a public
// https:// address and the operator's details set. Made for tests only: the address is a reserved
// example domain and the operator is marked as a test, so nothing it shows could be mistaken for the
// real site. A production build is what ships, so that is what the tests look at (no localhost in any
// page, QR code, card or sitemap; the operator's box filled in).
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  CONTEXT: 'production',
  SITE_URL: process.env.TEST_SITE_URL ?? 'https://rj-guide.example.org',
  OPERATOR_NAME: 'Test build (not a real organisation)',
  OPERATOR_CONTACT: 'https://rj-guide.example.org/contact/',
  OPERATOR_DPO_CONTACT: 'data-protection@rj-guide.example.org',
  OPERATOR_ICO_NUMBER: 'ZA000000',
  OPERATOR_HOSTING: 'Test build: not deployed',
};
const result = spawnSync('npm', ['run', 'build'], { env, stdio: 'inherit' });
process.exit(result.status ?? 1);
