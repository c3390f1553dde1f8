import { Link, Text } from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format.js';
import { StatusChip } from '../work/StatusChip.js';
import type { PersonalWork } from '../api-types.js';
import { usePersonalStyles } from './styles.js';

/** The municipality's mellomarbeid: its status, what was delivered (to reread), and the feedback. */
export function WorkSection({ work, timeZone, showNetwork }: { work: PersonalWork[]; timeZone: string; showNetwork: boolean }) {
  const { t, i18n } = useTranslation();
  const s = usePersonalStyles();
  const headingId = useId();
  const municipality = work[0]?.municipalityName;
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading}>
        {municipality ? t('personal.work.titleFor', { municipality }) : t('personal.work.title')}
      </h2>
      {work.length === 0 ? (
        <Text>{t('personal.work.empty')}</Text>
      ) : (
        <ul className={s.list}>
          {work.map((w) => (
            <li key={`${w.networkId}-${w.assignmentId}`} className={s.card}>
              <h3 className={s.title}>{w.title}</h3>
              <div className={s.meta}>
                <Text>{t('work.due', { when: formatDateTime(w.dueAt, i18n.language, timeZone) })}</Text>
                {w.planItemTitle && <Text>{t('reflections.tiedTo', { title: w.planItemTitle })}</Text>}
                {showNetwork && <Text>{w.networkName}</Text>}
              </div>
              <StatusChip status={w.status} overdue={w.overdue} />
              {w.description && <Text className={s.hint}>{w.description}</Text>}
              {w.submissionText || w.submissionUrl ? (
                <div>
                  <p className={s.label}>
                    {w.deliveredAt
                      ? t('personal.work.deliveredAt', { when: formatDateTime(w.deliveredAt, i18n.language, timeZone) })
                      : t('personal.work.draft')}
                  </p>
                  {w.submissionText && <p className={s.quote}>{w.submissionText}</p>}
                  {w.submissionUrl && (
                    <Link href={w.submissionUrl} target="_blank" rel="noopener noreferrer">
                      {t('work.openDocument')}
                    </Link>
                  )}
                </div>
              ) : (
                <Text>{t('personal.work.nothingYet')}</Text>
              )}
              {w.feedback && (
                <div>
                  <p className={s.label}>{t('work.feedbackFrom')}</p>
                  <p className={s.quote}>{w.feedback}</p>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
