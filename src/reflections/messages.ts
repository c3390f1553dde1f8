import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** Reflection tasks: their cards, bot replies, refusals and the tab API's words. */
export const t = defineMessages('reflections', { nb, nn, en });
