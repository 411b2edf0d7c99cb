import { createContext, useContext } from 'react';

export interface DeskHead {
  code: string;
  name: string;
}

/** The desk heads the inbox was told about (listFeedback), for "who resolves this". */
export const DeskHeadsContext = createContext<readonly DeskHead[]>([]);

export const useDeskHeads = () => useContext(DeskHeadsContext);
