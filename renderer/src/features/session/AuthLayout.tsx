import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { BrandMark } from '../../app/components/BrandMark';
import { useT } from '../../app/i18n/use-t';
import { LanguageSwitch } from '../../app/shell/LanguageSwitch';
import { ThemeToggle } from '../../app/shell/ThemeToggle';

type AuthLayoutProps = {
  title: string;
  subtitle: string;
  testId: string;
  maxWidth?: number;
  children: ReactNode;
};

/** The frame of the screens before the shell: first-run wizard, login, lock. */
export function AuthLayout({ title, subtitle, testId, maxWidth = 440, children }: AuthLayoutProps) {
  const t = useT();
  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        bgcolor: 'background.default',
        backgroundImage: (theme) =>
          `radial-gradient(1200px 600px at 10% -10%, ${theme.palette.primary.main}22, transparent 60%),` +
          `radial-gradient(900px 500px at 110% 110%, ${theme.palette.secondary.main}18, transparent 60%)`,
      }}
    >
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 0.5, p: 2 }}>
        <LanguageSwitch />
        <ThemeToggle />
      </Box>
      <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', px: 2, pb: 8 }}>
        <Card
          data-testid={testId}
          sx={{ width: '100%', maxWidth, boxShadow: '0 12px 40px rgba(15, 23, 42, 0.08)' }}
        >
          <CardContent sx={{ p: { xs: 3, sm: 4 }, '&:last-child': { pb: { xs: 3, sm: 4 } } }}>
            <BrandMark size="large" />
            <Typography variant="h5" component="h1" sx={{ mt: 3 }}>
              {title}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 3 }}>
              {subtitle}
            </Typography>
            {children}
          </CardContent>
        </Card>
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ mt: 3, textAlign: 'center', maxWidth: 420 }}
        >
          {t('app.tagline')}
        </Typography>
      </Box>
    </Box>
  );
}
