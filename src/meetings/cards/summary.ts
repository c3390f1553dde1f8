import { messageCard } from '../../shared/cards/notice.js';
import type { AdaptiveCard } from '../../shared/cards/card.js';
import { sectorLabel } from '../../shared/labels.js';
import type { Sector } from '../../shared/types.js';
import { t } from '../messages.js';

export interface MeetingSummary {
  title: string;
  /** Null when attendance could not be recorded, with the reason. */
  attendance: { bySector: { sector: Sector; count: number }[]; others: number } | { refused: string };
  closedPolls: string[];
}

/** Posted in the meeting chat when the samling's meeting ends: who came (by sector), what closed. */
export function meetingSummaryCard(s: MeetingSummary): AdaptiveCard {
  const lines: string[] = [];
  if ('refused' in s.attendance) {
    lines.push(t('summary.notRecorded', { reason: s.attendance.refused }));
  } else {
    const total = s.attendance.bySector.reduce((n, x) => n + x.count, 0);
    lines.push(total === 0 ? t('summary.nobody') : t('summary.attended', { count: total }));
    if (total > 0) {
      const sectors = s.attendance.bySector.map((x) => t('summary.sector', { sector: sectorLabel[x.sector], count: x.count })).join(', ');
      lines.push(t('summary.bySector', { sectors }));
    }
    if (s.attendance.others > 0) lines.push(t('summary.others', { count: s.attendance.others }));
  }
  if (s.closedPolls.length > 0) {
    // One question stands in the sentence's own quotes; several are listed, each quoted.
    const questions = s.closedPolls.length === 1 ? s.closedPolls[0]! : s.closedPolls.map((q) => t('summary.quoted', { question: q })).join(', ');
    lines.push(t('summary.pollsClosed', { count: s.closedPolls.length, questions }));
  }
  return messageCard(t('summary.title', { title: s.title }), lines.join(' '));
}
