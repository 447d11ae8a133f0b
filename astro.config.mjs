// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import securityHeaders from './src/integrations/security-headers.ts';
import { pageCspDirectives } from './src/lib/security-headers.ts';

// The public address of the site. Set SITE_URL when building for production: share cards, the
// sitemap and poster QR codes use absolute addresses.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

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
