// The hidden fields that name the charger and the command a form of the charger page sends.
export function CommandClaim({ target, command }: { target: { accountId: string; chargerId: string }; command: string }) {
  return (
    <>
      <input type="hidden" name="accountId" value={target.accountId} />
      <input type="hidden" name="chargerId" value={target.chargerId} />
      <input type="hidden" name="command" value={command} />
    </>
  );
}
