import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@mui/icons-material/KeyboardArrowRight';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { AuditDiff } from './AuditDiff';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export function AuditRow({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  return (
    <>
      <TableRow
        hover
        data-testid={`audit-row-${entry.seq}`}
        sx={{ '& > td': { borderBottom: open ? 'none' : undefined } }}
      >
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            onClick={() => setOpen((shown) => !shown)}
            aria-label={t('audit.showChanges')}
            aria-expanded={open}
            data-testid={`audit-expand-${entry.seq}`}
          >
            {open ? <KeyboardArrowDownIcon fontSize="small" /> : <KeyboardArrowRightIcon fontSize="small" />}
          </IconButton>
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</TableCell>
        <TableCell>{entry.username ?? t('common.system')}</TableCell>
        <TableCell>
          <Typography variant="body2" sx={{ fontFamily: MONO }}>
            {entry.channel}
          </Typography>
        </TableCell>
        <TableCell>
          {entry.entity}
          {entry.entityId ? (
            <Typography
              component="span"
              variant="caption"
              color="text.secondary"
              sx={{ ml: 1, fontFamily: MONO }}
            >
              {entry.entityId.slice(-8)}
            </Typography>
          ) : null}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={5} sx={{ py: 0, borderBottom: open ? undefined : 'none' }}>
          <Collapse in={open} timeout="auto" unmountOnExit>
            <AuditDiff before={entry.before} after={entry.after} />
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
