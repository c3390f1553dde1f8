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
  const { access } = useViewAccess();
  const networkId = useQueryParam('network');
  const offered = MAIN_VIEWS.filter((v) => v.value === value || viewOffered(v.value, access, networkId));
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
