import AddIcon from '@mui/icons-material/Add';
import ArchiveIcon from '@mui/icons-material/Archive';
import CategoryIcon from '@mui/icons-material/Category';
import EditIcon from '@mui/icons-material/Edit';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Product } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { FilterBar, FilterSpacer, SelectFilter } from '../../app/components/FilterBar';
import { SearchField } from '../../app/components/SearchField';
import { TablePager } from '../../app/components/TablePager';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { CategoryDialog } from './CategoryDialog';
import { useInventoryStore } from './inventory-store';
import { ProductDialog } from './ProductDialog';

const SEARCH_LIMIT = 50;

type Page = { products: Product[]; total: number; searched: boolean };

/** Products of a search: the catalogue search finds items; their products are read one by one (≤ 50). */
async function searchProducts(query: string, archived: boolean): Promise<Page | null> {
  const hits = await call('catalog.products.search', {
    query,
    includeArchived: archived,
    limit: SEARCH_LIMIT,
  });
  if (!hits.ok) return null;
  const ids = [...new Set(hits.data.map((hit) => hit.productId))];
  const products = await Promise.all(ids.map((id) => call('catalog.products.get', { id }, { quiet: true })));
  const found = products.flatMap((result) =>
    result.ok && result.data.archived === archived ? [result.data] : [],
  );
  return { products: found, total: found.length, searched: true };
}

function priceRange(product: Product, rupiah: (value: number) => string): string {
  const prices = product.items.filter((item) => !item.archived).map((item) => item.price);
  if (prices.length === 0) return '–';
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? rupiah(low) : `${rupiah(low)} – ${rupiah(high)}`;
}

