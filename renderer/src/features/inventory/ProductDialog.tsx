import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import type { ChannelInput, Product } from '../../../../shared/contract/index';
import { isValidGtin } from '../../../../shared/domain/barcode';
import type { FieldErrors } from '../../../../shared/domain/errors';
import type { TaxMode } from '../../../../shared/domain/tax';
import { IntegerField } from '../../app/components/IntegerField';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { formatAttributes, parseAttributes } from './attributes';
import { CategoryDialog } from './CategoryDialog';
import { useInventoryStore } from './inventory-store';

type Variant = {
  key: number;
  id?: string;
  attributes: string;
  sku: string;
  barcode: string;
  price: number | null;
  cost: number | null;
  negativePolicy: 'block' | 'allow';
  lowStockThreshold: number | null;
  archived: boolean;
};

type ItemInput = NonNullable<ChannelInput<'catalog.products.update'>['items']>[number];

const TAX_MODES: readonly TaxMode[] = ['included', 'excluded', 'exempt'];
const SKU = /^[A-Za-z0-9._\-/]{1,64}$/;
const BARCODE = /^[A-Za-z0-9-]{4,48}$/;

function emptyVariant(key: number): Variant {
  return {
    key,
    attributes: '',
    sku: '',
    barcode: '',
    price: null,
    cost: null,
    negativePolicy: 'block',
    lowStockThreshold: 0,
    archived: false,
  };
}

