import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCardAction, deleteCardAction, editCardAction, setCardStatusAction } from '@/app/(app)/cards/actions';
import { syncCardsAction } from '@/app/(app)/cards/sync-actions';
import { cardLocalLists, cards, chargerCommands, chargerLocalLists } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { idle } from '@/lib/action-result';
import { getCard, listCards } from '@/domain/data/cards';
import { testDb } from '@/ocpp-server/test/helpers';
import { form, Redirected, signInAs } from './action-support';

vi.mock('@/lib/auth', () => ({ auth: vi.fn() }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/navigation', async () => {
  const { Redirected: Signal } = await import('./action-support');
  return {
    redirect: vi.fn((url: string) => {
      throw new Signal(url);
    }),
  };
});

const { db, sql } = testDb();
afterAll(() => sql.end());

async function activeUser() {
  return makeUser(db, { emailVerifiedAt: new Date() });
}

async function victimAccount() {
  const account = await makeAccount(db, { owner: await activeUser() });
  const card = await makeCard(db, { accountId: account.id, label: 'Victim card', userId: account.owner.id });
  await makeCharger(db, { accountId: account.id, isOnline: true, instanceId: 'ghost' });
  return { account, card };
}

async function attacker() {
  const user = await activeUser();
  const account = await makeAccount(db, { owner: user });
  signInAs(user);
  return { user, account };
}

const cardsOf = (accountId: string) => db.select().from(cards).where(eq(cards.accountId, accountId)).orderBy(cards.createdAt);

describe('cards actions refuse a member of another account', () => {
  let victim: Awaited<ReturnType<typeof victimAccount>>;
  let before: Awaited<ReturnType<typeof cardsOf>>;
  let intruder: Awaited<ReturnType<typeof attacker>>;

  beforeEach(async () => {
    victim = await victimAccount();
    before = await cardsOf(victim.account.id);
    intruder = await attacker();
  });

  const claim = () => ({ accountId: victim.account.id, cardId: victim.card.id });
  const ownAccountClaim = () => ({ accountId: intruder.account.id, cardId: victim.card.id });

  it('cannot add a card to the account', async () => {
    const result = await addCardAction(idle, form({ accountId: victim.account.id, kind: 'physical', idTag: 'INTRUDER01' }));
    expect(result).toMatchObject({ status: 'error', formError: 'forbidden' });
    expect(await cardsOf(victim.account.id)).toEqual(before);
  });

  it('cannot edit a card, under the account’s id or its own', async () => {
    const edit = { label: 'Mine now', userId: intruder.user.id };
    expect(await editCardAction(idle, form({ ...claim(), ...edit }))).toMatchObject({ status: 'error', formError: 'forbidden' });
    expect(await editCardAction(idle, form({ ...ownAccountClaim(), ...edit }))).toMatchObject({ status: 'error', formError: 'cardNotFound' });
    expect(await cardsOf(victim.account.id)).toEqual(before);
  });

  it('cannot block, unblock or delete a card', async () => {
    expect(await setCardStatusAction(idle, form({ ...claim(), status: 'blocked' }))).toMatchObject({ formError: 'forbidden' });
    expect(await setCardStatusAction(idle, form({ ...ownAccountClaim(), status: 'blocked' }))).toMatchObject({ formError: 'cardNotFound' });
    expect(await deleteCardAction(idle, form(claim()))).toMatchObject({ formError: 'forbidden' });
    expect(await deleteCardAction(idle, form(ownAccountClaim()))).toMatchObject({ formError: 'cardNotFound' });
    expect(await cardsOf(victim.account.id)).toEqual(before);
  });

  it('cannot sync the account’s cards to its chargers', async () => {
    expect(await syncCardsAction(idle, form({ accountId: victim.account.id }))).toMatchObject({ formError: 'forbidden' });
    expect(await db.select().from(chargerCommands).where(eq(chargerCommands.accountId, victim.account.id))).toEqual([]);
    expect(await db.select().from(cardLocalLists).where(eq(cardLocalLists.accountId, victim.account.id))).toEqual([]);
    expect(await db.select().from(chargerLocalLists).where(eq(chargerLocalLists.accountId, victim.account.id))).toEqual([]);
  });

  it('cannot read the account’s cards through its own scope', async () => {
    expect(await getCard(db, { accountId: intruder.account.id, cardId: victim.card.id })).toBeNull();
    expect(await listCards(db, { accountId: intruder.account.id })).toEqual([]);
  });

  it('cannot link a card of its own account to a user of another account', async () => {
    const result = await addCardAction(idle, form({ accountId: intruder.account.id, kind: 'virtual', userId: victim.account.owner.id }));
    expect(result).toMatchObject({ status: 'error', fieldErrors: { userId: ['userNotMember'] } });
    expect(await cardsOf(intruder.account.id)).toEqual([]);
  });
});

