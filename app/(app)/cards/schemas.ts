import { z } from 'zod';
import { ID_TAG_MAX, ID_TAG_PATTERN, normalizeIdTag } from '@/domain/cards/id-tag';
import { accountClaim, blankAsUndefined, isoDay, key, singleLine } from '@/lib/validation';
import { LABEL_MAX } from './limits';

const label = singleLine(z.string(key('required')).trim().max(LABEL_MAX, key('tooLong'))).default('');
const optionalUser = z.preprocess(blankAsUndefined, z.uuid(key('userNotMember')).optional());
const expiresOn = z.preprocess(blankAsUndefined, isoDay(key('dateInvalid')).optional());

export const cardClaim = accountClaim.extend({ cardId: z.uuid(key('required')) });

const idTag = z
  .string(key('required'))
  .transform(normalizeIdTag)
  .pipe(z.string().min(1, key('required')).max(ID_TAG_MAX, key('idTagTooLong')).regex(ID_TAG_PATTERN, key('idTagInvalid')));

export const addCardSchema = z.discriminatedUnion(
  'kind',
  [
    accountClaim.extend({ kind: z.literal('physical'), idTag, label, userId: optionalUser, expiresOn }),
    accountClaim.extend({
      kind: z.literal('virtual'),
      label,
      userId: z.preprocess(blankAsUndefined, z.uuid(key('virtualNeedsUser'))),
      expiresOn,
    }),
  ],
  key('kindInvalid'),
);
export type AddCardInput = z.infer<typeof addCardSchema>;

export const editCardSchema = cardClaim.extend({ label, userId: optionalUser, expiresOn });
export type EditCardInput = z.infer<typeof editCardSchema>;

export const setCardStatusSchema = cardClaim.extend({ status: z.enum(['active', 'blocked'], key('required')) });
export type SetCardStatusInput = z.infer<typeof setCardStatusSchema>;
