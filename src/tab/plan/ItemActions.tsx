import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../api-types.js';

export type ItemAction = 'edit' | 'duplicate' | 'delete';

/** A facilitator's buttons for one item: «Rediger» right there, the rest in a menu (narrow panes). */
export function ItemActions({ item, onAction }: { item: PlanItem; onAction(action: ItemAction, item: PlanItem): void }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      <Button size="small" onClick={() => onAction('edit', item)} aria-label={t('editor.editItem', { title: item.title })}>
        {t('editor.edit')}
      </Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" aria-label={t('editor.moreFor', { title: item.title })}>
            {t('editor.more')}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => onAction('duplicate', item)}>{t('editor.duplicate')}</MenuItem>
            <MenuItem onClick={() => onAction('delete', item)}>{t('editor.delete')}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
