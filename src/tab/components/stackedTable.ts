import { visuallyHidden } from './visuallyHidden.js';
import { makeStyles, tokens } from '@fluentui/react-components';

/** Below this width a table's rows become stacked blocks, each cell led by its column name. */
export const STACK_BELOW = '(max-width: 600px)';

/**
 * For lists in table form (polls, planned reminders): at 320 px a five-column table cannot fit
 * without sideways scrolling or words running into the next column (WCAG 1.4.10). Give each
 * `<td>` a `data-label` with its column name; the header row is then kept for screen readers only.
 */
export const useStackedTableStyles = makeStyles({
  table: {
    [`@media ${STACK_BELOW}`]: {
      minWidth: 0,
      '& thead': { display: 'block', ...visuallyHidden },
      '& tr': {
        display: 'block',
        height: 'auto',
        paddingBlock: tokens.spacingVerticalS,
        paddingInline: tokens.spacingHorizontalS,
        borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      },
      '& td': { display: 'block', height: 'auto', minHeight: 'auto', paddingBlock: tokens.spacingVerticalXXS, border: 0 },
      '& td[data-label]::before': {
        content: 'attr(data-label) ": "',
        fontWeight: tokens.fontWeightSemibold,
      },
    },
  },
});
