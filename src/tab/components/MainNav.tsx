import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useQueryParam } from '../hooks.js';
import { useViewAccess, viewOffered } from '../personal/access.js';

/** The tab's views, in order (the first view is chosen by src/tab/personal/FirstView.tsx). Add an entry here to add a view. */
export const MAIN_VIEWS = [
  { value: 'plan', labelKey: 'nav.plan' },
  // «Mine oppgaver» (issue 13): shown first in the bar, to everyone who is in a network.
  { value: 'personal', labelKey: 'personal.nav' },
  { value: 'malinger', labelKey: 'nav.polls' },
  { value: 'nettverk', labelKey: 'nav.network' },
  { value: 'paminnelser', labelKey: 'nav.reminders' },
  { value: 'administrasjon', labelKey: 'admin.nav' },
  // The region overview (issue 13): offered to the region's coordinators only.
  { value: 'region', labelKey: 'region.nav' },
] as const;

/** The views every role can use: offered before the caller's access has been read. */
const EVERY_ROLE = new Set<string>(['plan', 'malinger', 'nettverk']);

const useStyles = makeStyles({
  nav: { marginBottom: tokens.spacingVerticalL, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  // Wraps onto a second line in a narrow pane instead of cutting the names off (WCAG 1.4.10).
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, listStyle: 'none', margin: 0, padding: 0 },
  item: {
    whiteSpace: 'normal',
    textAlign: 'start',
    maxWidth: '100%',
    minWidth: 0,
    borderRadius: 0,
    borderBottom: `3px solid transparent`,
    paddingBlock: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
  },
  current: {
    borderBottomColor: tokens.colorCompoundBrandStroke,
    fontWeight: tokens.fontWeightSemibold,
    '@media (forced-colors: active)': { borderBottomColor: 'Highlight' },
  },
});

/**
 * Navigation between the tab's views, styled like Teams tabs. A list of buttons with
 * aria-current rather than Fluent's TabList: the views are pages, not tab panels, and
 * TabList's focus helpers (tabster dummies) fail axe's aria-hidden-focus check on every page.
 */
export function MainNav({ value, onChange }: { value: string; onChange(view: string): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  // A view the caller's role cannot use is not offered (issue 13); the one open stays listed.
  const { access, loaded } = useViewAccess();
  const networkId = useQueryParam('network');
  // Until the caller's access is known only the views every role has are shown: views may then
  // be added, never taken away under the keyboard focus of someone already tabbing through.
  const offered = MAIN_VIEWS.filter((v) => v.value === value || (loaded ? viewOffered(v.value, access, networkId) : EVERY_ROLE.has(v.value)));
  const ordered = [...offered.filter((v) => v.value === 'personal'), ...offered.filter((v) => v.value !== 'personal')];
  return (
    <nav className={s.nav} aria-label={t('nav.label')}>
      <ul className={s.list}>
        {ordered.map((v) => (
          <li key={v.value}>
            <Button
              appearance="subtle"
              className={mergeClasses(s.item, v.value === value && s.current)}
              aria-current={v.value === value ? 'page' : undefined}
              onClick={() => onChange(v.value)}
            >
              {t(v.labelKey)}
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Keeps `?view=` in step with the chosen view, so a reload or a shared link opens the same one. */
export function rememberView(view: string): void {
  const url = new URL(window.location.href);
  // Always named: without `?view=` a deltaker's tab opens on her own tasks, not the plan.
  url.searchParams.set('view', view);
  window.history.replaceState(null, '', url);
}
