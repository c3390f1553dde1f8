import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { planImportApi } from './api.js';
import type { PlanImportPreviewResponse, PlanImportRequest, PlanImportResponse } from '../../api-types.js';

export interface ImportState {
  /** The preview of `previewed`; null before the first, or after the input changed. */
  preview: PlanImportPreviewResponse | null;
  created: PlanImportResponse | null;
  error: string | null;
  /** The request field the server's refusal names («startDate», «text»). */
  errorField: string | null;
  busy: boolean;
  runPreview(body: PlanImportRequest): Promise<boolean>;
  runImport(body: PlanImportRequest): Promise<boolean>;
  /** The input changed: the preview no longer shows what would be imported. */
  invalidate(): void;
  reset(): void;
}

/** Preview, then import: the same request twice, the second only after the first was seen. */
export function useImport(networkId: string): ImportState {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<PlanImportPreviewResponse | null>(null);
  const [created, setCreated] = useState<PlanImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errorField, setErrorField] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(call: () => Promise<T>, done: (value: T) => void): Promise<boolean> {
    setBusy(true);
    setError(null);
    setErrorField(null);
    try {
      done(await call());
      return true;
    } catch (err) {
      setError(err instanceof ApiError && err.message ? err.message : t('common.errorFallback'));
      setErrorField(err instanceof ApiError ? (err.field ?? null) : null);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return {
    preview,
    created,
    error,
    errorField,
    busy,
    runPreview: (body) => run(() => planImportApi.preview(networkId, body), setPreview),
    runImport: (body) => run(() => planImportApi.import(networkId, body), setCreated),
    invalidate: () => setPreview(null),
    reset: () => {
      setPreview(null);
      setCreated(null);
      setError(null);
      setErrorField(null);
    },
  };
}
