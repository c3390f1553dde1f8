import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** Calendar feeds: the names and texts inside the ICS, and the tab API's refusals. */
export const t = defineMessages('calendar', { nb, nn, en });
