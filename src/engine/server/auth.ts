import { ERRORS, fail } from '../amqp/errors';
import { compileRegex } from './regex';

/** A user's configure / write / read regexes on one vhost, as `rabbitmqctl set_permissions` takes them. */
export interface Permission {
  configure: string;
  write: string;
  read: string;
}

/** One permission kind: what a regex guards. */
export type PermKind = 'configure' | 'write' | 'read';

interface Compiled {
  source: Permission;
  configure: RegExp | null;
  write: RegExp | null;
  read: RegExp | null;
}

export interface UserInfo {
  name: string;
  tags: string[];
}

export interface PermissionInfo extends Permission {
  user: string;
  vhost: string;
}

/** The channel side of permission checks: a cache of checks that passed (RabbitMQ caches them per channel). */
export interface AccessCache {
  permCache: Set<string> | null;
}

/**
 * Users (password, tags) and their per-vhost permissions. Tags are kept for the admin views;
 * as in RabbitMQ they make no difference over AMQP.
 */
export class Auth {
  private readonly users = new Map<string, { password: string; tags: string[] }>();
  private readonly perms = new Map<string, Map<string, Compiled>>();

  constructor() {
    this.users.set('guest', { password: 'guest', tags: ['administrator'] });
  }

  addUser(name: string, password: string, tags: string[]): void {
    if (typeof name !== 'string' || name === '') throw new TypeError('user name must be a non-empty string');
    if (typeof password !== 'string') throw new TypeError('password must be a string');
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) throw new TypeError('tags must be an array of strings');
    if (this.users.has(name)) throw new Error(`user '${name}' already exists`);
    this.users.set(name, { password, tags: [...tags] });
  }

  deleteUser(name: string): void {
    if (!this.users.delete(name)) throw new Error(`no such user '${name}'`);
    this.perms.delete(name);
  }

  hasUser(name: string): boolean {
    return this.users.has(name);
  }

  /** Whether the login is accepted (unknown user and wrong password look the same). */
  login(user: string, password: string): boolean {
    const u = this.users.get(user);
    return !!u && u.password === password;
  }

  setPermissions(user: string, vhost: string, p: Permission): void {
    if (!this.users.has(user)) throw new Error(`no such user '${user}'`);
    const c: Compiled = {
      source: { ...p },
      configure: compileRegex('configure', p.configure),
      write: compileRegex('write', p.write),
      read: compileRegex('read', p.read),
    };
    let m = this.perms.get(user);
    if (!m) this.perms.set(user, (m = new Map()));
    m.set(vhost, c);
  }

  clearPermissions(user: string, vhost: string): void {
    if (!this.users.has(user)) throw new Error(`no such user '${user}'`);
    this.perms.get(user)?.delete(vhost);
  }

  /** Forgets every permission on a deleted vhost. */
  dropVhost(vhost: string): void {
    for (const m of this.perms.values()) m.delete(vhost);
  }

  hasVhostAccess(user: string, vhost: string): boolean {
    return !!this.perms.get(user)?.has(vhost);
  }

  /** Throws 403 ACCESS_REFUSED unless `user` may `perm` the resource; passed checks are cached on `cache`. */
  check(cache: AccessCache, user: string, vhost: string, perm: PermKind, kind: 'queue' | 'exchange', name: string): void {
    const key = `${perm}\u0000${kind}\u0000${name}`;
    if (cache.permCache?.has(key)) return;
    const re = this.perms.get(user)?.get(vhost)?.[perm] ?? null;
    if (!re || !re.test(name)) fail(ERRORS.accessRefused(kind, name, vhost, user));
    (cache.permCache ??= new Set()).add(key);
  }

  listUsers(): UserInfo[] {
    return [...this.users].map(([name, u]) => ({ name, tags: [...u.tags] })).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  permissions(): PermissionInfo[] {
    const out: PermissionInfo[] = [];
    for (const [user, m] of this.perms) for (const [vhost, c] of m) out.push({ user, vhost, ...c.source });
    return out.sort((a, b) => (a.user === b.user ? (a.vhost < b.vhost ? -1 : 1) : a.user < b.user ? -1 : 1));
  }
}
