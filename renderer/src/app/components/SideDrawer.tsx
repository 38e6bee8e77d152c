import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import type { ReactNode } from 'react';

type SideDrawerProps = {
  /** Paper width from the small breakpoint up; full width below it. */
  width: number;
  testId: string;
  onClose(): void;
  children: ReactNode;
};

/** A record's detail drawer on the right, padded and scrolling. */
export function SideDrawer({ width, testId, onClose, children }: SideDrawerProps) {
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      // Above the app bar, which sits over the permanent navigation drawer.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: width } } } }}
    >
      <Box sx={{ p: 2.5, overflow: 'auto' }} data-testid={testId}>
        {children}
      </Box>
    </Drawer>
  );
}
