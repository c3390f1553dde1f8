import { parse, type ApiRoute } from '../../shared/api/context.js';
import { currentLocale } from '../../platform/i18n/context.js';
import { fail, ok } from '../../shared/result.js';
import type { LanguageResponse } from '../contract.js';
import { languageSchema } from '../input.js';
import { savePreferredLocale } from '../sql/locale.js';
import { t } from '../messages.js';

/** The person's own choice of language: kept for cards sent to them later, not just this tab. */
export const languageRoutes: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/me/language',
    async handle(ctx) {
      return ok<LanguageResponse>({ saved: ctx.actor.savedLocale ?? null, effective: currentLocale() });
    },
  },
  {
    method: 'put',
    path: '/api/me/language',
    async handle(ctx, { body }) {
      const input = parse(languageSchema, body, t('language.subject'));
      if (!input.ok) return input;
      if (!ctx.actor.memberId) return fail('ingen-tilgang', t('language.notRegistered'));
      await savePreferredLocale(ctx.db, ctx.actor.memberId, input.value.language);
      return ok<LanguageResponse>({ saved: input.value.language, effective: input.value.language ?? currentLocale() });
    },
  },
];
