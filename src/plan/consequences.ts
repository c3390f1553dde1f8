/** The consequences of a plan change as sentences for the tab's preview, in the reader's language. */
import { formatDateTime, formatList } from '../platform/i18n/format.js';
import type { PlanConsequences } from './contract.js';
import { t } from './messages.js';

// Enough to see where they land; a long list says «and N more».
const MAX_TIMES = 4;

function times(isos: readonly string[]): string {
  const shown = isos.slice(0, MAX_TIMES).map((s) => formatDateTime(new Date(s)));
  if (isos.length > MAX_TIMES) shown.push(t('preview.more', { count: isos.length - MAX_TIMES }));
  return formatList(shown);
}

const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : '');

export function describeConsequences(c: PlanConsequences): string[] {
  const lines: string[] = [];
  const r = c.reminders;
  if (c.action === 'delete') {
    if (r.cancelled > 0) lines.push(t('preview.remindersCancelled', { count: r.cancelled }));
    for (const m of c.mellomarbeid) {
      lines.push(t('preview.mellomarbeidDeleted', { title: m.title, count: m.municipalities, updated: m.updatedMunicipalities }));
    }
    if (c.followerReminders.cancelled > 0) lines.push(t('preview.followerRemindersCancelled', { count: c.followerReminders.cancelled }));
    for (const p of c.polls) lines.push(t('preview.pollUnlinked', { title: p.title }));
    for (const f of c.reflections) lines.push(t('preview.reflectionUnlinked', { title: f.title }));
  } else {
    if (r.moved > 0) lines.push(t('preview.remindersMoved', { count: r.moved, times: times(r.after) }));
    if (r.created > 0) lines.push(t('preview.remindersCreated', { count: r.created, times: times(r.after) }));
    if (r.cancelled > 0) lines.push(t('preview.remindersCancelled', { count: r.cancelled }));
    for (const p of c.polls) {
      if (p.change === 'moved') lines.push(t('preview.pollMoved', { title: p.title, to: when(p.to) }));
      else if (c.shiftMinutes !== 0 && p.from) lines.push(t('preview.pollKept', { title: p.title }));
    }
    for (const f of c.reflections) {
      if (f.change === 'moved') lines.push(t('preview.reflectionMoved', { title: f.title, to: when(f.to) }));
      else if (c.shiftMinutes !== 0) lines.push(t('preview.deadlineKept', { title: f.title }));
    }
    for (const m of c.mellomarbeid) {
      if (m.change === 'moved') lines.push(t('preview.mellomarbeidMoved', { title: m.title, to: when(m.to) }));
      else if (c.shiftMinutes !== 0) lines.push(t('preview.deadlineKept', { title: m.title }));
    }
    const fr = c.followerReminders;
    if (fr.moved + fr.created > 0) lines.push(t('preview.followerRemindersMoved', { count: fr.moved + fr.created }));
  }
  if (lines.length === 0) lines.push(t('preview.nothing'));
  return lines;
}
