import { Button, Field, Input, MessageBar, MessageBarBody, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  date: { minWidth: '10rem' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** «Last ned rapport (Excel)» for a chosen period (empty dates: the whole programme). */
export function ReportDownload({ download }: { download(from: string, to: string): Promise<void> }) {
  const { t } = useTranslation();
  const s = useStyles();
  const headingId = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string; field?: string } | null>(null);

  async function run() {
    setBusy(true);
    setResult(null);
    try {
      await download(from, to);
      setResult({ ok: true, message: t('region.report.done') });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setResult({ ok: false, message: apiError?.message || t('common.errorFallback'), field: apiError?.field });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) => (result && !result.ok && result.field === field ? result.message : undefined);
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={s.heading}>
        {t('region.report.title')}
      </Subtitle1>
      <Text className={s.note}>{t('region.report.intro')}</Text>
      <div className={s.row}>
        <Field label={t('region.report.from')} className={s.date} validationMessage={fieldError('from')}>
          <Input type="date" value={from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label={t('region.report.to')} className={s.date} validationMessage={fieldError('to')}>
          <Input type="date" value={to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Button appearance="primary" disabled={busy} onClick={() => void run()}>
          {busy ? t('region.report.downloading') : t('region.report.download')}
        </Button>
      </div>
      {result && !result.field && (
        <MessageBar layout="multiline" intent={result.ok ? 'success' : 'error'} role={result.ok ? 'status' : 'alert'}>
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
