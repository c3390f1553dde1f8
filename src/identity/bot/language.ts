/**
 * «språk nynorsk» / «mål nynorsk» / «language english»: a person's own choice of language,
 * saved for every card the app writes to them later (also proactive ones). The order stays the
 * one in src/platform/i18n/locale.ts (resolveLocale); where that puts the Teams client's language
 * first, the choice decides only when Teams runs in a language we do not offer (German, say),
 * and the answer says so. The answer is in the new language.
 */
import { adaptiveCard, commandButton, text, type AdaptiveCard } from '../../shared/cards/card.js';
import { messageCard } from '../../shared/cards/notice.js';
import { sendCard } from '../../shared/bot/reply.js';
import type { Command, CommandContext } from '../../shared/bot/routes.js';
import { currentLocale, inLocale } from '../../platform/i18n/context.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { localeOfActor } from '../locale.js';
import { t } from '../messages.js';
import { savePreferredLocale } from '../sql/locale.js';

/** What may follow the command word, in any of the three languages: a language, or «auto» to clear. */
const choices: Readonly<Record<string, Locale | null>> = {
  bokmål: 'nb',
  bokmal: 'nb',
  nb: 'nb',
  norsk: 'nb',
  nynorsk: 'nn',
  nn: 'nn',
  english: 'en',
  engelsk: 'en',
  en: 'en',
  automatisk: null,
  auto: null,
  automatic: null,
};

const languageName = (locale: Locale) => t(`languageCommand.names.${locale}`);

/** Parses the argument: a Locale, null for «automatic», undefined for something else. */
export function parseLanguageChoice(args: string): Locale | null | undefined {
  const word = args.trim().toLocaleLowerCase('nb-NO');
  return Object.hasOwn(choices, word) ? choices[word] : undefined;
}

/** The current language and one button per choice, each in the reader's language. */
function languageCard(saved: Locale | null | undefined): AdaptiveCard {
  const word = t('languageCommand.word');
  const current = saved
    ? t('languageCommand.currentSaved', { language: languageName(currentLocale()), saved: languageName(saved) })
    : t('languageCommand.current', { language: languageName(currentLocale()) });
  const fallback = `${t('languageCommand.title')}: ${current} ${t('languageCommand.how')}`;
  const card = adaptiveCard(
    [text(t('languageCommand.title'), { size: 'Medium', weight: 'Bolder', style: 'heading' }), text(current), text(t('languageCommand.how'), { isSubtle: true })],
    [
      // Each button shows its language in that language's own words, as language pickers do.
      commandButton('Bokmål', `${word} bokmål`), // i18n-ignore (a language's own name)
      commandButton('Nynorsk', `${word} nynorsk`), // i18n-ignore (a language's own name)
      commandButton('English', `${word} english`), // i18n-ignore (a language's own name)
      commandButton(t('languageCommand.buttonAuto'), `${word} auto`),
    ],
    fallback,
  );
  return { ...card, speak: fallback } as AdaptiveCard;
}

async function chooseLanguage(ctx: CommandContext): Promise<void> {
  if (!ctx.args.trim()) {
    await sendCard(ctx, languageCard(ctx.actor.savedLocale));
    return;
  }
  const choice = parseLanguageChoice(ctx.args);
  if (choice === undefined) {
    await sendCard(ctx, messageCard(t('languageCommand.unknownTitle'), t('languageCommand.unknown', { input: ctx.args.trim().slice(0, 40) }), 'attention'));
    return;
  }
  if (!ctx.actor.memberId) {
    await sendCard(ctx, messageCard(t('languageCommand.title'), t('languageCommand.notRegistered'), 'attention'));
    return;
  }
  await savePreferredLocale(ctx.deps.db, ctx.actor.memberId, choice);
  const teams = ctx.turn.activity.locale;
  // The answer in the language chosen; «automatic» answers in what the app now picks for them.
  const answerIn = choice ?? localeOfActor({ ...ctx.actor, savedLocale: null }, teams);
  // Should the order of sources put Teams before the choice, say so when Teams will win here.
  const next = localeOfActor({ ...ctx.actor, savedLocale: choice }, teams);
  const card = inLocale(answerIn, () => {
    const note = choice && next !== choice ? ` ${t('languageCommand.teamsFirst', { teams: languageName(next) })}` : '';
    return choice
      ? messageCard(t('languageCommand.savedTitle'), t('languageCommand.saved', { language: languageName(choice) }) + note)
      : messageCard(t('languageCommand.clearedTitle'), t('languageCommand.cleared', { language: languageName(answerIn) }));
  });
  await sendCard(ctx, card);
}

export const languageCommands: readonly Command[] = [
  {
    verb: 'språk', // i18n-ignore (the command word)
    aliases: ['språk', 'mål', 'målform', 'language', 'sprak'], // i18n-ignore (command words)
    get description() {
      return t('languageCommand.description');
    },
    get word() {
      return t('languageCommand.word');
    },
    audience: 'anyone',
    run: chooseLanguage,
  },
];

