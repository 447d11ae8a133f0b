import { phoneText, telHref } from '../../lib/format.ts';
import { areaPath } from '../../lib/paths.ts';
import { nationalServiceIds } from '../../lib/national-services.ts';
import type { AreaFacts } from '../../../machines/area-facts.ts';
import type { ChatData } from './StepPanel.tsx';
import type { Translate } from './words.ts';

/**
 * An area's own facts: its provider and contacts, local notes, the national services where no local
 * route exists (or where the outcome promises them: support when nobody has been found), and, for
 * sensitive cases, the help lines that fit what happened (`specialist`: ids from the rules'
 * helpLinesFor). `focus` makes its heading where focus goes when it is shown.
 */
export function AreaCard({ t, area, data, specialist = [], support = false, compact = false, focus = false, heading }: {
  t: Translate;
  area: AreaFacts;
  data: ChatData;
  specialist?: readonly string[];
  support?: boolean;
  compact?: boolean;
  focus?: boolean;
  heading?: string;
}) {
  const { provider } = area;
  const national = nationalServiceIds.flatMap((id) => data.help.filter((line) => line.id === id));
  const lines = specialist.flatMap((id) => data.help.filter((line) => line.id === id));
  return (
    <div className="area-card">
      {/* When it takes focus, the line that points to it ("Their details are below") stays in view above it. */}
      {focus ? <h3 tabIndex={-1} data-focus data-show-lines>{heading ?? t('outcome.contactsHeading')}</h3> : <h3>{heading ?? t('outcome.contactsHeading')}</h3>}
      {provider ? (
        <>
          <p><strong>{provider.service ?? provider.name}</strong>{provider.service ? ` (${provider.name})` : ''}</p>
          <ul className="contact-list">
            {provider.phones.map((phone) => <li key={phone.number}>{phone.label}: <a href={telHref(phone.number)}>{phoneText(phone.number)}</a></li>)}
            {provider.emails.map((email) => <li key={email.address}>{email.label}: <a href={`mailto:${email.address}`}>{email.address}</a></li>)}
            {provider.website && <li><a href={provider.website.url}>{provider.website.label}</a></li>}
            {provider.selfReferral && <li><a href={provider.selfReferral.url}>{provider.selfReferral.label}</a></li>}
          </ul>
        </>
      ) : (
        <p>{area.commissioner.website ? <a href={area.commissioner.website.url}>{area.commissioner.name}</a> : area.commissioner.name}</p>
      )}
      {!compact && area.notes.length > 0 && (
        <>
          <h4>{t('outcome.notesHeading')}</h4>
          <ul>{area.notes.map((note) => <li key={note}>{note}</li>)}</ul>
        </>
      )}
      {(!provider || area.route !== 'local' || support) && (
        <>
          <h4>{t('outcome.nationalHeading')}</h4>
          <HelpList lines={national} />
        </>
      )}
      {!compact && lines.length > 0 && (
        <>
          <h4>{t('outcome.specialistHeading')}</h4>
          <HelpList lines={lines} />
        </>
      )}
      <p><a href={areaPath(area)}>{t('outcome.areaPage', { area: area.name })}</a></p>
    </div>
  );
}

function HelpList({ lines }: { lines: ChatData['help'] }) {
  return (
    <ul className="contact-list">
      {lines.map((line) => (
        <li key={line.id}>
          <strong>{line.name}</strong>
          {line.number ? <>: <a href={telHref(line.number)}>{phoneText(line.number)}</a></> : null}
          {line.email ? <>: <a href={`mailto:${line.email}`}>{line.email}</a></> : null}. {line.purpose}.
          {line.hours ? ` ${line.hours}.` : null}
          {line.alternatives?.map((alternative) => ` ${alternative}.`).join('')}
        </li>
      ))}
    </ul>
  );
}
