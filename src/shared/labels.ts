import { localizedRecord } from '../platform/i18n/messages.js';
import { t } from './messages.js';
import { bodyCodes, planItemFormats, planItemKinds, sectors } from './types.js';

// The words for the app's fixed codes, in the reader's language (src/shared/messages/*.json).
export const kindLabel = localizedRecord(planItemKinds, (k) => t(`label.kind.${k}`));
export const formatLabel = localizedRecord(planItemFormats, (f) => t(`label.format.${f}`));
export const bodyLabel = localizedRecord(bodyCodes, (b) => t(`label.body.${b}`));
export const sectorLabel = localizedRecord(sectors, (s) => t(`label.sector.${s}`));
