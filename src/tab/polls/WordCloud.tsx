import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  cloud: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  word: { color: tokens.colorNeutralForeground1, lineHeight: 1.2 },
  count: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginInlineStart: tokens.spacingHorizontalXXS },
});

const SIZES = ['14px', '16px', '20px', '24px', '30px'];

/** Open-text answers: the most used words sized by use, each with its count in text. */
export function WordCloud({ words, labelledBy }: { words: { word: string; count: number }[]; labelledBy?: string }) {
  const { t } = useTranslation();
  const s = useStyles();
  const top = words[0]?.count ?? 1;
  return (
    <ul className={s.cloud} aria-labelledby={labelledBy}>
      {words.slice(0, 40).map((w) => {
        const step = top <= 1 ? 1 : Math.round(((w.count - 1) / (top - 1)) * (SIZES.length - 1));
        return (
          <li key={w.word} className={s.word} style={{ fontSize: SIZES[step], fontWeight: step >= 3 ? 600 : 400 }}>
            <span aria-label={t('polls.results.wordValue', { word: w.word, count: w.count })}>
              {w.word}
              <span className={s.count} aria-hidden="true">
                ({w.count})
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
