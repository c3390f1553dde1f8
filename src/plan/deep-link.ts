/**
 * A Teams deep link to one plan item in the network's channel tab. The tab's configuration page
 * saves the tab with entityId `network-<id>` (src/tab/views/ConfigView.tsx); Teams hands
 * `subEntityId` to the tab as its context's page.subPageId, and the tab opens that item.
 */
export function planItemTabLink(teamsAppId: string, networkId: string, itemId: string, channelId: string | undefined): string {
  const context = JSON.stringify({ subEntityId: `plan-item-${itemId}`, ...(channelId ? { channelId } : {}) });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(`network-${networkId}`)}?context=${encodeURIComponent(context)}`;
}

/** The sub-entity id a deep link carries for an item, and the item id back from it. */
export const PLAN_ITEM_SUB_ENTITY = /^plan-item-([0-9a-f-]{36})$/i;
