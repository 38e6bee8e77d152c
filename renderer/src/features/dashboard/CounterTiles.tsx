import Inventory2Icon from '@mui/icons-material/Inventory2';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import ShoppingBagIcon from '@mui/icons-material/ShoppingBag';
import type { DashboardSummary } from '../../../../shared/contract/dashboard.contract';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { DashboardTile, TileLine } from './DashboardTile';

/** Today's sales, this till's shift and low stock — each tile only when its section came back. */
export function CounterTiles({ summary }: { summary: DashboardSummary }) {
  const t = useT();
  const format = useFormat();
  const { sales, stock } = summary;
  return (
    <>
      {sales ? (
        <DashboardTile
          name="sales"
          icon={<ShoppingBagIcon />}
          title={t('dashboard.sales.title')}
          value={format.rupiah(sales.total)}
          route="pos"
          tone={sales.count > 0 ? 'good' : 'neutral'}
          details={
            sales.count === 0 && sales.voided === 0 ? (
              <TileLine>{t('dashboard.sales.none')}</TileLine>
            ) : (
              <>
                <TileLine testId="dashboard-sales-count">
                  {t('dashboard.sales.count', { n: format.number(sales.count) })}
                  {sales.voided > 0
                    ? ` · ${t('dashboard.sales.voided', { n: format.number(sales.voided) })}`
                    : ''}
                </TileLine>
                {sales.byMethod.map((method) => (
                  <TileLine key={method.method} testId={`dashboard-sales-method-${method.method}`}>
                    {t(`pay.method.${method.method}`)}: {format.rupiah(method.amount)}
                  </TileLine>
                ))}
                {sales.refunds > 0 ? (
                  <TileLine tone="warning">
                    {t('dashboard.sales.refunds', { amount: format.rupiah(sales.refunds) })}
                  </TileLine>
                ) : null}
              </>
            )
          }
        />
      ) : null}
      {sales ? (
        <DashboardTile
          name="shift"
          icon={<PointOfSaleIcon />}
          title={t('dashboard.shift.title')}
          value={sales.shift ? format.rupiah(sales.shift.expectedCash) : t('dashboard.shift.closedShort')}
          route="pos"
          tone={sales.shift ? 'good' : 'warning'}
          details={
            sales.shift ? (
              <>
                <TileLine>{t('dashboard.shift.expected')}</TileLine>
                <TileLine>
                  {t('dashboard.shift.open', { number: sales.shift.number, cashier: sales.shift.cashier })}
                </TileLine>
                <TileLine>
                  {t('dashboard.shift.since', { time: format.dateTime(sales.shift.openedAt) })}
                </TileLine>
              </>
            ) : (
              <>
                <TileLine tone="warning">{t('dashboard.shift.closed')}</TileLine>
                <TileLine>{t('dashboard.shift.closedHint')}</TileLine>
              </>
            )
          }
        />
      ) : null}
      {stock ? (
        <DashboardTile
          name="stock"
          icon={<Inventory2Icon />}
          title={t('dashboard.stock.title')}
          value={format.number(stock.low)}
          route="inventory"
          tone={stock.low > 0 ? 'warning' : 'good'}
          details={
            <TileLine>{stock.low > 0 ? t('dashboard.stock.low') : t('dashboard.stock.none')}</TileLine>
          }
        />
      ) : null}
    </>
  );
}
