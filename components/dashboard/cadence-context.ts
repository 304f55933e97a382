import { createContext, useContext } from 'react';
import { DEFAULT_CADENCE, type CadenceRule } from '@/lib/cadence';

/** The visit cadence policy from settings, for every view that shows a next visit or an overdue count. */
export const CadenceContext = createContext<readonly CadenceRule[]>(DEFAULT_CADENCE);
export const useCadence = (): readonly CadenceRule[] => useContext(CadenceContext);