/** Create or edit a product and its variants (one item each: SKU, barcode, price, cost, policy, threshold). */
export function ProductDialog({
  product,
  onClose,
  onSaved,
}: {
  product: Product | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const categories = useInventoryStore((state) => state.categories);
  const nextKey = useRef(product?.items.length ?? 1);
  const [name, setName] = useState(product?.name ?? '');
  const [categoryId, setCategoryId] = useState(product?.categoryId ?? '');
  const [unit, setUnit] = useState(product?.unit ?? 'pcs');
  const [taxMode, setTaxMode] = useState<TaxMode>(product?.taxMode ?? 'included');
  const [tags, setTags] = useState(product?.tags.join(', ') ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [variants, setVariants] = useState<Variant[]>(
    product
      ? product.items.map((item, index) => ({
          key: index,
          id: item.id,
          attributes: formatAttributes(item.attributes),
          sku: item.sku,
          barcode: item.barcode ?? '',
          price: item.price,
          cost: item.cost,
          negativePolicy: item.negativePolicy,
          lowStockThreshold: item.lowStockThreshold,
          archived: item.archived,
        }))
      : [emptyVariant(0)],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [addingCategory, setAddingCategory] = useState(false);

  const update = (key: number, patch: Partial<Variant>) =>
    setVariants((current) =>
      current.map((variant) => (variant.key === key ? { ...variant, ...patch } : variant)),
    );
  const cell = (index: number, field: string) => errors[`items.${index}.${field}`];

  const validate = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('validation.required');
    if (!unit.trim()) found.unit = t('validation.required');
    const skus = new Set<string>();
    variants.forEach((variant, i) => {
      const sku = variant.sku.trim().toUpperCase();
      if (sku === '') found[`items.${i}.sku`] = t('validation.required');
      else if (!SKU.test(sku)) found[`items.${i}.sku`] = t('validation.sku');
      else if (skus.has(sku)) found[`items.${i}.sku`] = t('validation.skuTwice');
      skus.add(sku);
      const barcode = variant.barcode.trim();
      if (barcode && !BARCODE.test(barcode)) found[`items.${i}.barcode`] = t('validation.barcode');
      else if (/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(barcode) && !isValidGtin(barcode)) {
        found[`items.${i}.barcode`] = t('validation.checkDigit');
      }
      if (variant.price === null) found[`items.${i}.price`] = t('validation.required');
      if (parseAttributes(variant.attributes) === null)
        found[`items.${i}.attributes`] = t('validation.attributes');
    });
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const items: ItemInput[] = variants.map((variant) => ({
      ...(variant.id ? { id: variant.id } : {}),
      sku: variant.sku.trim().toUpperCase(),
      barcode: variant.barcode.trim() || null,
      attributes: parseAttributes(variant.attributes) ?? {},
      price: variant.price ?? 0,
      ...(variant.cost !== null ? { cost: variant.cost } : {}),
      negativePolicy: variant.negativePolicy,
      lowStockThreshold: variant.lowStockThreshold ?? 0,
      ...(variant.id ? { archived: variant.archived } : {}),
    }));
    const fields = {
      name: name.trim(),
      categoryId: categoryId || null,
      unit: unit.trim(),
      taxMode,
      tags: tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      description,
    };
    const form = [
      'name',
      'categoryId',
      'unit',
      'tags',
      'items',
      ...variants.flatMap((_, i) =>
        ['sku', 'barcode', 'price', 'attributes'].map((field) => `items.${i}.${field}`),
      ),
    ];
    setBusy(true);
    const result = product
      ? await call('catalog.products.update', { id: product.id, ...fields, items }, { form })
      : await call('catalog.products.create', { ...fields, items }, { form });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t(product ? 'products.updated' : 'products.created', { name: result.data.name }), 'success');
    onSaved();
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="lg" fullWidth data-testid="product-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>
          {product ? t('products.editTitle', { name: product.name }) : t('products.createTitle')}
        </DialogTitle>
        <DialogContent dividers>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr 1fr 1fr' } }}>
            <TextField
              label={t('products.field.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={Boolean(errors.name)}
              helperText={errors.name}
              autoFocus
              slotProps={{ htmlInput: { maxLength: 120, 'data-testid': 'product-name' } }}
            />
            <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start' }}>
              <TextField
                select
                label={t('products.category')}
                value={categoryId}
                onChange={(event) => setCategoryId(event.target.value)}
                error={Boolean(errors.categoryId)}
                helperText={errors.categoryId}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'product-category' },
                }}
              >
                <option value="">{t('products.noCategory')}</option>
                {categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.name}
                  </option>
                ))}
              </TextField>
              <Tooltip title={t('products.addCategory')}>
                <IconButton onClick={() => setAddingCategory(true)} sx={{ mt: 1 }}>
                  <AddIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            </Box>
            <TextField
              label={t('products.field.unit')}
              value={unit}
              onChange={(event) => setUnit(event.target.value)}
              error={Boolean(errors.unit)}
              helperText={errors.unit ?? t('products.field.unitHelp')}
              slotProps={{ htmlInput: { maxLength: 20, 'data-testid': 'product-unit' } }}
            />
            <TextField
              select
              label={t('products.field.taxMode')}
              value={taxMode}
              onChange={(event) => setTaxMode(event.target.value as TaxMode)}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'product-tax-mode' },
              }}
            >
              {TAX_MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`tax.${mode}`)}
                </option>
              ))}
            </TextField>
            <TextField
              label={t('products.field.tags')}
              value={tags}
              onChange={(event) => setTags(event.target.value)}
              error={Boolean(errors.tags)}
              helperText={errors.tags ?? t('products.field.tagsHelp')}
              sx={{ gridColumn: { md: 'span 2' } }}
              slotProps={{ htmlInput: { 'data-testid': 'product-tags' } }}
            />
            <TextField
              label={t('products.field.description')}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              sx={{ gridColumn: { md: 'span 2' } }}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
          </Box>

          <Box sx={{ display: 'flex', alignItems: 'center', mt: 3, mb: 1 }}>
            <Typography variant="subtitle1" sx={{ fontWeight: 700, flex: 1 }}>
              {t('products.variantsTitle')}
            </Typography>
            <Button
              startIcon={<AddIcon />}
              onClick={() => setVariants((current) => [...current, emptyVariant(nextKey.current++)])}
              data-testid="product-add-variant"
            >
              {t('products.addVariant')}
            </Button>
          </Box>
          {errors.items ? (
            <Typography color="error" variant="body2" sx={{ mb: 1 }}>
              {errors.items}
            </Typography>
          ) : null}
          <TableContainer>
            <Table
              size="small"
              data-testid="product-variants"
              sx={{ '& td': { verticalAlign: 'top', px: 0.75 } }}
            >
              <TableHead>
                <TableRow>
                  <TableCell>{t('products.col.attributes')}</TableCell>
                  <TableCell>SKU</TableCell>
                  <TableCell>{t('products.col.barcode')}</TableCell>
                  <TableCell>{t('products.col.price')}</TableCell>
                  <TableCell>{t('products.col.cost')}</TableCell>
                  <TableCell>{t('products.col.negative')}</TableCell>
                  <TableCell>{t('products.col.lowStock')}</TableCell>
                  <TableCell>{product ? t('products.col.archived') : ''}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {variants.map((variant, i) => (
                  <TableRow key={variant.key} sx={{ opacity: variant.archived ? 0.55 : 1 }}>
                    <TableCell sx={{ minWidth: 170 }}>
                      <TextField
                        size="small"
                        placeholder={t('products.attributesPlaceholder')}
                        value={variant.attributes}
                        onChange={(event) => update(variant.key, { attributes: event.target.value })}
                        error={Boolean(cell(i, 'attributes'))}
                        helperText={cell(i, 'attributes')}
                        slotProps={{ htmlInput: { 'data-testid': `variant-${i}-attributes` } }}
                      />
                    </TableCell>
                    <TableCell sx={{ minWidth: 140 }}>
                      <TextField
                        size="small"
                        value={variant.sku}
                        onChange={(event) => update(variant.key, { sku: event.target.value.toUpperCase() })}
                        error={Boolean(cell(i, 'sku'))}
                        helperText={cell(i, 'sku')}
                        slotProps={{
                          htmlInput: { maxLength: 64, 'data-testid': `variant-${i}-sku`, spellCheck: false },
                        }}
                      />
                    </TableCell>
                    <TableCell sx={{ minWidth: 160 }}>
                      <TextField
                        size="small"
                        value={variant.barcode}
                        onChange={(event) => update(variant.key, { barcode: event.target.value.trim() })}
                        error={Boolean(cell(i, 'barcode'))}
                        helperText={cell(i, 'barcode')}
                        slotProps={{
                          htmlInput: {
                            maxLength: 48,
                            'data-testid': `variant-${i}-barcode`,
                            inputMode: 'numeric',
                          },
                        }}
                      />
                    </TableCell>
                    <TableCell sx={{ minWidth: 130 }}>
                      <MoneyField
                        size="small"
                        value={variant.price}
                        onChange={(price) => update(variant.key, { price })}
                        error={Boolean(cell(i, 'price'))}
                        helperText={cell(i, 'price')}
                        testId={`variant-${i}-price`}
                      />
                    </TableCell>
                    <TableCell sx={{ minWidth: 130 }}>
                      <MoneyField
                        size="small"
                        value={variant.cost}
                        onChange={(cost) => update(variant.key, { cost })}
                        testId={`variant-${i}-cost`}
                      />
                    </TableCell>
                    <TableCell sx={{ minWidth: 120 }}>
                      <TextField
                        select
                        size="small"
                        value={variant.negativePolicy}
                        onChange={(event) =>
                          update(variant.key, {
                            negativePolicy: event.target.value === 'allow' ? 'allow' : 'block',
                          })
                        }
                        slotProps={{
                          select: { native: true },
                          inputLabel: { shrink: true },
                          htmlInput: { 'data-testid': `variant-${i}-negative` },
                        }}
                      >
                        <option value="block">{t('products.negative.block')}</option>
                        <option value="allow">{t('products.negative.allow')}</option>
                      </TextField>
                    </TableCell>
                    <TableCell sx={{ width: 90 }}>
                      <IntegerField
                        size="small"
                        value={variant.lowStockThreshold}
                        onChange={(lowStockThreshold) => update(variant.key, { lowStockThreshold })}
                        max={1_000_000}
                        testId={`variant-${i}-threshold`}
                      />
                    </TableCell>
                    <TableCell sx={{ width: 56 }}>
                      {variant.id ? (
                        <Checkbox
                          checked={variant.archived}
                          onChange={(event) => update(variant.key, { archived: event.target.checked })}
                          slotProps={{
                            input: {
                              ...testId(`variant-${i}-archived`),
                              'aria-label': t('products.col.archived'),
                            },
                          }}
                        />
                      ) : variants.length > 1 ? (
                        <IconButton
                          size="small"
                          aria-label={t('common.delete')}
                          onClick={() =>
                            setVariants((current) => current.filter((other) => other.key !== variant.key))
                          }
                        >
                          <CloseIcon fontSize="small" />
                        </IconButton>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {t('products.variantsHelp')}
          </Typography>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="product-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
      {addingCategory ? (
        <CategoryDialog
          onClose={() => setAddingCategory(false)}
          onCreated={(category) => setCategoryId(category.id)}
        />
      ) : null}
    </Dialog>
  );
}
