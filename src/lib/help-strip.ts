/**
 * The help shown in the same place on every page (WCAG 3.2.6 Consistent Help), as HTML: the site's
 * layout and the referral function's own pages show exactly the same words and links.
 */
export const helpStripHtml =
  '<p><strong>In danger now? Call <a href="tel:999">999</a>.</strong> If you cannot speak or hear, use Relay UK on <a href="tel:18000">18000</a>. <a href="/get-help/">More help lines</a></p>';
