import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { AttendanceChecklistResponse } from '../api-types.js';
import { useTranslation } from 'react-i18next';
import { ErrorBar, Loading } from '../components/States.js';
import { formatDate } from '../format.js';
import { useAsync } from '../hooks.js';
import { attendanceApi } from './api.js';
import { ChecklistPanel } from './ChecklistPanel.js';
import { ImportPanel } from './ImportPanel.js';

const useStyles = makeStyles({
  // Wide enough for the import preview; the dialog keeps to the window at 320 px.
  surface: { maxWidth: 'min(880px, calc(100vw - 24px))', width: '100%', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  tabs: { flexWrap: 'wrap' },
});

type Panel = 'checklist' | 'import';

/** One activity's attendance: the facilitator ticks who came, or imports Teams' attendance report. */
export function AttendanceDialog({ networkId, itemId, open, onClose }: { networkId: string; itemId: string; open: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const s = useStyles();
  const [panel, setPanel] = useState<Panel>('checklist');
  const [list, reload] = useAsync(`${networkId}/${itemId}`, (_key, signal) => attendanceApi.checklist(networkId, itemId, signal));
  // Kept while reloading after an import, so neither panel unmounts under the facilitator's hands.
  const [data, setData] = useState<AttendanceChecklistResponse | null>(null);
  useEffect(() => {
    if (list.status === 'ready') setData(list.data);
  }, [list]);
  const title = data ? `${data.item.title} (${formatDate(data.item.startsAt, i18n.language, data.timeZone)})` : '';

  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface className={s.surface}>
        <DialogBody>
          <DialogTitle>{t('attendance.dialogTitle', { title })}</DialogTitle>
          <DialogContent className={s.content}>
            <TabList className={s.tabs} selectedValue={panel} onTabSelect={(_e, d) => setPanel(d.value as Panel)}>
              <Tab value="checklist">{t('attendance.checklistTab')}</Tab>
              <Tab value="import">{t('attendance.importTab')}</Tab>
            </TabList>
            {list.status === 'loading' && !data && <Loading label={t('attendance.loading')} />}
            {list.status === 'error' && <ErrorBar error={list.error} onRetry={reload} />}
            {data && panel === 'checklist' && <ChecklistPanel networkId={networkId} data={data} />}
            {data && panel === 'import' && (
              <ImportPanel
                networkId={networkId}
                itemId={itemId}
                onImported={() => {
                  reload();
                }}
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {t('attendance.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
