import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanPastedTable } from './api.js';
import { ImportDialog } from './ImportDialog.js';
import type { ImportState } from './useImport.js';
import type { PlanImportRequest } from '../../api-types.js';

const useStyles = makeStyles({
  example: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    tabSize: 2,
  },
  exampleHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  text: { fontFamily: tokens.fontFamilyMonospace },
});

/** «Lim inn tabell»: the rows of a plan table from Word or Excel, previewed as the server reads them. */
export function PasteDialog({ open, state, onClose }: { open: boolean; state: ImportState; onClose(): void }) {
  const { t } = useTranslation();
  const s = useStyles();
  const exampleId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const example = t('planImport.paste.example');
  useEffect(() => {
    if (state.errorField === 'text') input.current?.focus();
  }, [state.errorField]);

  function request(): PlanImportRequest | null {
    if (!text.trim()) {
      setError(t('fields.required', { label: t('planImport.paste.text') }));
      input.current?.focus();
      return null;
    }
    return { source: 'table', text: cleanPastedTable(text) };
  }

  return (
    <ImportDialog open={open} title={t('planImport.paste.title')} state={state} request={request} showRows onClose={onClose}>
      <Text>{t('planImport.paste.intro')}</Text>
      <Text>{t('planImport.paste.columns')}</Text>
      <div className={s.exampleHead}>
        <Text id={exampleId} weight="semibold">
          {t('planImport.paste.exampleTitle')}
        </Text>
        <Button
          size="small"
          onClick={() => {
            setText(example);
            setError(null);
            state.invalidate();
            input.current?.focus();
          }}
        >
          {t('planImport.paste.useExample')}
        </Button>
      </div>
      <pre className={s.example} aria-labelledby={exampleId}>
        {example}
      </pre>
      <Field
        label={t('planImport.paste.text')}
        hint={t('planImport.paste.textHint')}
        required
        validationState={error || state.errorField === 'text' ? 'error' : 'none'}
        validationMessage={error ?? (state.errorField === 'text' ? state.error : undefined)}
      >
        <Textarea
          ref={input}
          className={s.text}
          value={text}
          rows={8}
          resize="vertical"
          onChange={(_e, d) => {
            setText(d.value);
            setError(null);
            state.invalidate();
          }}
        />
      </Field>
    </ImportDialog>
  );
}
