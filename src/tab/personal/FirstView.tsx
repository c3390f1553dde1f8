import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/States.js';
import { useQueryParam } from '../hooks.js';
import { firstView, useViewAccess } from './access.js';
import { useDeepLinkedItem } from '../plan/deep-link.js';

/**
 * Chooses the view a tab opened without `?view=` starts on: a deltaker's channel tab opens on
 * her own tasks, everyone else's on the plan (issue 13); a link to a plan item opens the plan. Shown only for the moment that takes.
 */
export function FirstView({ onChosen }: { onChosen(view: string): void }) {
  const { t } = useTranslation();
  const networkId = useQueryParam('network');
  const { access, loaded } = useViewAccess();
  // A link to a plan item («Åpne i fanen», a shared item) opens the plan, whoever follows it.
  const linkedItem = useDeepLinkedItem();
  useEffect(() => {
    if (loaded) onChosen(linkedItem ? 'plan' : firstView(access, networkId));
  }, [loaded, access, networkId, linkedItem]);
  return <Loading label={t('personal.choosingView')} />;
}
