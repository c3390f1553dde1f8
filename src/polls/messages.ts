import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** The polls' texts: cards, bot replies, refusals, the tab API's errors and the export headings. */
export const t = defineMessages('polls', { nb, nn, en });
