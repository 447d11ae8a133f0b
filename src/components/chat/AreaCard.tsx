import { telHref } from '../../lib/format.ts';
import { areaPath } from '../../lib/paths.ts';
import type { AreaFacts } from '../../../machines/area-facts.ts';
import type { ChatData } from './StepPanel.tsx';
import type { Translate } from './words.ts';


/** An area's own facts: its provider and contacts, local notes, or who to ask when no provider is known. */
export function AreaCard({ t, area, data, sensitive = false, compact = false, heading }: {
  t: Translate;
  area: AreaFacts;
  data: ChatData;
  sensitive?: boolean;
  compact?: boolean;
  heading?: string;
}) {
  const { provider } = area;
  const national = data.help.filter((line) => line.id === 'victim-support' || line.id === 'why-me');
  const specialist = data.help.filter((line) => ['national-domestic-abuse-helpline', 'rape-crisis', 'stop-hate-uk', 'samaritans'].includes(line.id));
  return (
    <div className="area-card">
      <h3>{heading ?? t('outcome.contactsHeading')}</h3>
      {provider ? (
        <>
          <p><strong>{provider.service ?? provider.name}</strong>{provider.service ? ` (${provider.name})` : ''}</p>
          <ul className="contact-list">
            {provider.phones.map((phone) => <li key={phone.number}>{phone.label}: <a href={telHref(phone.number)}>{phone.number}</a></li>)}
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
      {!compact && (!provider || sensitive) && (
        <>
          <h4>{t('outcome.nationalHeading')}</h4>
          <ul>
            {[...national, ...(sensitive ? specialist : [])].map((line) => (
              <li key={line.id}><strong>{line.name}</strong>{line.number ? <>: <a href={telHref(line.number)}>{line.number}</a></> : null}. {line.purpose}.</li>
            ))}
          </ul>
        </>
      )}
      <p><a href={areaPath(area)}>{t('outcome.areaPage', { area: area.name })}</a></p>
    </div>
  );
}
