import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useEffect, useState, type FormEvent } from 'react';
import type { User } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { NO_FILTERS, type AuditFilters } from './audit-store';

type AuditFilterBarProps = { onApply(filters: AuditFilters): void };

/** User, entity and a date range (calendar days in the branch's time zone). Enter applies. */
export function AuditFilterBar({ onApply }: AuditFilterBarProps) {
  const t = useT();
  const canListUsers = useCan('users.view');
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [users, setUsers] = useState<User[]>([]);

  useEffect(() => {
    // Audit viewers without users.view still filter by entity and date; the user list needs users.view.
    if (!canListUsers) return;
    let live = true;
    void call('users.list', {}, { quiet: true }).then((result) => {
      if (live && result.ok) setUsers(result.data);
    });
    return () => {
      live = false;
    };
  }, [canListUsers]);

  const change = (patch: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        sx={{
          display: 'grid',
          gap: 2,
          alignItems: 'start',
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: '1.2fr 1.2fr 1fr 1fr auto' },
        }}
      >
        {canListUsers ? (
          <TextField
            select
            size="small"
            label={t('audit.filter.user')}
            value={filters.userId}
            onChange={(event) => change({ userId: event.target.value })}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'audit-filter-user' },
            }}
          >
            <option value="">{t('common.all')}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.username})
              </option>
            ))}
          </TextField>
        ) : null}
        <TextField
          size="small"
          label={t('audit.filter.entity')}
          value={filters.entity}
          onChange={(event) => change({ entity: event.target.value })}
          placeholder={t('audit.filter.entityHelp')}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'audit-filter-entity', maxLength: 60 },
          }}
        />
        <TextField
          size="small"
          type="date"
          label={t('audit.filter.from')}
          value={filters.from}
          onChange={(event) => change({ from: event.target.value })}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'audit-filter-from', max: filters.to || undefined },
          }}
        />
        <TextField
          size="small"
          type="date"
          label={t('audit.filter.to')}
          value={filters.to}
          onChange={(event) => change({ to: event.target.value })}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'audit-filter-to', min: filters.from || undefined },
          }}
        />
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button type="submit" variant="contained" data-testid="audit-filter-apply">
            {t('audit.filter.apply')}
          </Button>
          <Button
            onClick={() => {
              setFilters(NO_FILTERS);
              onApply(NO_FILTERS);
            }}
            data-testid="audit-filter-reset"
          >
            {t('audit.filter.reset')}
          </Button>
        </Box>
      </Box>
    </Paper>
  );
}
