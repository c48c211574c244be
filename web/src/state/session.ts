/**
 * Who is signed in, shared by the shell and pages. Components subscribe with SessionController,
 * which re-renders them when the user changes (login, logout, expiry).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Me, Role } from '../data/types';

type Listener = (user: Me | null) => void;

let user: Me | null = null;
let known = false;
const listeners = new Set<Listener>();

export const sessionUser = (): Me | null => user;
/** False until the app has asked the server who is signed in. */
export const sessionKnown = (): boolean => known;

export function setSessionUser(next: Me | null): void {
  user = next;
  known = true;
  for (const l of listeners) l(user);
}

const RANK: Record<Role, number> = { member: 1, moderator: 2, admin: 3 };

export function hasRole(u: Me | null, needed: Role): boolean {
  return u !== null && RANK[u.role] >= RANK[needed];
}

/** Whether `u` may edit a tip: its author or a moderator (the server's rule: posts/service.ts checkEditor). */
export function mayEdit(u: Me | null, post: { author: { id: number } }): boolean {
  return u !== null && (u.id === post.author.id || hasRole(u, 'moderator'));
}

export class SessionController implements ReactiveController {
  private readonly listener: Listener = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get user(): Me | null {
    return user;
  }

  hostConnected(): void {
    listeners.add(this.listener);
  }

  hostDisconnected(): void {
    listeners.delete(this.listener);
  }
}
