import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import GroupsIcon from '@mui/icons-material/Groups';
import SellIcon from '@mui/icons-material/Sell';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ChannelOutput, SearchHit } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { EmptyState } from '../../app/components/EmptyState';
import { IntegerField } from '../../app/components/IntegerField';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { ItemPicker } from './ItemPicker';

type PriceList = ChannelOutput<'catalog.priceLists.list'>[number];
type Price = ChannelOutput<'catalog.priceLists.prices'>[number];

function listName(t: ReturnType<typeof useT>, list: { key: string | null; name: string }): string {
  if (list.key === 'retail') return t('prices.list.retail');
  if (list.key === 'member') return t('prices.list.member');
  if (list.key === 'reseller') return t('prices.list.reseller');
  return list.name;
}

function NameDialog({
  title,
  label,
  testId,
  children,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  testId: string;
  children?: ReactNode;
  onSubmit(name: string): Promise<FieldErrors | null>;
  onClose(): void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setError(t('validation.name2'));
      return;
    }
    setBusy(true);
    const errors = await onSubmit(name.trim());
    setBusy(false);
    if (errors) setError(errors.name);
    else onClose();
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid={testId}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={label}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={Boolean(error)}
              helperText={error}
              autoFocus
              slotProps={{ htmlInput: { maxLength: 60, 'data-testid': `${testId}-name` } }}
            />
            {children}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid={`${testId}-submit`}>
            {t('common.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function SetPriceForm({ list, onSaved }: { list: PriceList; onSaved(prices: Price[]): void }) {
  const t = useT();
  const format = useFormat();
  const [item, setItem] = useState<SearchHit | null>(null);
  const [minQuantity, setMinQuantity] = useState<number | null>(1);
  const [price, setPrice] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!item) found.itemId = t('validation.required');
    if (!minQuantity) found.minQuantity = t('validation.positive');
    if (price === null) found.price = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0 || !item || !minQuantity || price === null) return;
    setBusy(true);
    const result = await call(
      'catalog.priceLists.setPrice',
      { priceListId: list.id, itemId: item.itemId, minQuantity, price },
      { form: ['itemId', 'minQuantity', 'price'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('prices.saved', { name: item.name }), 'success');
    setPrice(null);
    setMinQuantity(1);
    setItem(null);
    onSaved(result.data);
  };

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} sx={{ mb: 2 }}>
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: { xs: '1fr', md: '2fr 110px 170px auto' },
          alignItems: 'start',
        }}
      >
        {item ? (
          <TextField
            size="small"
            label={t('sale.col.item')}
            value={`${item.name} · ${format.rupiah(item.price)}`}
            onClick={() => setItem(null)}
            helperText={t('prices.changeItem')}
            slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'price-item-chosen' } }}
          />
        ) : (
          <ItemPicker size="small" label={t('sale.col.item')} testId="price-item" onPick={setItem} />
        )}
        <IntegerField
          size="small"
          label={t('prices.minQuantity')}
          value={minQuantity}
          onChange={setMinQuantity}
          error={Boolean(errors.minQuantity)}
          helperText={errors.minQuantity}
          testId="price-min-quantity"
        />
        <MoneyField
          size="small"
          label={t('prices.price')}
          value={price}
          onChange={setPrice}
          error={Boolean(errors.price)}
          helperText={errors.price}
          testId="price-value"
        />
        <Button type="submit" variant="contained" disabled={busy} data-testid="price-save">
          {t('common.save')}
        </Button>
      </Box>
      {errors.itemId ? (
        <Typography color="error" variant="caption">
          {errors.itemId}
        </Typography>
      ) : null}
    </Box>
  );
}

