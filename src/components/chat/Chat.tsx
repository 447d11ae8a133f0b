import { useEffect, useMemo, useRef } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import type { AnyActorRef, AnyMachineSnapshot } from 'xstate';
import type { MenuChoice } from '../../../machines/conversation.ts';
import type { Line } from '../../../machines/types.ts';
import type { HeardFrom } from '../../../functions/referral/schema.ts';
import type { Words } from '../../lib/words.ts';
import { browserConversation, loadReferralPhases } from './services.ts';
import { useChildSnapshot } from './use-child.ts';
import { translator, type Translate } from './words.ts';
import { StepPanel, type ChatData } from './StepPanel.tsx';
import { HelpPanel } from './HelpPanel.tsx';

export type ChatProps = ChatData & { words: Words };

/** Campaign codes a page address may carry (`?from=poster`), flowing into "how did you hear about us". */
const campaignCodes: readonly HeardFrom[] = ['poster', 'leaflet', 'social-media', 'rj-week'];
const menuChoices: readonly MenuChoice[] = ['learn', 'check', 'refer', 'find'];

/** The step a snapshot is on, from its states' `meta` (the charts name their steps there). */
export function stepOf(snapshot: AnyMachineSnapshot | undefined): string | undefined {
  if (!snapshot || snapshot.status !== 'active') return undefined;
  const metas = Object.values(snapshot.getMeta()) as { step?: string }[];
  return metas.map((meta) => meta.step).filter((step) => step && step !== 'help').at(-1);
}

/**
 * The guided conversation island. It renders the charts' state and sends their events; every rule
 * lives in the charts (it asks `can` before offering an action). Nothing is stored: answers live in
 * this page's memory, and the quick exit or "start again" forgets them.
 */
export default function Chat({ words, ...data }: ChatProps) {
  const t: Translate = useMemo(() => translator(words), [words]);
  const machine = useMemo(browserConversation, []);
  const actor = useActorRef(machine);
  const snapshot = useSelector(actor, (state) => state);
  const phaseRef = snapshot.children.phase as AnyActorRef | undefined;
  const phase = useChildSnapshot(phaseRef) as AnyMachineSnapshot | undefined;
  const activePhase = phase?.status === 'active' ? phase : undefined;

  const lines: Line[] = [...snapshot.context.transcript, ...((activePhase?.context.log as Line[] | undefined) ?? [])];
  const helpOpen = snapshot.matches({ help: 'open' });
  const flow = String((snapshot.value as { flow: unknown }).flow);
  const step = stepOf(activePhase) ?? stepOf(snapshot);

  // Focus moves to the new question only after the person has answered something, never on load.
  const interacted = useRef(false);
  const panel = useRef<HTMLDivElement>(null);
  const send = (event: { type: string; [key: string]: unknown }, toPhase = false) => {
    interacted.current = true;
    (toPhase && phaseRef ? phaseRef : actor).send(event as never);
  };
  const problem = JSON.stringify(activePhase?.context.error ?? null);
  const stepKey = `${flow}|${JSON.stringify(activePhase?.value ?? '')}|${lines.at(-1)?.id}|${helpOpen}|${problem}`;
  useEffect(() => {
    if (!interacted.current) return;
    // The question's own control first; on a page of facts (an outcome) the first action, not a link in the text.
    const target =
      panel.current?.querySelector<HTMLElement>('[data-focus], input:not([type=hidden]), select, textarea') ??
      panel.current?.querySelector<HTMLElement>('.chat-choices > *, .actions > *, button, a[href]');
    target?.focus();
  }, [stepKey]);

  // What the address says (?area=, ?from=, ?start=) is applied once, then taken out of the address.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const area = data.areas.find((candidate) => candidate.code === params.get('area'));
    const from = params.get('from') as HeardFrom | null;
    const start = params.get('start') as MenuChoice | null;
    const preset = {
      ...(area ? { area: { code: area.code, name: area.name } } : {}),
      ...(from && campaignCodes.includes(from) ? { heardFrom: from } : {}),
      ...(start && menuChoices.includes(start) ? { start } : {}),
    };
    if (Object.keys(preset).length > 0) {
      if (preset.start) interacted.current = true;
      actor.send({ type: 'conversation.preset', ...preset });
    }
    if (window.location.search) window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  }, [actor, data.areas]);

  // Once a referral is on offer, fetch its questions in the background, so "Send a referral" is instant.
  const referralOffered = step === 'outcome' && snapshot.can({ type: 'referral.start' });
  useEffect(() => {
    if (referralOffered) loadReferralPhases().catch(() => {});
  }, [referralOffered]);

  // The quick exit forgets everything before the page goes.
  useEffect(() => {
    const forget = () => actor.send({ type: 'conversation.restart' });
    window.addEventListener('rj:quick-exit', forget);
    return () => window.removeEventListener('rj:quick-exit', forget);
  }, [actor]);

  const lastBotLine = [...lines].reverse().find((line) => line.from === 'bot');

  return (
    <section className="chat" aria-labelledby="chat-heading" data-flow={flow} data-step={step ?? ''}>
      <h2 id="chat-heading" className="visually-hidden">{t('common.transcriptLabel')}</h2>
      <div className="chat-tools">
        <button type="button" className="button button--warning" onClick={() => send({ type: 'help.open' })} aria-expanded={helpOpen}>
          {t('common.helpNow')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => send({ type: 'conversation.restart' })} aria-describedby="start-again-hint">
          {t('common.startAgain')}
        </button>
        <span id="start-again-hint" className="visually-hidden">{t('common.startAgainHint')}</span>
      </div>
      {/* The log region exists before any message, so each new line is announced once. */}
      <div role="log" aria-label={t('common.transcriptLabel')}>
      <ol className="chat-log">
        {lines.map((line) => (
          <li key={line.id} id={`line-${line.id}`} className={`chat-line chat-line--${line.from}`}>
            <span className="visually-hidden">{line.from === 'bot' ? t('common.botName') : t('common.youSaid')} </span>
            {lineText(line, t)}
          </li>
        ))}
      </ol>
      </div>
      <div className="chat-panel" ref={panel}>
        {helpOpen ? (
          <HelpPanel t={t} lines={data.help} onClose={() => send({ type: 'help.close' })} />
        ) : (
          <StepPanel
            t={t}
            data={data}
            step={step}
            parent={snapshot}
            phase={activePhase}
            promptId={lastBotLine ? `line-${lastBotLine.id}` : 'chat-heading'}
            send={send}
          />
        )}
      </div>
    </section>
  );
}

function lineText(line: Line, t: Translate): string {
  if (line.from === 'bot') return t(line.key, line.vars);
  if (line.text !== undefined) return line.text;
  if (line.keys) return line.keys.map((key) => t(key)).join(', ');
  return line.key ? t(line.key) : '';
}
