import StorefrontIcon from '@mui/icons-material/Storefront';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

type BrandMarkProps = { size?: 'small' | 'large'; subtitle?: string };

/** The Gerai mark: a stall icon on a teal tile, and the name. */
export function BrandMark({ size = 'small', subtitle }: BrandMarkProps) {
  const tile = size === 'large' ? 44 : 32;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, minWidth: 0 }}>
      <Box
        aria-hidden
        sx={{
          width: tile,
          height: tile,
          borderRadius: 2,
          flexShrink: 0,
          display: 'grid',
          placeItems: 'center',
          color: 'primary.contrastText',
          background: (theme) =>
            `linear-gradient(135deg, ${theme.palette.primary.main}, ${theme.palette.primary.dark})`,
        }}
      >
        <StorefrontIcon fontSize={size === 'large' ? 'medium' : 'small'} />
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography
          variant={size === 'large' ? 'h5' : 'h6'}
          component="div"
          sx={{ lineHeight: 1.1, fontWeight: 800 }}
        >
          Gerai
        </Typography>
        {subtitle ? (
          <Typography variant="body2" color="text.secondary" noWrap data-testid="brand-subtitle">
            {subtitle}
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
}
