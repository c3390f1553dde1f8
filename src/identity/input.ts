import { locales } from '../shared/i18n/locale.js';
import { z } from '../shared/validation.js';

/** PUT /api/me/language */
export const languageSchema = z.object({ language: z.enum(locales).nullable() });
