// One way to save a move from anywhere in the board (drop, keyboard drop, move menu): a fetcher
// submission with its own key, so several saves can be in flight and each can be read back.
import { createContext, useContext } from 'react';

export const MoveSubmitContext = createContext<(form: FormData) => void>(() => {});

export function useMoveSubmit() {
  return useContext(MoveSubmitContext);
}
