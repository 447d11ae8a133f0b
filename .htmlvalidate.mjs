// npm test validates every built page (tests/unit/html-validity.test.ts) with html-validate's
// recommended rules, less one about the look of the generated source: the trailing spaces Astro leaves
// after an empty expression, which no browser or assistive technology sees. Titles may run to 90
// characters, not 70: one police force area's own name ("Dorset (including Bournemouth, Christchurch
// and Poole)") needs it; the layout leaves the site's name off any title that would pass 70.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    'no-trailing-whitespace': 'off',
    'long-title': ['error', { maxlength: 90 }],
  },
};
