import type { ErrorKey } from '@/lib/action-result';
import type { SignUpInviteRefusal } from '@/lib/invites/signup-invite';

// Why a sign-up link no longer works, said on the page it opens and by the form it sends.
export const SIGN_UP_LINK_ERRORS: Record<SignUpInviteRefusal, ErrorKey> = {
  invalid: 'signUpLinkInvalid',
  used: 'signUpLinkUsed',
  expired: 'signUpLinkExpired',
  revoked: 'signUpLinkRevoked',
  registered: 'signUpLinkRegistered',
};
