import { Badge, Button, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { KIND_COLOR } from '../components/PlanTable.js';
import { WhenText } from '../components/WhenText.js';
import { openInTeams } from '../teams.js';
import { AddToCalendar } from '../calendar/AddToCalendar.js';
import type { PersonalSession } from '../api-types.js';
import { usePersonalStyles } from './styles.js';

/** «Mine neste samlinger»: when, how, and the way in; in several networks, whose. */
export function SessionsSection({ sessions, timeZone, inTeams, showNetwork }: { sessions: PersonalSession[]; timeZone: string; inTeams: boolean; showNetwork: boolean }) {
  const { t } = useTranslation();
  const s = usePersonalStyles();
  const headingId = useId();
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <div className={s.actions}>
        <h2 id={headingId} className={s.heading}>
          {t('personal.sessions.title')}
        </h2>
        {/* One feed of all her networks' sessions and deadlines, kept up to date (src/tab/calendar). */}
        <AddToCalendar scope={{ kind: 'personal' }} />
      </div>
      {sessions.length === 0 ? (
        <Text>{t('personal.sessions.empty')}</Text>
      ) : (
        <ul className={s.list}>
          {sessions.map((session) => (
            <li key={`${session.networkId}-${session.item.id}`} className={s.card}>
              <p className={s.cardHead}>
                <Text as="span" size={400} weight="semibold">
                  {session.item.title}
                </Text>
                <Badge appearance="tint" shape="rounded" color={KIND_COLOR[session.item.kind]}>
                  {t(`shared:label.kind.${session.item.kind}`)}
                </Badge>
              </p>
              <div className={s.meta}>
                <WhenText startsAt={session.startsAt} endsAt={session.endsAt} timeZone={timeZone} inline />
                <Text>{t(`shared:label.format.${session.item.format}`)}</Text>
                {showNetwork && <Text>{session.networkName}</Text>}
              </div>
              <div className={s.actions}>
                {session.item.meetingUrl && (
                  <Button
                    as="a"
                    appearance="primary"
                    href={session.item.meetingUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={t('personal.sessions.joinLabel', { title: session.item.title })}
                    onClick={(e) => {
                      if (!inTeams) return;
                      e.preventDefault();
                      openInTeams(session.item.meetingUrl!);
                    }}
                  >
                    {t('plan.join')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
