import ConstructionIcon from '@mui/icons-material/Construction';
import Paper from '@mui/material/Paper';
import { EmptyState } from '../../app/components/EmptyState';
import { PageHeader } from '../../app/components/PageHeader';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';

type NotAvailableScreenProps = { title: TranslationKey; description: TranslationKey };

/** An honest placeholder for a screen this version does not have yet. */
export function NotAvailableScreen({ title, description }: NotAvailableScreenProps) {
  const t = useT();
  return (
    <>
      <PageHeader title={t(title)} />
      <Paper variant="outlined">
        <EmptyState
          testId="not-available"
          icon={<ConstructionIcon />}
          title={t('placeholder.title')}
          description={t(description)}
        />
      </Paper>
    </>
  );
}
