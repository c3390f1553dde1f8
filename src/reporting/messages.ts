import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** The reporting export's sheet names, headings and fixed values, and the refusals of its period. */
export const t = defineMessages('reporting', { nb, nn, en });
