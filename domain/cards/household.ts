// OCPP 1.6 §7.24 IdTagInfo.parentIdTag: a charger lets any card with the same parent stop a session (§3.4.1:
// "the same group"). Every card of an account gets the account's, so one member of a household can end another's
// session at the reader. Derived from the account id (72 of its bits, hex), so it is stable, needs no column, and
// fits IdToken's 20 characters; a card's own tag is never an account's parent by accident in practice.
export function accountParentIdTag(accountId: string): string {
  return `CW-${accountId.replace(/-/g, '').slice(0, 17).toUpperCase()}`;
}
