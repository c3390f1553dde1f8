import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../components/visuallyHidden.js';

/** Shared layout of the admin sections: stacked, wrapping rows so 320 px never scrolls sideways. */
export const useAdminStyles = makeStyles({
  hidden: { ...visuallyHidden },
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, minWidth: '12rem', maxWidth: '100%' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  listItem: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  table: { width: '100%', borderCollapse: 'collapse' },
  th: { textAlign: 'start', padding: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  td: { padding: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'middle', overflowWrap: 'anywhere' },
  // Below 640 px each member is a card: the header row hides and every cell says what it is.
  stacked: {
    '@media (max-width: 640px)': {
      '& thead': { ...visuallyHidden },
      '& tr': { display: 'block', marginBottom: tokens.spacingVerticalM, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
      '& td': { display: 'block', borderBottom: 'none' },
      '& td[data-label]::before': { content: 'attr(data-label)', display: 'block', fontWeight: tokens.fontWeightSemibold },
    },
  },
});
