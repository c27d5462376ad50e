import { authorizeAtCharger } from '../../../../domain/data/charger-traffic/cards';
import { toIdTokenInfo } from './id-token-info';
import type { V201Handler } from './types';

// The token's value is the card's tag whatever its type (ISO14443 UID, eMAID, a key code…).
export const authorize: V201Handler<'Authorize'> = async ({ charger, db, store }, request) => {
  const authorization = await authorizeAtCharger(db, charger, request.idToken.idToken, store);
  return { idTokenInfo: toIdTokenInfo(authorization) };
};
