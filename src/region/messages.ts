import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/** The region overview's server texts: refusals of its routes and the words it sends the tab. */
export const t = defineMessages('region', { nb, nn, en });
