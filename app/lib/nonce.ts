// The Content-Security-Policy nonce of the page being rendered on the server; undefined in the
// browser, where React keeps the server's attribute.
import { createContext, useContext } from 'react';

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce() {
  return useContext(NonceContext);
}
