import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Avatar } from '../components/Avatar';
import { LogoutIcon, PlusIcon } from '../components/icons';
import { Modal } from '../components/Modal';
import { Spinner } from '../components/Spinner';
import { GROUP_NAME_MAX, type Conversation, type Member, type Role, type UserSummary } from '../lib/chatTypes';
import { formatLastSeen } from '../lib/format';
import { useConversations } from '../store/conversations';
import { presenceOf, usePresence } from '../store/presence';
import { MemberPicker } from './MemberPicker';

const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, member: 2 };
const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };

interface Props {
  conversation: Conversation;
  me: string | null;
  onClose: () => void;
}

/** Group details: rename, members and roles, add people, leave. The server has the last word (403 → toast). */
export function GroupInfo({ conversation: c, me, onClose }: Props) {
  const presence = usePresence((s) => s.byUser);
  const form = useConversations((s) => s.groupForm);
  const { rename, addMembers, removeMember, setRole, leave, resetForm } = useConversations.getState();
  const navigate = useNavigate();
  const [name, setName] = useState(c.name);
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<UserSummary[]>([]);

  useEffect(() => () => resetForm('groupForm'), [resetForm]);
  // A rename from elsewhere shows up here unless the user is editing.
  useEffect(() => setName(c.name), [c.name]);

  const myRole = c.members.find((m) => m.id === me)?.role ?? 'member';
  const canManage = myRole === 'owner' || myRole === 'admin';
  const isOwner = myRole === 'owner';
  const busy = form.loading;

  const members = useMemo(
    () =>
      [...c.members].sort(
        (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.fullName.localeCompare(b.fullName),
      ),
    [c.members],
  );
  const memberIds = useMemo(() => new Set(c.members.map((m) => m.id)), [c.members]);

  const saveName = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === c.name) return;
    await rename(c.id, name);
  };

  const onAddMembers = async () => {
    if (!adding) {
      setAdding(true);
      return;
    }
    if (picked.length === 0) {
      setAdding(false);
      return;
    }
    if (await addMembers(c.id, picked.map((u) => u.id))) {
      setPicked([]);
      setAdding(false);
    }
  };

  const onLeave = async () => {
    if (await leave(c.id)) {
      onClose();
      navigate('/', { replace: true });
    }
  };

  const canRemove = (m: Member) => canManage && m.id !== me && m.role !== 'owner';

  return (
    <Modal title="Group info" onClose={onClose} testId="group-info" className="sm:max-w-lg">
      {canManage ? (
        <form className="flex items-end gap-2" onSubmit={(e) => void saveName(e)}>
          <div className="fieldset py-0 flex-1 min-w-0">
            <label htmlFor="group-rename" className="fieldset-legend pb-1 pt-0">
              Group name
            </label>
            <input
              id="group-rename"
              className={`input w-full ${form.fieldErrors.name ? 'input-error' : ''}`}
              value={name}
              maxLength={GROUP_NAME_MAX}
              onChange={(e) => setName(e.target.value)}
              data-testid="group-rename-input"
            />
          </div>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || !name.trim() || name.trim() === c.name}
            data-testid="group-rename-save"
          >
            Save
          </button>
        </form>
      ) : (
        <p className="font-medium">{c.name}</p>
      )}
      {form.fieldErrors.name && (
        <p className="text-error text-sm -mt-2" data-testid="error-name">
          {form.fieldErrors.name}
        </p>
      )}

      <div className="flex items-center justify-between gap-2 pt-1">
        <h3 className="font-semibold text-sm">
          {c.members.length} {c.members.length === 1 ? 'member' : 'members'}
        </h3>
        {busy && <Spinner className="loading-xs" />}
        {canManage && (
          <button
            type="button"
            className={`btn btn-sm ${adding && picked.length > 0 ? 'btn-primary' : 'btn-ghost'}`}
            onClick={() => void onAddMembers()}
            disabled={busy}
            data-testid="group-add-members"
          >
            <PlusIcon className="size-4" />
            {!adding ? 'Add members' : picked.length > 0 ? `Add ${picked.length} ${picked.length === 1 ? 'person' : 'people'}` : 'Done'}
          </button>
        )}
      </div>

      {adding && (
        <div className="rounded-box border border-base-300 p-2">
          <MemberPicker scope="add-members" selected={picked} onChange={setPicked} excludeIds={memberIds} disabled={busy} autoFocus />
        </div>
      )}

      <ul className="flex flex-col gap-1 overflow-y-auto min-h-0 -mx-1 px-1" aria-label="Members">
        {members.map((m) => {
          const p = presenceOf(presence, m);
          const isMe = m.id === me;
          return (
            <li key={m.id} className="flex items-center gap-3 py-1.5" data-testid="group-member" data-user-id={m.id} data-role={m.role}>
              <span className="relative shrink-0">
                <Avatar fullName={m.fullName} avatarUrl={m.avatarUrl} />
                {p.online && !isMe && (
                  <span className="absolute bottom-0 right-0 size-3 rounded-full bg-success ring-2 ring-base-100" aria-hidden="true" />
                )}
              </span>
              <span className="flex-1 min-w-0">
                <span className="block truncate font-medium">
                  {m.fullName}
                  {isMe && <span className="text-base-content/60 font-normal"> (you)</span>}
                </span>
                <span className="block text-xs text-base-content/60 truncate">
                  {isMe || p.online ? 'Online' : formatLastSeen(p.lastSeenAt)}
                </span>
              </span>
              {isOwner && !isMe && m.role !== 'owner' ? (
                <select
                  className="select select-xs w-24"
                  value={m.role}
                  aria-label={`Role of ${m.fullName}`}
                  onChange={(e) => void setRole(c.id, m.id, e.target.value as 'admin' | 'member')}
                  disabled={busy}
                  data-testid="group-member-role"
                >
                  <option value="admin">Admin</option>
                  <option value="member">Member</option>
                </select>
              ) : (
                m.role !== 'member' && (
                  <span className={`badge badge-sm ${m.role === 'owner' ? 'badge-primary' : 'badge-ghost'}`} data-testid="group-member-role-badge">
                    {ROLE_LABEL[m.role]}
                  </span>
                )
              )}
              {canRemove(m) && (
                <button
                  type="button"
                  className="btn btn-ghost btn-xs text-error"
                  onClick={() => void removeMember(c.id, m.id)}
                  disabled={busy}
                  aria-label={`Remove ${m.fullName}`}
                  data-testid="group-member-remove"
                >
                  Remove
                </button>
              )}
            </li>
          );
        })}
      </ul>

      <div className="border-t border-base-300 pt-3">
        <button type="button" className="btn btn-error btn-outline btn-sm" onClick={() => void onLeave()} disabled={busy} data-testid="group-leave">
          <LogoutIcon className="size-4" /> Leave group
        </button>
      </div>
    </Modal>
  );
}
