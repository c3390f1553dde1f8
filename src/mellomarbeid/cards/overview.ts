import { formatDue } from '../../shared/due.js';
import { isDelivered, isOverdue, workStatusLabel, type Assignment, type MunicipalityWork } from '../domain/mellomarbeid.js';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from '../../shared/cards/card.js';
import { heading } from '../../shared/cards/execute.js';
import { t } from '../messages.js';

/** Facilitators and coordinators: every assignment with each municipality's status, in words. */
export function workOverviewCard(networkName: string, assignments: Assignment[], work: MunicipalityWork[], now: Date): AdaptiveCard {
  const title = t('overview.heading', { network: networkName });
  const body: CardElement[] = [heading(title)];
  const lines: string[] = [];
  if (assignments.length === 0) {
    body.push(text(t('overview.empty')));
    return adaptiveCard(body, [], t('overview.emptyFallback', { network: networkName }));
  }
  for (const a of assignments) {
    const rows = work.filter((w) => w.assignmentId === a.id);
    const done = rows.filter((w) => isDelivered(w.status)).length;
    body.push(
      text(a.title, { weight: 'Bolder', spacing: 'Large' }),
      text(t('overview.progress', { due: formatDue(a.dueAt), done, total: rows.length }), { isSubtle: true, spacing: 'None' }),
      {
        type: 'FactSet',
        facts: rows.map((w) => ({
          title: w.municipalityName,
          value: isOverdue(a.dueAt, w.status, now) ? t('overview.overdue', { status: workStatusLabel[w.status] }) : workStatusLabel[w.status],
        })),
      },
    );
    lines.push(t('overview.line', { title: a.title, done, total: rows.length }));
  }
  body.push(text(t('overview.hint'), { isSubtle: true }));
  return adaptiveCard(body, [], `${title}\n${lines.join('\n')}`);
}
