import { useEffect, useMemo, useRef, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import type { AnyActorRef, AnyMachineSnapshot } from 'xstate';
import type { MenuChoice } from '../../../machines/conversation.ts';
import type { Line, Problem } from '../../../machines/types.ts';
import { isCampaignCode } from '../../../referral/vocabulary.ts';
import type { Words } from '../../lib/words.ts';
import { prefetchFinder } from './lookups.ts';
import { browserConversation, loadPhases } from './services.ts';
import { prefetchToken } from './submit.ts';
import { useChildSnapshot } from './use-child.ts';
import { problemText, translator, type Translate } from './words.ts';
import { StepPanel, type ChatData, type View } from './StepPanel.tsx';
import { HelpPanel } from './HelpPanel.tsx';

export type ChatProps = ChatData & { words: Words };

const menuChoices: readonly MenuChoice[] = ['learn', 'check', 'refer', 'find'];

/** The step a snapshot is on, from its states' `meta` (the charts name their steps there). */
export function stepOf(snapshot: AnyMachineSnapshot | undefined): string | undefined {
  if (!snapshot || snapshot.status !== 'active') return undefined;
  const metas = Object.values(snapshot.getMeta()) as { step?: string }[];
  return metas.map((meta) => meta.step).filter((step) => step && step !== 'help' && step !== 'confirmRestart').at(-1);
}

/** Which screen to show, from the conversation and the chart it runs now. */
function viewOf(parent: AnyMachineSnapshot, phase: AnyMachineSnapshot | undefined): View {
  if (parent.matches({ help: 'open' })) return 'help';
  if (parent.matches({ help: 'confirmingRestart' })) return 'confirmRestart';
  if (phase?.machine.id === 'questions') return 'question';
  return (stepOf(phase) ?? stepOf(parent) ?? 'loading') as View;
}

/**
 * Brings the new question into view and focuses it, once the transcript has been updated (so a screen
 * reader hears it once): the question's words just below the sticky bar when its control fits under
 * them, otherwise the control itself; then focus on the control (or on the heading of an outcome,
 * the failure message, a page of results).
 */
function reveal(panel: HTMLElement, lines: (HTMLElement | null)[]): void {
  const target =
    panel.querySelector<HTMLElement>('[data-focus]') ??
    panel.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, .chat-choices > *, .actions > *, button, a[href]');
  if (!target) return;
  const bar = document.querySelector('.exit-bar')?.getBoundingClientRect().bottom ?? 0;
  const fits = () => {
    const box = target.getBoundingClientRect();
    return box.top >= bar && box.bottom <= window.innerHeight;
  };
  // Everything new since the person's answer, if it fits with the control; else the question; else the control.
  // A heading that takes focus goes to the top, unless the lines before it lead to it (`data-show-lines`).
  const withLines = !target.hasAttribute('data-focus') || target.hasAttribute('data-show-lines');
  const placed = withLines && lines.some((line) => {
    if (!line) return false;
    line.scrollIntoView({ block: 'start' });
    return fits();
  });
  if (!placed) target.scrollIntoView({ block: target.hasAttribute('data-focus') ? 'start' : 'end' });
  target.focus({ preventScroll: true });
}

/**
 * The guided conversation island. It renders the charts' state and sends their events; every rule
 * lives in the charts and the catalogue (it asks `can` before offering an action). Nothing is stored:
 * answers live in this page's memory, and the quick exit or "Start again" forgets them.
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
  const view = viewOf(snapshot, activePhase);
  const flow = String((snapshot.value as { flow: unknown }).flow);

  // Focus moves to the new question only after the person has done something, never on load.
  const interacted = useRef(false);
  const panel = useRef<HTMLDivElement>(null);
  const send = (event: { type: string; [key: string]: unknown }, toPhase = false) => {
    interacted.current = true;
    // The questions load just after the page; a choice made before they arrive waits for them.
    void loadPhases().then(
      () => (toPhase && phaseRef ? phaseRef : actor).send(event as never),
      () => setLoadFailed(true),
    );
  };
  const [loadFailed, setLoadFailed] = useState(false);
  useEffect(() => {
    void loadPhases().catch(() => {});
  }, []);
  const problems = (activePhase?.context.problems ?? []) as Problem[];
  const lastBotLine = [...lines].reverse().find((line) => line.from === 'bot');
  const stepKey = `${view}|${String(activePhase?.context.step ?? '')}|${lastBotLine?.id}`;
  useEffect(() => {
    if (!interacted.current || !panel.current) return;
    // After the transcript has been painted: then the new question is read once, after the echo.
    let lastAnswer = -1;
    lines.forEach((line, index) => {
      if (line.from === 'person') lastAnswer = index;
    });
    const firstNew = lines.slice(lastAnswer + 1).find((line) => line.from === 'bot');
    const byId = (line: Line | undefined) => (line ? document.getElementById(`line-${line.id}`) : null);
    const frame = requestAnimationFrame(() => reveal(panel.current as HTMLElement, [byId(firstNew), byId(lastBotLine)]));
    return () => cancelAnimationFrame(frame);
  }, [stepKey]);

  // Fetched ahead (neither carries anything the person typed): the finder table once the conversation
  // starts, and the time-trap token once a referral is on offer, well before anything is sent.
  const started = flow !== 'start';
  const referralOffered = view === 'outcome' && snapshot.can({ type: 'referral.start' });
  useEffect(() => {
    if (!started) return;
    prefetchFinder();
  }, [started]);
  useEffect(() => {
    if (referralOffered) prefetchToken();
  }, [referralOffered]);

  // Problems with an answer are said in one status region as well as beside the field, and focus goes
  // to the first answer that needs a change (its error is part of its description).
  const status = problems.map((problem) => problemText(words, t, problem)).join(' ');
  useEffect(() => {
    if (!status || !panel.current) return;
    const frame = requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-group--error input, .form-group--error select')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [status]);

  // What the address says (?area=, ?from=, ?start=) is applied once, then taken out of the address.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const area = data.areas.find((candidate) => candidate.code === params.get('area'));
    const from = params.get('from');
    const start = params.get('start') as MenuChoice | null;
    const preset = {
      ...(area ? { area: { code: area.code, name: area.name } } : {}),
      ...(isCampaignCode(from) ? { campaign: from } : {}),
      ...(start && menuChoices.includes(start) ? { start } : {}),
    };
    if (Object.keys(preset).length > 0) {
      if (preset.start) interacted.current = true;
      void loadPhases().then(
        () => actor.send({ type: 'conversation.preset', ...preset }),
        () => setLoadFailed(true),
      );
    }
    if (window.location.search) window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  }, [actor, data.areas]);

  // The quick exit forgets everything before the page goes; "Help now" in the pinned bar opens help here.
  useEffect(() => {
    const forget = () => actor.send({ type: 'conversation.restart' });
    const help = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('[data-help-now]');
      if (!link) return;
      event.preventDefault();
      interacted.current = true;
      actor.send({ type: 'help.open' });
    };
    window.addEventListener('rj:quick-exit', forget);
    document.addEventListener('click', help);
    return () => {
      window.removeEventListener('rj:quick-exit', forget);
      document.removeEventListener('click', help);
    };
  }, [actor]);

  return (
    <section className="chat" aria-labelledby="chat-heading" data-flow={flow} data-view={view} data-step={String(activePhase?.context.step ?? stepOf(activePhase) ?? stepOf(snapshot) ?? '')}>
      <h2 id="chat-heading" className="visually-hidden">{t('common.transcriptLabel')}</h2>
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
      <p className="visually-hidden" role="status">{status}</p>
      {loadFailed && <p className="error-message" role="alert">{t('outcome.loadError')}</p>}
      <div className="chat-panel" ref={panel}>
        {view === 'help' ? (
          <HelpPanel t={t} lines={data.help} onClose={() => send({ type: 'help.close' })} />
        ) : (
          <StepPanel t={t} words={words} data={data} view={view} parent={snapshot} phase={activePhase}
            promptId={lastBotLine ? `line-${lastBotLine.id}` : 'chat-heading'} send={send} />
        )}
      </div>
      <div className="chat-tools">
        {view !== 'confirmRestart' && (
          <button type="button" className="button button--secondary" onClick={() => send({ type: 'restart.ask' })}>{t('common.startAgain')}</button>
        )}
      </div>
    </section>
  );
}

function lineText(line: Line, t: Translate): string {
  if (line.from === 'bot') return t(line.key, line.vars, line.variant);
  if (line.text !== undefined) return line.text;
  if (line.keys) return line.keys.map((key) => t(key, line.vars, line.variant)).join(', ');
  return line.key ? t(line.key, line.vars, line.variant) : '';
}
