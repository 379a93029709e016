// What the room's write functions share: who is acting, and a write's result together with
// the durable events it causes. The room commits both in one transaction, then broadcasts.
import type { Role } from "../protocol/api";
import type { DurableEventInput } from "../protocol/realtime";

/** The caller as the worker vouches for them: it checked membership and role already. */
export interface Actor {
  userId: string;
  role: Role;
}

export interface Write<R> {
  result: R;
  events: DurableEventInput[];
}

export const noEvents = <R>(result: R): Write<R> => ({ result, events: [] });

export const isoAt = (ms: number) => new Date(ms).toISOString();

/** Authors may change their own things; owners may also remove (or, for comments, edit) anyone's. */
export const isAuthorOrOwner = (actor: Actor, authorId: string) => actor.userId === authorId || actor.role === "owner";
