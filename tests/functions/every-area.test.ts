import { describe, expect, it } from 'vitest';
import { askLines } from '../../machines/prompts.ts';
import { translator } from '../../src/components/chat/words.ts';
import { toAreaFacts } from '../../src/lib/area-facts.ts';
import { areas } from '../../src/lib/areas.ts';
import { loadWords } from '../../src/lib/locale.ts';
import { nationalRoute } from '../../src/lib/national-route.ts';
import { referrals } from '../fixtures/referrals.ts';
import { capturingTransport, post, testHandler } from '../support/referral-handler.ts';

/**
 * Every one of the 43 areas has a route: a referral from each is accepted and delivered to exactly one
 * recipient from our own data (the area's inbox, or the national safety-net service), and the
 * person's consent, in the chat and in the email, names that recipient.
 */
describe('a referral from every area', () => {
  it('is delivered to exactly one recipient from our data, named in the consent the person gave', async () => {
    const transport = capturingTransport();
    const { handler } = testHandler(transport, { settings: { nationalRoute: true } });
    const t = translator(await loadWords());
    expect(areas).toHaveLength(43);
    for (const area of areas) {
      const facts = toAreaFacts(area, true);
      const local = Boolean(area.provider && area.referralEmail && area.referralEmail.secureRoute !== 'cjsm');
      const inbox = local ? area.referralEmail!.address : nationalRoute.recipient.email;
      const recipient = local ? area.provider!.name : nationalRoute.recipient.name;
      expect(facts.recipient, area.code).toBe(recipient);

      // The chat's consent question names who receives it, and says what they will do with it.
      const consent = askLines('consent', {}, facts).map((line) => t(line.key, line.vars, line.variant));
      expect(consent.join(' '), area.code).toContain(recipient);

      const body = referrals.valid();
      body.answers.area = area.code;
      const before = transport.sent.length;
      const response = await handler(post(body));
      expect(response.status, area.code).toBe(202);
      const sent = transport.sent.slice(before);
      expect(sent, area.code).toHaveLength(1);
      expect(sent[0]?.envelope.to, area.code).toEqual([inbox]);
      const text = sent[0]?.email.text ?? '';
      expect(text, area.code).toMatch(new RegExp(`Consent to share: Yes: they agreed to share these answers with ${recipient.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      if (!local) expect(text, area.code).toContain(area.name);
    }
    expect(transport.sent).toHaveLength(43);
  }, 60_000);
});
