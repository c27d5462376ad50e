// What every write and domain verb answers: the value it made, or the reason it did not. A reason is a
// word the caller can branch on (and often an Errors key the form shows); nothing else is a failure.
export type Success<T> = { ok: true; value: T };
export type Failure<Reason extends string> = { ok: false; reason: Reason };
export type Result<T = null, Reason extends string = never> = [Reason] extends [never] ? Success<T> : Success<T> | Failure<Reason>;

export function success<T>(value: T): Success<T> {
  return { ok: true, value };
}

export const done: Success<null> = success(null);

export function failure<Reason extends string>(reason: Reason): Failure<Reason> {
  return { ok: false, reason };
}
