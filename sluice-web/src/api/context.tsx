import { createContext, useContext } from 'react';
import { SluiceApi } from './client';

export const ApiContext = createContext<SluiceApi>(new SluiceApi());

export function useApi() {
  return useContext(ApiContext);
}