/** Price lists (retail, member, reseller, custom) with quantity breaks, and the customer groups that use them. */
export function PricesTab() {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('inventory.manage');
  const canSeeGroups = useCan('customers.view');
  const canManageGroups = useCan('customers.manage');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [prices, setPrices] = useState<{ listId: string; prices: Price[] } | null>(null);
  const [creatingList, setCreatingList] = useState(false);
  const [creatingGroup, setCreatingGroup] = useState(false);
  const [groupListId, setGroupListId] = useState('');

  const lists = useLoader('lists', async () => {
    const result = await call('catalog.priceLists.list', {});
    return result.ok ? result.data : null;
  });
  const selected =
    lists.data?.find((list) => list.id === selectedId) ??
    lists.data?.find((list) => list.key !== 'retail') ??
    null;
  const loadedPrices = useLoader(selected?.id ?? '', async () => {
    if (!selected) return [];
    const result = await call('catalog.priceLists.prices', { priceListId: selected.id });
    return result.ok ? result.data : null;
  });
  const shownPrices = prices && prices.listId === selected?.id ? prices.prices : (loadedPrices.data ?? []);
  const groups = useLoader(`groups-${canSeeGroups}`, async () => {
    if (!canSeeGroups) return [];
    const result = await call('catalog.customerGroups.list', {});
    return result.ok ? result.data : null;
  });

  const afterPrices = (next: Price[]) => {
    if (selected) setPrices({ listId: selected.id, prices: next });
    lists.reload();
  };

  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', md: '260px 1fr' },
        alignItems: 'start',
      }}
    >
      <Paper variant="outlined">
        <Box sx={{ display: 'flex', alignItems: 'center', px: 2, pt: 1.5 }}>
          <Typography variant="subtitle2" sx={{ fontWeight: 700, flex: 1 }}>
            {t('prices.lists')}
          </Typography>
          {canManage ? (
            <Tooltip title={t('prices.newList')}>
              <IconButton size="small" onClick={() => setCreatingList(true)} data-testid="price-list-new">
                <AddIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          ) : null}
        </Box>
        {lists.loading ? <LinearProgress /> : null}
        <List dense>
          {(lists.data ?? []).map((list) => (
            <ListItemButton
              key={list.id}
              selected={list.id === selected?.id}
              onClick={() => setSelectedId(list.id)}
              data-testid={`price-list-${list.key ?? list.name}`}
            >
              <ListItemText
                primary={listName(t, list)}
                secondary={
                  list.key === 'retail'
                    ? t('prices.retailHint')
                    : t('prices.count', { count: list.priceCount })
                }
              />
            </ListItemButton>
          ))}
        </List>
      </Paper>

      <Stack spacing={2}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          {selected ? (
            <>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
                <SellIcon color="primary" />
                <Typography variant="h6" sx={{ fontWeight: 700 }}>
                  {listName(t, selected)}
                </Typography>
              </Box>
              {selected.key === 'retail' ? (
                <Alert severity="info">{t('prices.retailExplain')}</Alert>
              ) : (
                <>
                  {canManage ? (
                    <SetPriceForm key={selected.id} list={selected} onSaved={afterPrices} />
                  ) : null}
                  {loadedPrices.loading ? <LinearProgress /> : null}
                  <Table size="small" data-testid="prices-table">
                    <TableHead>
                      <TableRow>
                        <TableCell>{t('sale.col.item')}</TableCell>
                        <TableCell align="right">{t('prices.minQuantity')}</TableCell>
                        <TableCell align="right">{t('prices.price')}</TableCell>
                        <TableCell align="right">{t('prices.retail')}</TableCell>
                        <TableCell align="right">{t('prices.difference')}</TableCell>
                        {canManage ? <TableCell /> : null}
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {shownPrices.map((price) => (
                        <TableRow
                          key={`${price.itemId}-${price.minQuantity}`}
                          data-testid={`price-row-${price.sku}-${price.minQuantity}`}
                        >
                          <TableCell>
                            <Typography variant="body2" sx={{ fontWeight: 600 }}>
                              {price.name}
                            </Typography>
                            <Typography variant="caption" color="text.secondary">
                              {price.sku}
                            </Typography>
                          </TableCell>
                          <TableCell align="right">≥ {format.number(price.minQuantity)}</TableCell>
                          <TableCell align="right" sx={{ fontWeight: 700 }}>
                            {format.rupiah(price.price)}
                          </TableCell>
                          <TableCell align="right">{format.rupiah(price.retailPrice)}</TableCell>
                          <TableCell
                            align="right"
                            sx={{
                              color: price.price < price.retailPrice ? 'success.main' : 'text.secondary',
                            }}
                          >
                            {price.retailPrice > 0
                              ? `${Math.round(((price.price - price.retailPrice) * 100) / price.retailPrice)}%`
                              : '–'}
                          </TableCell>
                          {canManage ? (
                            <TableCell align="right">
                              <IconButton
                                size="small"
                                color="error"
                                aria-label={t('common.delete')}
                                onClick={() =>
                                  void call('catalog.priceLists.setPrice', {
                                    priceListId: selected.id,
                                    itemId: price.itemId,
                                    minQuantity: price.minQuantity,
                                    price: null,
                                  }).then((result) => {
                                    if (result.ok) afterPrices(result.data);
                                  })
                                }
                              >
                                <DeleteOutlineIcon fontSize="small" />
                              </IconButton>
                            </TableCell>
                          ) : null}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                  {!loadedPrices.loading && shownPrices.length === 0 ? (
                    <EmptyState
                      icon={<SellIcon />}
                      title={t('prices.empty')}
                      description={t('prices.emptyHint')}
                    />
                  ) : null}
                </>
              )}
            </>
          ) : (
            <EmptyState icon={<SellIcon />} title={t('prices.choose')} />
          )}
        </Paper>

        {canSeeGroups ? (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
              <GroupsIcon color="primary" />
              <Typography variant="h6" sx={{ fontWeight: 700, flex: 1 }}>
                {t('groups.title')}
              </Typography>
              {canManageGroups ? (
                <Button
                  startIcon={<AddIcon />}
                  onClick={() => setCreatingGroup(true)}
                  data-testid="group-new"
                >
                  {t('groups.new')}
                </Button>
              ) : null}
            </Box>
            <Table size="small" data-testid="groups-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('groups.name')}</TableCell>
                  <TableCell>{t('groups.priceList')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(groups.data ?? []).map((group) => (
                  <TableRow key={group.id}>
                    <TableCell sx={{ fontWeight: 600 }}>{group.name}</TableCell>
                    <TableCell>
                      {group.priceListName ? (
                        <Chip size="small" label={group.priceListName} />
                      ) : (
                        t('prices.list.retail')
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {groups.data && groups.data.length === 0 ? (
              <Typography variant="body2" color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>
                {t('groups.empty')}
              </Typography>
            ) : null}
          </Paper>
        ) : null}
      </Stack>

      {creatingList ? (
        <NameDialog
          title={t('prices.newList')}
          label={t('prices.listName')}
          testId="price-list-dialog"
          onClose={() => setCreatingList(false)}
          onSubmit={async (name) => {
            const result = await call('catalog.priceLists.create', { name }, { form: ['name'] });
            if (!result.ok) return result.fields;
            setSelectedId(result.data.id);
            lists.reload();
            return null;
          }}
        />
      ) : null}
      {creatingGroup ? (
        <NameDialog
          title={t('groups.new')}
          label={t('groups.name')}
          testId="group-dialog"
          onClose={() => setCreatingGroup(false)}
          onSubmit={async (name) => {
            const result = await call(
              'catalog.customerGroups.create',
              { name, priceListId: groupListId || null },
              { form: ['name'] },
            );
            if (!result.ok) return result.fields;
            groups.reload();
            return null;
          }}
        >
          <TextField
            select
            label={t('groups.priceList')}
            value={groupListId}
            onChange={(event) => setGroupListId(event.target.value)}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'group-price-list' },
            }}
          >
            <option value="">{t('prices.list.retail')}</option>
            {(lists.data ?? [])
              .filter((list) => list.key !== 'retail')
              .map((list) => (
                <option key={list.id} value={list.id}>
                  {listName(t, list)}
                </option>
              ))}
          </TextField>
        </NameDialog>
      ) : null}
    </Box>
  );
}
