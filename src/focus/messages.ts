import { defineMessages } from '../platform/i18n/messages.js';
import en from './messages/en.json' with { type: 'json' };
import nb from './messages/nb.json' with { type: 'json' };
import nn from './messages/nn.json' with { type: 'json' };

/**
 * Focus areas and reform phases: the interface words only. The names of focus areas and
 * solutions are the reform's own content (src/reference), in bokmål, and are not translated.
 */
export const t = defineMessages('focus', { nb, nn, en });
