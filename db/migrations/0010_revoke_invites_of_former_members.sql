-- Until this release, removing or losing a member left the invitations they had sent pending, and those could still be
-- accepted. Such invitations are withdrawn now, as a removal does from now on.
UPDATE "invites" SET "status" = 'revoked', "responded_at" = now()
WHERE "status" = 'pending'
  AND NOT EXISTS (SELECT 1 FROM "memberships" m WHERE m."account_id" = "invites"."account_id" AND m."user_id" = "invites"."invited_by");
