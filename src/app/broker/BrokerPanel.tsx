/**
 * The broker panel, like the management UI's Admin tab: users (with tags), virtual hosts,
 * permissions (configure / write / read regexes), policies and limits. Every edit goes to the
 * document's `broker` section (undoable) after validation; a refused edit shows the broker's
 * words beside the field and changes nothing.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { brokerOf, resourcesOf, userNames, vhostNames, type BrokerConfig, type BrokerProblem } from '../../scenario/broker';
import { USER_TAGS } from '../../scenario/schema';
import { useDocument } from '../../store/document';
import { Modal } from '../shell/Modal';
import { commitBroker, problemAt } from './edit';
import { formatBytes } from './format';
import { OverviewTab } from './OverviewTab';
import { closeBrokerPanel, restartBroker, useBroker, brokerStore, type BrokerTab } from './store';

type Tag = string;
const TAGS: readonly Tag[] = USER_TAGS;
/** A new password replaces an imported hash: the export hashes the new one. */
function withPassword(u: BrokerConfig['users'][number], password: string): BrokerConfig['users'][number] {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
  const { passwordHash, hashingAlgorithm, ...rest } = u;
  return { ...rest, password };
}
const TABS: BrokerTab[] = ['overview', 'users', 'vhosts', 'permissions', 'policies', 'limits'];
/** The policy keys RabbitMQ 3.10 takes for queues and exchanges (the engine checks each one). */
const POLICY_KEYS = [
  'message-ttl', 'expires', 'max-length', 'max-length-bytes', 'overflow', 'dead-letter-exchange', 'dead-letter-routing-key',
  'delivery-limit', 'queue-mode', 'alternate-exchange', 'ha-mode', 'ha-params', 'ha-sync-mode',
];

const input =
  'h-8 w-full min-w-0 rounded-md border bg-white px-2 font-mono text-[13px] text-zinc-900 outline-none focus:ring-2 dark:bg-zinc-950 dark:text-zinc-100';
const inputTone = (bad: boolean) =>
  bad ? 'border-red-500 focus:ring-red-500/30' : 'border-zinc-300 focus:border-accent-500 focus:ring-accent-500/30 dark:border-zinc-700';
const button =
  'inline-flex h-8 items-center gap-1 rounded-md border border-zinc-300 bg-white px-2.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800';
const primary = 'inline-flex h-8 items-center rounded-md bg-accent-600 px-3 text-sm font-semibold text-white hover:bg-accent-700 disabled:opacity-50';
const th = 'px-2 py-1.5 text-left text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';
const td = 'px-2 py-1.5 align-top';

