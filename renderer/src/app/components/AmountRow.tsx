import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

type AmountRowProps = {
  label: string;
  value: string;
  /** The row that sums the others up (total, balance). */
  strong?: boolean;
  testId?: string;
};

/** One line of a money summary: the label on the left, the amount on the right. */
export function AmountRow({ label, value, strong, testId }: AmountRowProps) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <Typography
        variant="body2"
        color={strong ? 'text.primary' : 'text.secondary'}
        sx={{ fontWeight: strong ? 700 : 400 }}
      >
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: strong ? 800 : 500 }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}