describe('cards actions for a member', () => {
  async function owner() {
    const user = await activeUser();
    const account = await makeAccount(db, { owner: user });
    signInAs(user);
    return { user, account };
  }

  async function expectRedirect(run: Promise<unknown>, url: string) {
    await expect(run).rejects.toEqual(new Redirected(url));
  }

  it('adds a physical card with its id tag normalised, and refuses the same tag again in any spelling', async () => {
    const { account } = await owner();
    await expectRedirect(addCardAction(idle, form({ accountId: account.id, kind: 'physical', idTag: ' 04 a2 3b ff ', label: 'Fob' })), '/cards');
    const again = await addCardAction(idle, form({ accountId: account.id, kind: 'physical', idTag: '04A23BFF' }));
    expect(again).toMatchObject({ status: 'error', fieldErrors: { idTag: ['idTagTaken'] }, values: { idTag: '04A23BFF' } });
    expect(await cardsOf(account.id)).toEqual([expect.objectContaining({ idTag: '04A23BFF', label: 'Fob', kind: 'physical', userId: null, status: 'active' })]);
  });

  it('allows the same physical card in two accounts', async () => {
    const first = await owner();
    await expectRedirect(addCardAction(idle, form({ accountId: first.account.id, kind: 'physical', idTag: 'SHAREDCARD' })), '/cards');
    const second = await owner();
    await expectRedirect(addCardAction(idle, form({ accountId: second.account.id, kind: 'physical', idTag: 'sharedcard' })), '/cards');
    expect(await cardsOf(second.account.id)).toEqual([expect.objectContaining({ idTag: 'SHAREDCARD' })]);
  });

  it('refuses an id tag over 20 characters and a virtual card without a user', async () => {
    const { account } = await owner();
    const tooLong = await addCardAction(idle, form({ accountId: account.id, kind: 'physical', idTag: '123456789012345678901' }));
    expect(tooLong).toMatchObject({ status: 'error', fieldErrors: { idTag: ['idTagTooLong'] } });
    const withoutUser = await addCardAction(idle, form({ accountId: account.id, kind: 'virtual', userId: '' }));
    expect(withoutUser).toMatchObject({ status: 'error', fieldErrors: { userId: ['virtualNeedsUser'] } });
    const noKind = await addCardAction(idle, form({ accountId: account.id, kind: 'magnetic', idTag: 'ABC' }));
    expect(noKind).toMatchObject({ status: 'error', fieldErrors: { kind: ['kindInvalid'] } });
    expect(await cardsOf(account.id)).toEqual([]);
  });

  it('generates the id tag of a virtual card and keeps its user', async () => {
    const { user, account } = await owner();
    await expectRedirect(addCardAction(idle, form({ accountId: account.id, kind: 'virtual', userId: user.id, idTag: 'IGNORED' })), '/cards');
    const [card] = await cardsOf(account.id);
    expect(card).toMatchObject({ kind: 'virtual', userId: user.id });
    expect(card!.idTag).toMatch(/^V[A-Z2-7]{15}$/);
    const unlinked = await editCardAction(idle, form({ accountId: account.id, cardId: card!.id, label: 'Phone', userId: '' }));
    expect(unlinked).toMatchObject({ status: 'error', fieldErrors: { userId: ['virtualNeedsUser'] } });
    expect((await getCard(db, { accountId: account.id, cardId: card!.id }))?.userId).toBe(user.id);
  });

  it('edits, blocks, unblocks and soft-deletes a card', async () => {
    const { user, account } = await owner();
    const card = await makeCard(db, { accountId: account.id });
    const claim = { accountId: account.id, cardId: card.id };
    expect(await editCardAction(idle, form({ ...claim, label: 'Renamed', userId: user.id }))).toEqual({ status: 'ok', data: null });
    expect(await setCardStatusAction(idle, form({ ...claim, status: 'blocked' }))).toEqual({ status: 'ok', data: null });
    expect(await getCard(db, claim)).toMatchObject({ label: 'Renamed', userId: user.id, userName: user.name, status: 'blocked' });
    expect(await setCardStatusAction(idle, form({ ...claim, status: 'active' }))).toEqual({ status: 'ok', data: null });
    await expectRedirect(deleteCardAction(idle, form(claim)), '/cards');
    expect(await getCard(db, claim)).toBeNull();
    const [row] = await db.select().from(cards).where(eq(cards.id, card.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    await expectRedirect(addCardAction(idle, form({ accountId: account.id, kind: 'physical', idTag: card.idTag })), '/cards');
  });

  it('puts every charger of the account behind the new list version after a card change', async () => {
    const { account } = await owner();
    const card = await makeCard(db, { accountId: account.id });
    const charger = await makeCharger(db, { accountId: account.id });
    expect(await setCardStatusAction(idle, form({ accountId: account.id, cardId: card.id, status: 'blocked' }))).toEqual({ status: 'ok', data: null });
    const [version] = await db.select().from(cardLocalLists).where(eq(cardLocalLists.accountId, account.id));
    const [list] = await db.select().from(chargerLocalLists).where(eq(chargerLocalLists.chargerId, charger.id));
    expect(list).toMatchObject({ wantedVersion: version!.version, syncedVersion: null });
  });
});
