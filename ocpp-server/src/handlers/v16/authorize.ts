import { authorizeAtCharger } from '../../../../domain/data/charger-traffic/cards';
import { toIdTagInfo } from './id-tag-info';
import type { V16Handler } from './types';

export const authorize: V16Handler<'Authorize'> = async ({ charger, db, store }, request) => {
  const authorization = await authorizeAtCharger(db, charger, request.idTag, store);
  return { idTagInfo: toIdTagInfo(authorization) };
};
