import { useEffect, useState } from 'react';
import { teamsSdk } from '../teams.js';

const SUB_ENTITY = /^plan-item-([0-9a-f-]{36})$/i;

/**
 * The plan item the tab was opened at: `?item=<id>`, or a Teams deep link's sub-entity
 * (`plan-item-<id>`, which Teams hands over as the context's page.subPageId).
 */
export function useDeepLinkedItem(): string | null {
  const [itemId, setItemId] = useState<string | null>(() => new URLSearchParams(window.location.search).get('item'));
  useEffect(() => {
    if (itemId) return;
    const sdk = teamsSdk();
    if (!sdk) return;
    sdk.app.getContext().then(
      (context) => {
        const sub = context.page?.subPageId ?? '';
        const m = SUB_ENTITY.exec(sub);
        if (m) setItemId(m[1]!);
      },
      () => undefined,
    );
  }, []);
  return itemId;
}
