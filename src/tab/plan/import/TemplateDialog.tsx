import { Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateTimeFields.js';
import { ErrorBar, Loading } from '../../components/States.js';
import { formatDate, parseDay } from '../../format.js';
import { useAsync } from '../../hooks.js';
import { planImportApi } from './api.js';
import { ImportDialog } from './ImportDialog.js';
import type { ImportState } from './useImport.js';
import type { PlanImportRequest } from '../../api-types.js';

const loadTemplates = (networkId: string, signal: AbortSignal) => planImportApi.templates(networkId, signal);

/** «Start fra mal»: a template and the date its first item moves to; the gaps between items stay. */
export function TemplateDialog({ networkId, open, state, onClose }: { networkId: string; open: boolean; state: ImportState; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [templates, retry] = useAsync(open ? networkId : null, loadTemplates);
  const [templateId, setTemplateId] = useState('');
  const [startDate, setStartDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const dateInput = useRef<HTMLInputElement>(null);

  const list = templates.status === 'ready' ? templates.data.templates : [];
  const chosen = list.find((x) => x.id === templateId) ?? list[0];
  useEffect(() => {
    if (state.errorField === 'startDate') dateInput.current?.focus();
  }, [state.errorField]);

  function request(): PlanImportRequest | null {
    const label = t('planImport.template.startDate');
    const day = parseDay(startDate);
    const problem = !startDate.trim() ? t('fields.required', { label }) : !day ? t('fields.dateInvalid', { label }) : null;
    setDateError(problem);
    if (problem || !chosen) {
      dateInput.current?.focus();
      return null;
    }
    return { source: 'template', templateId: chosen.id, startDate: day! };
  }

  const serverDateError = state.errorField === 'startDate' ? state.error : null;
  return (
    <ImportDialog open={open} title={t('planImport.template.title')} state={state} request={request} showRows={false} selectable onClose={onClose}>
      <Text>{t('planImport.template.intro')}</Text>
      {templates.status === 'loading' && <Loading label={t('planImport.template.loading')} />}
      {templates.status === 'error' && <ErrorBar error={templates.error} onRetry={retry} />}
      {chosen && (
        <>
          <Field label={t('planImport.template.template')} hint={`${chosen.description} ${t('planImport.template.count', { count: chosen.itemCount })}`} required>
            <Select
              value={chosen.id}
              onChange={(_e, d) => {
                setTemplateId(d.value);
                state.invalidate();
              }}
            >
              {list.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
          <DateField
            label={t('planImport.template.startDate')}
            hint={t('planImport.template.startDateHint', {
              date: `${formatDate(`${chosen.firstDate}T12:00:00Z`, i18n.language, 'Europe/Oslo')} ${chosen.firstDate.slice(0, 4)}`,
            })}
            required
            value={startDate}
            onChange={(v) => {
              setStartDate(v);
              setDateError(null);
              state.invalidate();
            }}
            error={dateError ?? serverDateError}
            inputRef={dateInput}
          />
        </>
      )}
    </ImportDialog>
  );
}
