import { phoneText, telHref } from '../../lib/format.ts';
import type { HelpLine } from './StepPanel.tsx';
import type { Translate } from './words.ts';


/** "I need help now": 999 with text relay, 101, and the help lines; the conversation waits underneath. */
export function HelpPanel({ t, lines, onClose }: { t: Translate; lines: HelpLine[]; onClose: () => void }) {
  const helpLines = lines.filter((line) => line.number && !['emergency', 'police-non-emergency'].includes(line.id));
  return (
    <section className="panel panel--warning chat-help" aria-labelledby="chat-help-heading">
      <h3 id="chat-help-heading" tabIndex={-1} data-focus>{t('help.heading')}</h3>
      <p><strong>{t('help.emergency')}</strong> <a href="tel:999" className="callout-number">999</a></p>
      <p>{t('help.relay')}</p>
      <p>{t('help.silent')}</p>
      <p>{t('help.nonEmergency')}</p>
      <h4>{t('help.linesHeading')}</h4>
      <ul>
        {helpLines.map((line) => (
          <li key={line.id}><strong>{line.name}</strong>: <a href={telHref(line.number ?? '')}>{phoneText(line.number ?? '')}</a>. {line.purpose}.</li>
        ))}
      </ul>
      <p><a href="/get-help/">{t('help.allHelp')}</a></p>
      <button type="button" className="button" onClick={onClose}>{t('help.close')}</button>
    </section>
  );
}
