import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** Attendance: the check-list, the Teams report import and their refusals. */
export const t = defineMessages('attendance', { nb, nn, en });