/** The catalogue, page by page from the core (100k products stay fast): search, create, edit, archive. */
export function ProductsTab() {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('inventory.manage');
  const categories = useInventoryStore((state) => state.categories);
  const [query, setQuery] = useState('');
  const wanted = useDebouncedValue(query.trim(), 250);
  const [categoryId, setCategoryId] = useState('');
  const [archived, setArchived] = useState(false);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState(25);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Product | null>(null);
  const [addingCategory, setAddingCategory] = useState(false);

  const { data, loading, reload } = useLoader(
    JSON.stringify([wanted, categoryId, archived, page, rows]),
    async (): Promise<Page | null> => {
      if (wanted) return searchProducts(wanted, archived);
      const result = await call('catalog.products.list', {
        archived,
        offset: page * rows,
        limit: rows,
        ...(categoryId ? { categoryId } : {}),
      });
      return result.ok ? { ...result.data, searched: false } : null;
    },
  );

  const afterSave = () => {
    reload();
    void useInventoryStore.getState().loadCategories();
  };

  return (
    <Box>
      <FilterBar>
        <SearchField
          label={t('products.search')}
          value={query}
          onChange={(value) => {
            setQuery(value);
            setPage(0);
          }}
          testId="products-search"
          sx={{ maxWidth: 340 }}
        />
        <SelectFilter
          label={t('products.category')}
          value={categoryId}
          onChange={(value) => {
            setCategoryId(value);
            setPage(0);
          }}
          options={categories.map((category) => ({
            value: category.id,
            label: `${category.name} (${format.number(category.productCount)})`,
          }))}
          testId="products-category"
          width={220}
          disabled={Boolean(wanted)}
        />
        <FormControlLabel
          control={
            <Switch
              checked={archived}
              onChange={(event) => {
                setArchived(event.target.checked);
                setPage(0);
              }}
              slotProps={{ input: testId('products-archived') }}
            />
          }
          label={t('products.showArchived')}
        />
        <FilterSpacer />
        {canManage ? (
          <>
            <Button
              startIcon={<CategoryIcon />}
              onClick={() => setAddingCategory(true)}
              data-testid="category-add"
            >
              {t('products.addCategory')}
            </Button>
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setEditing('new')}
              data-testid="product-add"
            >
              {t('products.add')}
            </Button>
          </>
        ) : null}
      </FilterBar>
      {data?.searched && data.total >= SEARCH_LIMIT / 2 ? (
        <Alert severity="info" sx={{ mb: 1 }}>
          {t('products.searchTop')}
        </Alert>
      ) : null}
      <TableContainer>
        <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
        <Table size="small" data-testid="products-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('products.col.name')}</TableCell>
              <TableCell>{t('products.col.skus')}</TableCell>
              <TableCell>{t('products.col.tax')}</TableCell>
              <TableCell align="right">{t('products.col.price')}</TableCell>
              {canManage ? <TableCell align="right">{t('common.actions')}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.products ?? []).map((product) => (
              <TableRow
                key={product.id}
                hover
                data-testid={`product-row-${product.items[0]?.sku ?? product.id}`}
              >
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {product.name}
                  </Typography>
                  <Box sx={{ display: 'flex', gap: 0.5, mt: 0.25, flexWrap: 'wrap' }}>
                    {product.categoryName ? (
                      <Chip size="small" label={product.categoryName} sx={{ height: 20 }} />
                    ) : null}
                    <Typography variant="caption" color="text.secondary">
                      {product.unit}
                    </Typography>
                  </Box>
                </TableCell>
                <TableCell sx={{ maxWidth: 320 }}>
                  <Typography
                    variant="body2"
                    sx={{ fontFamily: 'ui-monospace, monospace' }}
                    noWrap
                    title={product.items.map((item) => item.sku).join(', ')}
                  >
                    {product.items.map((item) => item.sku).join(', ')}
                  </Typography>
                  {product.items.length > 1 ? (
                    <Typography variant="caption" color="text.secondary">
                      {t('products.variants', { count: product.items.length })}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell>{t(`tax.${product.taxMode}`)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {priceRange(product, format.rupiah)}
                </TableCell>
                {canManage ? (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title={t('common.edit')}>
                      <IconButton
                        size="small"
                        onClick={() => setEditing(product)}
                        data-testid={`product-edit-${product.items[0]?.sku ?? ''}`}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={product.archived ? t('products.restore') : t('products.archive')}>
                      <IconButton
                        size="small"
                        color={product.archived ? 'primary' : 'error'}
                        onClick={() => setArchiving(product)}
                        data-testid={`product-archive-${product.items[0]?.sku ?? ''}`}
                      >
                        {product.archived ? (
                          <UnarchiveIcon fontSize="small" />
                        ) : (
                          <ArchiveIcon fontSize="small" />
                        )}
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!loading && data && data.products.length === 0 ? (
          <EmptyState
            icon={<Inventory2Icon />}
            title={wanted ? t('pos.search.none', { query: wanted }) : t('products.empty')}
            description={wanted ? undefined : t('products.emptyHint')}
            testId="products-empty"
          />
        ) : null}
      </TableContainer>
      {data && !data.searched ? (
        <TablePager
          count={data.total}
          page={page}
          rowsPerPage={rows}
          onPageChange={setPage}
          onRowsPerPageChange={(next) => {
            setRows(next);
            setPage(0);
          }}
        />
      ) : null}
      {editing ? (
        <ProductDialog
          product={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={afterSave}
        />
      ) : null}
      {addingCategory ? <CategoryDialog onClose={() => setAddingCategory(false)} /> : null}
      <ConfirmDialog
        open={archiving !== null}
        title={t(archiving?.archived ? 'products.restoreTitle' : 'products.archiveTitle', {
          name: archiving?.name ?? '',
        })}
        body={t(archiving?.archived ? 'products.restoreBody' : 'products.archiveBody')}
        confirmLabel={t(archiving?.archived ? 'products.restore' : 'products.archive')}
        danger={!archiving?.archived}
        testId="product-archive-dialog"
        onClose={() => setArchiving(null)}
        onConfirm={async () => {
          if (!archiving) return;
          const result = await call('catalog.products.archive', {
            id: archiving.id,
            archived: !archiving.archived,
          });
          if (result.ok) {
            notify(
              t(archiving.archived ? 'products.restored' : 'products.archived', { name: archiving.name }),
              'success',
            );
            reload();
          }
          setArchiving(null);
        }}
      />
    </Box>
  );
}
