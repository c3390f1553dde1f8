import {
  FluentProvider,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MainNav, rememberView } from './components/MainNav.js';
import { AuthGate } from './components/SignIn.js';
import { useMediaQuery, useQueryParam } from './hooks.js';
import { onTeamsThemeChange, type Host, type ThemeName } from './teams.js';
import { ConfigView } from './views/ConfigView.js';
import { NetworkView } from './views/NetworkView.js';
import { PlanView } from './views/PlanView.js';
import { PollsView } from './views/PollsView.js';
import { RemindersView } from './views/RemindersView.js';

const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    maxWidth: '1100px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
});

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
  // The plan stays the default view; «Målinger» and later views are chosen in the nav.
  const [view, setView] = useState(initialView ?? 'plan');
  const chooseView = (next: string) => {
    setView(next);
    rememberView(next);
  };

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.name');
    document.documentElement.style.colorScheme = theme === 'light' ? 'light' : 'dark';
  }, [i18n.language, t, theme]);

  return (
    <FluentProvider theme={THEMES[theme]} className={s.root}>
      <main className={s.main}>
        <AuthGate host={host}>
          {() =>
            view === 'config' ? (
              <ConfigView host={host} />
            ) : (
              <>
                <MainNav value={view} onChange={chooseView} />
                {view === 'nettverk' ? (
                  <NetworkView host={host} />
                ) : view === 'paminnelser' ? (
                  <RemindersView host={host} />
                ) : view === 'malinger' ? (
                  <PollsView host={host} />
                ) : (
                  <PlanView host={host} />
                )}
              </>
            )
          }
        </AuthGate>
      </main>
    </FluentProvider>
  );
}
