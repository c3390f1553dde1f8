import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** Follow-up of who has not answered (issue 13): why a reminder cannot go, and what was done. */
export const t = defineMessages('followup', { nb, nn, en });
