// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import securityHeaders from './src/integrations/security-headers.ts';
import { pageCspDirectives } from './src/lib/security-headers.ts';
import { buildSiteAddress, isProductionBuild } from './src/lib/site.ts';
import { operatorProblem } from './src/lib/operator.ts';

/**
 * Stops the build with one line, not a stack trace.
 * @param {string} problem
 * @returns {never}
 */
function refuse(problem) {
  console.error(problem);
  process.exit(1);
}

// Astro sets NODE_ENV=production itself before it reads this file (for every build and check), so the
// caller's own NODE_ENV comes from `npm run build` as BUILD_NODE_ENV. Run without it (`npx astro …`),
// only Netlify's CONTEXT=production makes a production build.
const buildEnv = { ...process.env, BUILD_NODE_ENV: process.env.BUILD_NODE_ENV ?? '' };

// The public address of the site: SITE_URL, else Netlify's URL, else http://localhost:4321. Canonical
// links, the sitemap, share cards, poster QR codes, ready-made posts and the JSON Schema's $id use it.
const address = buildSiteAddress(buildEnv);
const site = address.ok ? address.url : refuse(address.problem);

// Who runs the website (content/operator.json or OPERATOR_*): a value that breaks its rule stops any
// build; a production build stops until every detail is there (others show "not yet configured").
const operator = operatorProblem(buildEnv, isProductionBuild(buildEnv));
if (operator) refuse(operator);

export default defineConfig({
  site,
  output: 'static',
  // Lossless whitespace removal: the JSX rule (Astro 7's default) drops spaces between words and links.
  compressHTML: true,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    react(),
    sitemap({
      // Pages that hold a person's answers or a result stay out of the sitemap, and so do the 86
      // printable posters and leaflets (each area's campaign page links to its own).
      filter: (page) =>
        !/\/talk-it-through\/.+/.test(new URL(page).pathname) &&
        !/^\/rj-week\/[^/]+\/(poster|leaflet)\/$/.test(new URL(page).pathname),
    }),
    securityHeaders(),
  ],
  security: {
    csp: {
      directives: [...pageCspDirectives],
    },
  },
  vite: {
    optimizeDeps: { include: ['react', 'react-dom', 'react-dom/client', 'xstate', '@xstate/react'] },
  },
});
