import { create } from 'zustand';
import type { ChannelInput, Shift, Warehouse } from '../../../../shared/contract/index';
import { call, type CallOutcome } from '../../app/errors/call';
import { useSessionStore } from '../session/session-store';
import { useCartStore } from './cart-store';
import { forgetHits } from './hit-cache';
import { focusSearch } from './search-focus';

/** The till's dialogs; while one is open the counter's shortcuts stay out of its way. */
export type PosDialog =
  | 'pay'
  | 'receipt'
  | 'hold'
  | 'held'
  | 'customer'
  | 'cartDiscount'
  | 'lineDiscount'
  | 'shift'
  | 'history'
  | 'clear'
  | 'billing'
  | null;

type PosState = {
  shift: Shift | null;
  /** False until the first answer: the gate shows a spinner, not "open a shift", meanwhile. */
  shiftLoaded: boolean;
  warehouses: Warehouse[];
  heldCount: number;
  dialog: PosDialog;
  /** The line whose discount dialog is open. */
  discountLine: number;
  loadShift(): Promise<void>;
  openShift(input: ChannelInput<'pos.shifts.open'>): Promise<CallOutcome<Shift>>;
  setShift(shift: Shift | null): void;
  loadWarehouses(): Promise<void>;
  refreshHeldCount(): Promise<void>;
  openDialog(dialog: Exclude<PosDialog, null>, discountLine?: number): void;
  closeDialog(): void;
};

export const usePosStore = create<PosState>()((set) => ({
  shift: null,
  shiftLoaded: false,
  warehouses: [],
  heldCount: 0,
  dialog: null,
  discountLine: -1,
  async loadShift() {
    const result = await call('pos.shifts.current', {});
    if (result.ok) set({ shift: result.data, shiftLoaded: true });
    else set({ shiftLoaded: true });
  },
  async openShift(input) {
    const result = await call('pos.shifts.open', input, { form: ['warehouseId', 'openingFloat'] });
    if (result.ok) set({ shift: result.data });
    return result;
  },
  setShift(shift) {
    set({ shift });
  },
  async loadWarehouses() {
    const result = await call('inventory.warehouses.list', {}, { quiet: true });
    if (result.ok) set({ warehouses: result.data });
  },
  async refreshHeldCount() {
    const result = await call('pos.carts.list', {}, { quiet: true });
    if (result.ok) set({ heldCount: result.data.length });
  },
  openDialog(dialog, discountLine = -1) {
    set({ dialog, discountLine });
  },
  closeDialog() {
    set({ dialog: null, discountLine: -1 });
    focusSearch();
  },
}));

// A new sign-in (maybe another cashier) starts with an empty cart and asks the core for the shift again.
useSessionStore.subscribe((state, previous) => {
  if (state.generation === previous.generation) return;
  useCartStore.getState().clear();
  forgetHits();
  usePosStore.setState({ shift: null, shiftLoaded: false, dialog: null, discountLine: -1, heldCount: 0 });
});
