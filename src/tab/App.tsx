import {
  FluentProvider,
  makeStyles,
  mergeClasses,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MainNav, rememberView } from './components/MainNav.js';
import { AuthGate } from './components/SignIn.js';
import { FollowSavedLanguage } from './components/LanguageSwitch.js';
import { useMediaQuery, useQueryParam } from './hooks.js';
import { onTeamsThemeChange, type Host, type ThemeName } from './teams.js';
import { ConfigView } from './views/ConfigView.js';
import { NetworkView } from './views/NetworkView.js';
import { PlanView } from './views/PlanView.js';
import { PollsView } from './views/PollsView.js';
import { RemindersView } from './views/RemindersView.js';
import { AdminView } from './admin/AdminView.js';
import { RegionView } from './region/RegionView.js';
import { PersonalView } from './personal/PersonalView.js';
import { FirstView } from './personal/FirstView.js';
import { MeetingPanel } from './meeting/MeetingPanel.js';
import { StageView } from './meeting/StageView.js';
import { AnswerView } from './meeting/AnswerView.js';

const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  root: {
    color: tokens.colorNeutralForeground1,
    // Fluent gives its portals (Combobox and Menu pop-ups) the provider's class too: a full-height
    // painted portal would cover the page and take every click, so only the page itself gets these.
    '&:not([data-portal-node])': {
      minHeight: '100vh',
      backgroundColor: tokens.colorNeutralBackground2,
    },
  },
  skip: {
    position: 'absolute',
    insetInlineStart: tokens.spacingHorizontalM,
    top: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ':focus': { top: tokens.spacingVerticalS },
  },
  content: { ':focus': { outline: 'none' } },
  main: {
    maxWidth: '1100px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  // The meeting's stage is a shared screen: all of it, edge to edge.
  stage: { maxWidth: 'none', padding: 0, '@media (max-width: 600px)': { padding: 0 } },
});

const CONTENT_ID = 'innhold';

function isThemeName(v: string | null): v is ThemeName {
  return v === 'light' || v === 'dark' || v === 'contrast';
}

/** Teams decides the theme inside Teams; a plain browser follows the OS. `?theme=` wins, for testing. */
function useThemeName(host: Host): ThemeName {
  const override = useQueryParam('theme');
  const [teamsTheme, setTeamsTheme] = useState<ThemeName>(host.theme ?? 'light');
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const forcedColors = useMediaQuery('(forced-colors: active)');

  useEffect(() => {
    if (host.inTeams) onTeamsThemeChange(setTeamsTheme);
  }, [host.inTeams]);

  if (isThemeName(override)) return override;
  if (host.inTeams) return teamsTheme;
  if (forcedColors) return 'contrast';
  return prefersDark ? 'dark' : 'light';
}

export function App({ host }: { host: Host }) {
  const s = useStyles();
  const { t, i18n } = useTranslation();
  const theme = useThemeName(host);
  const initialView = useQueryParam('view');
  // Teams loads a meeting tab's page on the stage too: there it shows the results (issue 14).
  const onStage = initialView === 'stage' || host.frameContext === 'meetingStage';
  // Without `?view=`, FirstView picks it: a deltaker's own tasks, else the plan (issue 13).
  const [view, setView] = useState<string | null>(initialView);
  const chooseView = (next: string) => {
    setView(next);
    rememberView(next);
  };

  useEffect(() => {
    // The title is the view's own (PageHeader sets it).
    document.documentElement.lang = i18n.language;
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [i18n.language, theme]);

  /** The skip link moves the focus past the sign-in bar and the navigation, to the view itself. */
  const skipToContent = (e: MouseEvent) => {
    e.preventDefault();
    const target = document.getElementById(CONTENT_ID);
    target?.focus();
    target?.scrollIntoView();
  };

  return (
    <FluentProvider theme={THEMES[theme]} className={s.root}>
      <a href={`#${CONTENT_ID}`} className={s.skip} onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <div className={mergeClasses(s.main, onStage && s.stage)}>
        <AuthGate host={host}>
          {(who) => (
            <>
              <FollowSavedLanguage who={who} />
              {view === 'answer' ? (
                // The in-meeting notification's page (a dialog over the stage): the one poll, no navigation.
                <main id={CONTENT_ID} tabIndex={-1} className={s.content}>
                  <AnswerView host={host} />
                </main>
              ) : onStage ? (
                <main id={CONTENT_ID} tabIndex={-1} className={s.content}>
                  <StageView host={host} />
                </main>
              ) : view === 'meeting' ? (
                <main id={CONTENT_ID} tabIndex={-1} className={s.content}>
                  <MeetingPanel host={host} />
                </main>
              ) : view === null ? (
                <FirstView onChosen={chooseView} />
              ) : view === 'config' ? (
                <main id={CONTENT_ID} tabIndex={-1} className={s.content}>
                  <ConfigView host={host} />
                </main>
              ) : (
                <>
                  <MainNav value={view} onChange={chooseView} />
                  <main id={CONTENT_ID} tabIndex={-1} className={s.content}>
                    {view === 'personal' ? (
                      <PersonalView host={host} />
                    ) : view === 'nettverk' ? (
                      <NetworkView host={host} />
                    ) : view === 'paminnelser' ? (
                      <RemindersView host={host} />
                    ) : view === 'malinger' ? (
                      <PollsView host={host} />
                    ) : view === 'administrasjon' ? (
                      <AdminView host={host} />
                    ) : view === 'region' ? (
                      <RegionView host={host} />
                    ) : (
                      <PlanView host={host} />
                    )}
                  </main>
                </>
              )}
            </>
          )}
        </AuthGate>
      </div>
    </FluentProvider>
  );
}
