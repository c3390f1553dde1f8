import { locales } from '../platform/i18n/locale.js';
import { z } from '../shared/validation.js';
import { t } from './messages.js';

/** PUT /api/me/language; the message is read in the caller's language when a request is checked. */
export const languageSchema = z.object({ language: z.enum(locales, { error: () => t('language.invalid') }).nullable() });
