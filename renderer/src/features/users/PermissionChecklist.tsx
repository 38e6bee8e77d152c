import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import type { Permission } from '../../../../shared/domain/permissions';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { PERMISSION_GROUPS } from './permission-groups';

type PermissionChecklistProps = {
  value: readonly Permission[];
  disabled?: boolean;
  onChange(next: Permission[]): void;
};

/** Checkboxes grouped by domain; a group's own box ticks or clears the whole group. */
export function PermissionChecklist({ value, disabled, onChange }: PermissionChecklistProps) {
  const t = useT();
  const has = (permission: Permission) => value.includes(permission);
  const set = (permissions: readonly Permission[], on: boolean) => {
    const rest = value.filter((permission) => !permissions.includes(permission));
    onChange(on ? [...rest, ...permissions] : rest);
  };

  return (
    <Box
      sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '1fr 1fr 1fr' } }}
      data-testid="permission-checklist"
    >
      {PERMISSION_GROUPS.map(({ group, permissions }) => {
        const count = permissions.filter(has).length;
        return (
          <Box key={group} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, px: 1.5, py: 1 }}>
            <FormControlLabel
              label={<Typography sx={{ fontWeight: 650 }}>{t(`permGroup.${group}`)}</Typography>}
              control={
                <Checkbox
                  size="small"
                  checked={count === permissions.length}
                  indeterminate={count > 0 && count < permissions.length}
                  disabled={disabled}
                  onChange={(event) => set(permissions, event.target.checked)}
                  slotProps={{ input: testId(`perm-group-${group}`) }}
                />
              }
            />
            <Box sx={{ display: 'flex', flexDirection: 'column', pl: 3 }}>
              {permissions.map((permission) => (
                <FormControlLabel
                  key={permission}
                  label={<Typography variant="body2">{t(`perm.${permission}`)}</Typography>}
                  control={
                    <Checkbox
                      size="small"
                      checked={has(permission)}
                      disabled={disabled}
                      onChange={(event) => set([permission], event.target.checked)}
                      slotProps={{ input: testId(`perm-${permission}`) }}
                    />
                  }
                />
              ))}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