/** A text cell that commits on Enter or blur; a refusal stays beside it and the draft is kept. */
function Cell({ value, onCommit, label, mono = true, placeholder }: { value: string; onCommit: (v: string) => string | null; label: string; mono?: boolean; placeholder?: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null || draft === value) {
      setDraft(null);
      setError(null);
      return;
    }
    const problem = onCommit(draft);
    setError(problem);
    if (!problem) setDraft(null);
  };
  return (
    <div>
      <input
        aria-label={label}
        aria-invalid={!!error}
        placeholder={placeholder}
        className={`${input} ${inputTone(!!error)} ${mono ? '' : 'font-sans'}`}
        value={draft ?? value}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && draft !== null) {
            e.stopPropagation();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error && (
        <p role="alert" data-broker-error className="mt-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

const first = (problems: BrokerProblem[]) => problems[0]?.message ?? null;

function Remove({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} className="grid size-8 place-items-center rounded-md text-zinc-500 dark:text-zinc-400 hover:bg-red-50 hover:text-red-600 dark:hover:bg-red-500/10">
      ✕
    </button>
  );
}

function AddRow({ children, onAdd, error, label }: { children: ReactNode; onAdd: () => void; error: string | null; label: string }) {
  return (
    <form
      className="mt-3 rounded-lg border border-dashed border-zinc-300 p-3 dark:border-zinc-700"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd();
      }}
    >
      <div className="flex items-start gap-2">
        {children}
        <button type="submit" className={primary}>
          {label}
        </button>
      </div>
      {error && (
        <p role="alert" data-broker-error className="mt-2 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}

function Builtin({ children }: { children: ReactNode }) {
  return <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">{children}</span>;
}

// ------------------------------------------------------------------ users

function UsersTab({ cfg }: { cfg: BrokerConfig }) {
  const { t } = useTranslation('broker');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listed = new Set(cfg.users.map((u) => u.name));
  const rows = [...(listed.has('guest') ? [] : [{ name: 'guest', password: 'guest', tags: ['administrator'] as Tag[], builtin: true }]), ...cfg.users.map((u) => ({ ...u, builtin: false }))];
  const setTags = (user: string, tags: Tag[]) =>
    commitBroker((c) => {
      const has = c.users.some((u) => u.name === user);
      const users = has ? c.users.map((u) => (u.name === user ? { ...u, tags } : u)) : [...c.users, { name: user, password: 'guest', tags }];
      return { ...c, users };
    });
  return (
    <div>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('users.intro')}</p>
      <table className="mt-3 w-full text-sm" data-broker-table="users">
        <thead>
          <tr>
            <th className={th}>{t('users.name')}</th>
            <th className={th}>{t('users.password')}</th>
            <th className={th}>{t('users.tags')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.name} data-user={u.name} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className={`${td} font-mono`}>
                {u.name} {u.builtin && <Builtin>{t('builtin')}</Builtin>}
              </td>
              <td className={`${td} w-36`}>
                <Cell
                  label={t('users.passwordOf', { user: u.name })}
                  value={u.password}
                  placeholder={'passwordHash' in u && u.passwordHash ? t('users.hashKept') : undefined}
                  onCommit={(pw) =>
                    first(
                      commitBroker((c) => ({
                        ...c,
                        users: c.users.some((x) => x.name === u.name) ? c.users.map((x) => (x.name === u.name ? withPassword(x, pw) : x)) : [...c.users, { name: u.name, password: pw, tags: u.tags }],
                      })),
                    )
                  }
                />
              </td>
              <td className={td}>
                <div className="flex flex-wrap gap-1">
                  {TAGS.map((tag) => {
                    const on = u.tags.includes(tag);
                    return (
                      <button
                        key={tag}
                        type="button"
                        aria-pressed={on}
                        onClick={() => setTags(u.name, on ? u.tags.filter((x) => x !== tag) : [...u.tags, tag])}
                        className={`rounded-full border px-2 py-0.5 text-[11px] ${on ? 'border-accent-500 bg-accent-50 text-accent-700 dark:bg-accent-700/20 dark:text-accent-300' : 'border-zinc-200 text-zinc-500 dark:text-zinc-400 dark:border-zinc-700'}`}
                      >
                        {tag}
                      </button>
                    );
                  })}
                </div>
              </td>
              <td className={`${td} w-10`}>
                {!u.builtin && (
                  <Remove
                    label={t('remove', { what: u.name })}
                    onClick={() =>
                      commitBroker((c) => ({ ...c, users: c.users.filter((x) => x.name !== u.name), permissions: c.permissions.filter((p) => p.user !== u.name || u.name === 'guest') }))
                    }
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{t('users.tagsHint')}</p>
      <AddRow
        label={t('users.add')}
        error={error}
        onAdd={() => {
          if (!name) return setError(t('required'));
          if (userNames(cfg).includes(name)) return setError(`user '${name}' already exists`);
          const p = commitBroker((c) => ({ ...c, users: [...c.users, { name, password, tags: [] }] }));
          setError(first(p));
          if (!p.length) {
            setName('');
            setPassword('');
          }
        }}
      >
        <input aria-label={t('users.name')} placeholder={t('users.name')} className={`${input} ${inputTone(false)}`} value={name} onChange={(e) => setName(e.target.value)} />
        <input aria-label={t('users.password')} placeholder={t('users.password')} className={`${input} ${inputTone(false)}`} value={password} onChange={(e) => setPassword(e.target.value)} />
      </AddRow>
    </div>
  );
}

// ------------------------------------------------------------------ vhosts

function VhostsTab({ cfg }: { cfg: BrokerConfig }) {
  const { t } = useTranslation('broker');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('vhosts.intro')}</p>
      <ul className="mt-3 divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-broker-table="vhosts">
        {vhostNames(cfg).map((v) => (
          <li key={v} data-vhost={v} className="flex items-center justify-between px-3 py-1.5 font-mono text-sm">
            <span>
              {v} {v === '/' && <Builtin>{t('builtin')}</Builtin>}
            </span>
            {v !== '/' && (
              <Remove
                label={t('remove', { what: v })}
                onClick={() =>
                  commitBroker((c) => ({
                    ...c,
                    vhosts: c.vhosts.filter((x) => x !== v),
                    permissions: c.permissions.filter((p) => p.vhost !== v),
                    policies: c.policies.filter((p) => p.vhost !== v),
                  }))
                }
              />
            )}
          </li>
        ))}
      </ul>
      <AddRow
        label={t('vhosts.add')}
        error={error}
        onAdd={() => {
          if (!name) return setError(t('required'));
          // As the management UI does, the user adding a vhost (guest here) may use it.
          const p = commitBroker((c) => ({ ...c, vhosts: [...c.vhosts, name], permissions: [...c.permissions, { user: 'guest', vhost: name, configure: '.*', write: '.*', read: '.*' }] }));
          setError(first(p));
          if (!p.length) setName('');
        }}
      >
        <input aria-label={t('vhosts.name')} placeholder={t('vhosts.name')} className={`${input} ${inputTone(false)}`} value={name} onChange={(e) => setName(e.target.value)} />
      </AddRow>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{t('vhosts.grantHint')}</p>
    </div>
  );
}

// ------------------------------------------------------------------ permissions

type Perm = BrokerConfig['permissions'][number];
const KINDS = ['configure', 'write', 'read'] as const;

function PermissionsTab({ cfg }: { cfg: BrokerConfig }) {
  const { t } = useTranslation('broker');
  const users = userNames(cfg);
  const vhosts = vhostNames(cfg);
  const [draft, setDraft] = useState<Perm>({ user: users[0], vhost: '/', configure: '.*', write: '.*', read: '.*' });
  const [error, setError] = useState<string | null>(null);
  const explicitGuest = cfg.permissions.some((p) => p.user === 'guest' && p.vhost === '/');
  const rows: (Perm & { builtin?: boolean })[] = [...(explicitGuest ? [] : [{ user: 'guest', vhost: '/', configure: '.*', write: '.*', read: '.*', builtin: true }]), ...cfg.permissions];
  const edit = (i: number, patch: Partial<Perm>) => {
    const probs = commitBroker((c) => ({ ...c, permissions: c.permissions.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
    return problemAt(probs, `permissions.${i}`) ?? first(probs);
  };
  const select = `${input} ${inputTone(false)} font-sans`;
  return (
    <div>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('permissions.intro')}</p>
      <table className="mt-3 w-full table-fixed text-sm" data-broker-table="permissions">
        <thead>
          <tr>
            <th className={`${th} w-28`}>{t('permissions.user')}</th>
            <th className={`${th} w-24`}>{t('permissions.vhost')}</th>
            {KINDS.map((k) => (
              <th key={k} className={th}>
                {t(`permissions.${k}`)}
              </th>
            ))}
            <th className="w-10" />
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const i = cfg.permissions.indexOf(p);
            return (
              <tr key={`${p.user}\u0000${p.vhost}`} data-permission={`${p.user}@${p.vhost}`} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className={`${td} truncate font-mono`}>{p.user}</td>
                <td className={`${td} truncate font-mono`}>{p.vhost}</td>
                {KINDS.map((k) =>
                  p.builtin ? (
                    <td key={k} className={`${td} font-mono text-zinc-500 dark:text-zinc-400`}>
                      {p[k]}
                    </td>
                  ) : (
                    <td key={k} className={td}>
                      <Cell label={t('permissions.regexOf', { kind: k, user: p.user, vhost: p.vhost })} value={p[k]} placeholder={t('permissions.nothing')} onCommit={(v) => edit(i, { [k]: v })} />
                    </td>
                  ),
                )}
                <td className={td}>
                  {p.builtin ? (
                    <Builtin>{t('builtin')}</Builtin>
                  ) : (
                    <Remove label={t('remove', { what: `${p.user} @ ${p.vhost}` })} onClick={() => commitBroker((c) => ({ ...c, permissions: c.permissions.filter((_, j) => j !== i) }))} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{t('permissions.hint')}</p>
      <AddRow
        label={t('permissions.add')}
        error={error}
        onAdd={() => {
          const exists = rows.findIndex((p) => p.user === draft.user && p.vhost === draft.vhost);
          const probs = commitBroker((c) => ({
            ...c,
            permissions: exists >= 0 && !rows[exists].builtin ? c.permissions.map((p) => (p.user === draft.user && p.vhost === draft.vhost ? draft : p)) : [...c.permissions, draft],
          }));
          setError(first(probs));
        }}
      >
        <select aria-label={t('permissions.user')} className={select} value={draft.user} onChange={(e) => setDraft({ ...draft, user: e.target.value })}>
          {users.map((u) => (
            <option key={u}>{u}</option>
          ))}
        </select>
        <select aria-label={t('permissions.vhost')} className={select} value={draft.vhost} onChange={(e) => setDraft({ ...draft, vhost: e.target.value })}>
          {vhosts.map((v) => (
            <option key={v}>{v}</option>
          ))}
        </select>
        {KINDS.map((k) => (
          <input key={k} aria-label={t(`permissions.${k}`)} placeholder={t(`permissions.${k}`)} className={`${input} ${inputTone(false)}`} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
        ))}
      </AddRow>
    </div>
  );
}

// ------------------------------------------------------------------ policies

type Policy = BrokerConfig['policies'][number];
type Definition = Policy['definition'];

/** A policy definition as rabbitmqctl takes it: a JSON object. */
function parseDefinition(text: string): Definition | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return `definition is not valid JSON: ${(e as Error).message}`;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'policy definition must be an object';
  for (const [k, x] of Object.entries(v)) {
    if (x !== null && typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') return `policy key '${k}' must be a string, a number or a boolean here`;
  }
  return v as Definition;
}

function PoliciesTab({ cfg }: { cfg: BrokerConfig }) {
  const { t } = useTranslation('broker');
  const vhosts = vhostNames(cfg);
  const empty: Policy = { name: '', vhost: '/', pattern: '.*', applyTo: 'queues', priority: 0, definition: {} };
  const [draft, setDraft] = useState<Policy>(empty);
  const [defText, setDefText] = useState('{"message-ttl": 60000}');
  const [error, setError] = useState<string | null>(null);
  const edit = (i: number, patch: Partial<Policy>) => {
    const probs = commitBroker((c) => ({ ...c, policies: c.policies.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
    return problemAt(probs, `policies.${i}`) ?? first(probs);
  };
  const select = `${input} ${inputTone(false)} font-sans`;
  const applyOptions = ['all', 'queues', 'exchanges'] as const;
  return (
    <div>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('policies.intro')}</p>
      <table className="mt-3 w-full table-fixed text-sm" data-broker-table="policies">
        <thead>
          <tr>
            <th className={`${th} w-28`}>{t('policies.name')}</th>
            <th className={`${th} w-16`}>{t('policies.vhost')}</th>
            <th className={`${th} w-28`}>{t('policies.pattern')}</th>
            <th className={`${th} w-24`}>{t('policies.applyTo')}</th>
            <th className={`${th} w-16`}>{t('policies.priority')}</th>
            <th className={th}>{t('policies.definition')}</th>
            <th className="w-10" />
          </tr>
        </thead>
        <tbody>
          {cfg.policies.map((p, i) => (
            <tr key={`${p.vhost}\u0000${p.name}`} data-policy={p.name} className="border-t border-zinc-100 dark:border-zinc-800">
              <td className={`${td} truncate font-mono`}>{p.name}</td>
              <td className={`${td} truncate font-mono`}>{p.vhost}</td>
              <td className={td}>
                <Cell label={t('policies.patternOf', { name: p.name })} value={p.pattern} onCommit={(pattern) => edit(i, { pattern })} />
              </td>
              <td className={td}>
                <select aria-label={t('policies.applyTo')} className={select} value={p.applyTo} onChange={(e) => edit(i, { applyTo: e.target.value as Policy['applyTo'] })}>
                  {applyOptions.map((a) => (
                    <option key={a} value={a}>
                      {t(`policies.apply.${a}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className={td}>
                <Cell
                  label={t('policies.priority')}
                  value={String(p.priority)}
                  onCommit={(v) => (/^-?\d+$/.test(v.trim()) ? edit(i, { priority: Number(v) }) : 'policy priority must be an integer')}
                />
              </td>
              <td className={td}>
                <Cell
                  label={t('policies.definitionOf', { name: p.name })}
                  value={JSON.stringify(p.definition)}
                  onCommit={(v) => {
                    const d = parseDefinition(v);
                    return typeof d === 'string' ? d : edit(i, { definition: d });
                  }}
                />
              </td>
              <td className={td}>
                <Remove label={t('remove', { what: p.name })} onClick={() => commitBroker((c) => ({ ...c, policies: c.policies.filter((_, j) => j !== i) }))} />
              </td>
            </tr>
          ))}
          {!cfg.policies.length && (
            <tr>
              <td colSpan={7} className={`${td} text-zinc-500 dark:text-zinc-400`}>
                {t('policies.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        {t('policies.keys')} <span className="font-mono">{POLICY_KEYS.join(', ')}</span>. {t('policies.precedence')}
      </p>
      <AddRow
        label={t('policies.add')}
        error={error}
        onAdd={() => {
          if (!draft.name) return setError(t('required'));
          const d = parseDefinition(defText);
          if (typeof d === 'string') return setError(d);
          const probs = commitBroker((c) => ({ ...c, policies: [...c.policies, { ...draft, definition: d }] }));
          setError(first(probs));
          if (!probs.length) setDraft(empty);
        }}
      >
        <div className="grid flex-1 grid-cols-[1fr_5rem_1fr_6rem_4rem] gap-2">
          <input aria-label={t('policies.name')} placeholder={t('policies.name')} className={`${input} ${inputTone(false)}`} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <select aria-label={t('policies.vhost')} className={select} value={draft.vhost} onChange={(e) => setDraft({ ...draft, vhost: e.target.value })}>
            {vhosts.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
          <input aria-label={t('policies.pattern')} placeholder={t('policies.pattern')} className={`${input} ${inputTone(false)}`} value={draft.pattern} onChange={(e) => setDraft({ ...draft, pattern: e.target.value })} />
          <select aria-label={t('policies.applyTo')} className={select} value={draft.applyTo} onChange={(e) => setDraft({ ...draft, applyTo: e.target.value as Policy['applyTo'] })}>
            {applyOptions.map((a) => (
              <option key={a} value={a}>
                {t(`policies.apply.${a}`)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('policies.priority')}
            className={`${input} ${inputTone(false)}`}
            value={String(draft.priority)}
            onChange={(e) => setDraft({ ...draft, priority: Number.parseInt(e.target.value, 10) || 0 })}
          />
          <input aria-label={t('policies.definition')} placeholder='{"message-ttl": 60000}' className={`${input} ${inputTone(false)} col-span-5`} value={defText} onChange={(e) => setDefText(e.target.value)} />
        </div>
      </AddRow>
    </div>
  );
}

// ------------------------------------------------------------------ limits

type ResourceKey = keyof BrokerConfig['resources'];
const RESOURCE_FIELDS: { key: ResourceKey; unit: 'bytes' | 'fraction' }[] = [
  { key: 'totalMemory', unit: 'bytes' },
  { key: 'baseMemory', unit: 'bytes' },
  { key: 'memoryHighWatermark', unit: 'fraction' },
  { key: 'diskFree', unit: 'bytes' },
  { key: 'diskFreeLimit', unit: 'bytes' },
];

function LimitsTab({ cfg }: { cfg: BrokerConfig }) {
  const { t } = useTranslation('broker');
  const r = resourcesOf(cfg);
  const status = useBroker((s) => s.status?.resources);
  const set = (key: ResourceKey, raw: string): string | null => {
    const text = raw.trim();
    if (text === '') {
      const probs = commitBroker((c) => {
        const resources = { ...c.resources };
        delete resources[key];
        return { ...c, resources };
      });
      return first(probs);
    }
    const v = Number(text);
    if (!Number.isFinite(v)) return `${key} must be a number, got ${text}`;
    const probs = commitBroker((c) => ({ ...c, resources: { ...c.resources, [key]: v } }));
    return problemAt(probs, `resources.${key}`) ?? first(probs);
  };
  return (
    <div>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('limits.intro')}</p>
      <div className="mt-3 grid grid-cols-[12rem_10rem_1fr] items-start gap-x-3 gap-y-2 text-sm" data-broker-table="limits">
        {RESOURCE_FIELDS.map(({ key, unit }) => (
          <div key={key} className="contents" data-resource={key}>
            <label className="pt-1.5 text-zinc-700 dark:text-zinc-300">{t(`limits.${key}`)}</label>
            <Cell label={t(`limits.${key}`)} value={cfg.resources[key] === undefined ? '' : String(cfg.resources[key])} placeholder={String(r[key])} onCommit={(v) => set(key, v)} />
            <span className="pt-1.5 text-xs text-zinc-500 dark:text-zinc-400">
              {unit === 'bytes' ? formatBytes(r[key]) : t('limits.fractionIs', { limit: formatBytes(Math.floor(r.memoryHighWatermark * r.totalMemory)) })}
              {' · '}
              {t(`limits.${key}Hint`)}
            </span>
          </div>
        ))}
      </div>
      {status && (
        <p className="mt-4 text-xs text-zinc-500 dark:text-zinc-400">
          {t('limits.now', { used: formatBytes(status.memory.used), limit: formatBytes(status.memory.limit), free: formatBytes(status.disk.free), diskLimit: formatBytes(status.disk.limit) })}
        </p>
      )}
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{t('limits.rebuild')}</p>
    </div>
  );
}

// ------------------------------------------------------------------ the panel

const NO_PROBLEMS: string[] = [];

export function BrokerPanel() {
  const { t } = useTranslation('broker');
  const open = useBroker((s) => s.open);
  const tab = useBroker((s) => s.tab);
  const problems = useBroker((s) => s.status?.problems ?? NO_PROBLEMS);
  const broker = useDocument((s) => s.doc.broker);
  if (!open) return null;
  const cfg = brokerOf({ broker });
  return (
    <Modal title={t('panel.title')} onClose={closeBrokerPanel} width="max-w-5xl">
      <div data-broker-panel className="mt-1">
        <div className="flex items-center justify-between gap-3">
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('panel.intro')}</p>
          <button type="button" className={button} data-broker-restart onClick={restartBroker}>
            ↻ {t('restart')}
          </button>
        </div>
        <div role="tablist" className="mt-3 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
          {TABS.map((k) => (
            <button
              key={k}
              role="tab"
              type="button"
              aria-selected={tab === k}
              data-broker-tab={k}
              onClick={() => brokerStore.setState({ tab: k })}
              className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${tab === k ? 'border-accent-600 text-accent-700 dark:text-accent-300' : 'border-transparent text-zinc-500 dark:text-zinc-400 hover:text-zinc-800 dark:hover:text-zinc-200'}`}
            >
              {t(`tabs.${k}`)}
            </button>
          ))}
        </div>
        {problems.length > 0 && (
          <ul className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-700 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-300" data-broker-problems>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="mt-3 max-h-[60vh] overflow-y-auto pr-1">
          {tab === 'overview' && <OverviewTab />}
          {tab === 'users' && <UsersTab cfg={cfg} />}
          {tab === 'vhosts' && <VhostsTab cfg={cfg} />}
          {tab === 'permissions' && <PermissionsTab cfg={cfg} />}
          {tab === 'policies' && <PoliciesTab cfg={cfg} />}
          {tab === 'limits' && <LimitsTab cfg={cfg} />}
        </div>
      </div>
    </Modal>
  );
}
