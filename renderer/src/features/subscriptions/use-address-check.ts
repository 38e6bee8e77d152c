import { call } from '../../app/errors/call';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useLoader } from '../../app/use-loader';

/**
 * The live check of a static IP against the router's pools and holders (ipam.addresses.check); an
 * edited subscription passes its own id so its current address is not a conflict with itself.
 */
export function useAddressCheck(
  routerId: string,
  address: string,
  exceptSubscriptionId?: string,
): { ok: boolean; message: string | null } | null {
  const wanted = useDebouncedValue(address.trim(), 300);
  const { data } = useLoader(`address/${routerId}/${exceptSubscriptionId ?? ''}/${wanted}`, async () => {
    if (!routerId || !wanted) return null;
    const result = await call(
      'ipam.addresses.check',
      { routerId, address: wanted, ...(exceptSubscriptionId ? { exceptSubscriptionId } : {}) },
      { quiet: true },
    );
    return result.ok ? { address: wanted, ok: result.data.ok, message: result.data.message } : null;
  });
  if (!wanted || !data || data.address !== wanted) return null;
  return data;
}
