import { makeStyles, tokens } from '@fluentui/react-components';

/** The look shared by the pane's small forms (Tạo mẫu, Tạo kế hoạch). */
export const useFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // minmax(0, …): Fluent's Dropdown asks for 250 px, more than half of a 320 px pane.
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalS },
  fill: { minWidth: 0, width: '100%' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  // Hints are lighter than values, so an example never reads as something already filled in.
  hint: { color: tokens.colorNeutralForeground3 },
  /** A picker's option: the name, and its details on a second line. */
  choice: { display: 'flex', flexDirection: 'column' },
});
