import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { ReactNode } from 'react';
import type { TranslationKey } from '../i18n/id';
import { useT } from '../i18n/use-t';
import { PageHeader } from './PageHeader';

export type ScreenTab<K extends string> = { tab: K; label: TranslationKey };

type TabbedScreenProps<K extends string> = {
  title: string;
  subtitle?: string;
  /** Test ids: `<testId>-tab-<tab>` on each tab and `<testId>-panel-<tab>` on the panel. */
  testId: string;
  /** Test id of the whole screen, when tests look for it. */
  screenTestId?: string;
  tabs: readonly ScreenTab<K>[];
  value: K;
  onChange: (next: K) => void;
  /** The current tab's content. */
  children: ReactNode;
};

/** A screen made of a page header, a row of tabs and the current tab's panel. */
export function TabbedScreen<K extends string>({
  title,
  subtitle,
  testId,
  screenTestId,
  tabs,
  value,
  onChange,
  children,
}: TabbedScreenProps<K>) {
  const t = useT();
  return (
    <Box data-testid={screenTestId}>
      <PageHeader title={title} subtitle={subtitle} />
      <Paper variant="outlined">
        <Tabs
          value={value}
          onChange={(_event, next: K) => onChange(next)}
          variant="scrollable"
          scrollButtons="auto"
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          {tabs.map((entry) => (
            <Tab
              key={entry.tab}
              value={entry.tab}
              label={t(entry.label)}
              data-testid={`${testId}-tab-${entry.tab}`}
            />
          ))}
        </Tabs>
        <Box sx={{ p: 2 }} data-testid={`${testId}-panel-${value}`}>
          {children}
        </Box>
      </Paper>
    </Box>
  );
}
