// The drag-and-drop layer (map-dnd.tsx, dnd-kit) as the board hands it to its items once it has
// loaded; null before the first drag (see dnd-on-demand.tsx).
import { createContext, useContext } from 'react';
import type * as MapDnd from './map-dnd';

export type DndKit = typeof MapDnd;
export const DndKitContext = createContext<DndKit | null>(null);
export const useDndKit = () => useContext(DndKitContext);
